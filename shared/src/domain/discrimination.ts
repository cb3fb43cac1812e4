// Requirements that discriminate (issue 4: "flagged automatically with the reason"). China's
// Employment Promotion Law (就业促进法) arts. 3, 26–31 forbid discrimination by ethnicity, race,
// gender, religion, disability, rural origin and infectious-disease carrier status (e.g.
// hepatitis B); MOHRSS notices add marital and childbearing status and region of origin.
// Staff see each flag with its reason before they approve; the employer sees it too.

export type DiscriminationGround = 'gender' | 'ethnicity' | 'region' | 'marriage' | 'health' | 'religion' | 'disability' | 'appearance';

export const discriminationGroundLabels: Record<DiscriminationGround, string> = {
  gender: '性别',
  ethnicity: '民族',
  region: '地域或户籍',
  marriage: '婚育状况',
  health: '病原携带',
  religion: '宗教信仰',
  disability: '残疾',
  appearance: '相貌身材',
};

const REASONS: Record<DiscriminationGround, string> = {
  gender: '不得以性别为由拒绝录用或提高录用标准（就业促进法第二十七条）',
  ethnicity: '不得因民族不同而歧视劳动者（就业促进法第三条、第二十八条）',
  region: '不得以户籍、地域为由限制求职者（就业促进法第三十一条及人社部有关规定）',
  marriage: '不得限制婚姻、生育状况（就业促进法第二十七条及人社部有关规定）',
  health: '不得以是传染病病原携带者为由拒绝录用（就业促进法第三十条）',
  religion: '不得因宗教信仰不同而歧视劳动者（就业促进法第三条）',
  disability: '不得歧视残疾人（就业促进法第二十九条）',
  appearance: '与岗位无关的相貌、身材要求构成就业歧视',
};

// Phrases people actually write in job ads. Each pattern is checked against text with spaces
// removed; a bare mention of a word (e.g. 男装 in a shop's name) must not trip it.
const PATTERNS: { ground: DiscriminationGround; pattern: RegExp }[] = [
  { ground: 'gender', pattern: /(限|仅限|只招|只要|只收|要求)(男|女)(性|士|生)?|(男|女)(性|士|生)?优先|不招(男|女)|(男|女)性?(不限|勿扰)?以外/ },
  { ground: 'ethnicity', pattern: /(限|仅限|只招|只要)汉族|汉族优先|少数民族(勿扰|不招|除外)|不招[^，。,.;；\s]{0,4}族/ },
  { ground: 'region', pattern: /(限|仅限|只招|只要)(本地|本市|本省|本区|城镇)(户口|户籍|人)|本地(户口|户籍|人)优先|不招[^，。,.;；\s]{1,4}(人|籍)|(限|仅限)[^，。,.;；\s]{1,4}籍/ },
  { ground: 'marriage', pattern: /(已婚已育|未婚未育|已育|限未婚|仅限未婚|未婚优先|已婚优先|不招孕妇|孕妇勿扰|近[一二两三1-3]年(内)?无生育计划|无生育计划)/ },
  { ground: 'health', pattern: /(乙肝|HBV|大三阳|小三阳|携带者)(勿扰|不招|除外|不要|者不录用)|不招(乙肝|携带者)|(无乙肝|乙肝阴性)/i },
  { ground: 'religion', pattern: /(不招|不要)[^，。,.;；\s]{0,4}(教徒|信教)|(限|仅限)[^，。,.;；\s]{0,4}教徒/ },
  { ground: 'disability', pattern: /残疾人?(勿扰|不招|除外)|不招残疾/ },
  { ground: 'appearance', pattern: /(五官端正|形象气质佳|相貌|长相|颜值)|(身高|体重)\s*\d|(身高|体重)(要求|须|在|不低于|不超过)/ },
];

export interface DiscriminationFlag {
  field: string;
  ground: DiscriminationGround;
  phrase: string;
  reason: string;
}

/** The discriminatory requirements found in a vacancy's free-text fields, with the reason for each. */
export function discriminationFlags(fields: Record<string, string | undefined>): DiscriminationFlag[] {
  const flags: DiscriminationFlag[] = [];
  for (const [field, raw] of Object.entries(fields)) {
    const text = (raw ?? '').replace(/\s+/g, '');
    for (const { ground, pattern } of PATTERNS) {
      const m = pattern.exec(text);
      if (m) flags.push({ field, ground, phrase: m[0], reason: `${discriminationGroundLabels[ground]}：${REASONS[ground]}` });
    }
  }
  return flags;
}
