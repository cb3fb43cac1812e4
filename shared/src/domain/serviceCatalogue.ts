// 一次性告知 (domain.md §3.1, §3.3–3.4; the Shunyi procedures: tell a person at once everything a
// service needs): one catalogue of the services a point offers, each with its conditions and the
// documents to bring, versioned like the person rules — a new version is a new entry with a later
// `effectiveFrom`, and a notification slip records the version it was written under.
import { rulesOn, type HardshipCategory } from './personRules';
import { branchText, subsidyKindLabels, subsidyRulesOn, SUBSIDY_KINDS, type SubsidyKind } from './subsidies';

export const SERVICE_KEYS = [
  'jobseeker_registration',
  'unemployment_registration',
  'employment_registration',
  'hardship_recognition',
  'voucher_claim',
  'training_signup',
  'employer_recruitment',
  'career_guidance',
  'policy_consultation',
  // Subsidies (issue 32), from SC-2026-02.
  'subsidy_flexible_si',
  'subsidy_welfare_post',
  'subsidy_skills_appraisal',
  'subsidy_startup_once',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

export interface RequiredDocument {
  code: string;
  label: string;
  /** When it is needed, if not always ("有工作单位的"). */
  when?: string;
}

export interface CatalogueService {
  key: ServiceKey;
  name: string;
  /** One line: what the service is. */
  summary: string;
  /** Who can use it, in plain words. */
  conditions: readonly string[];
  documents: readonly RequiredDocument[];
  /** Where to do it in the app, if it can be done there too. */
  appPage?: string;
  /** How long a visit takes at the desk, roughly. */
  minutes: number;
}

export interface ServiceCatalogue {
  version: string;
  effectiveFrom: string;
  services: readonly CatalogueService[];
}

const ID_CARD: RequiredDocument = { code: 'id_card', label: '本人居民身份证（原件）' };

/** The evidence each hardship category needs, under the person rules in force on a date. */
const hardshipDocs = (date: string): RequiredDocument[] =>
  rulesOn(date).hardshipCategories.flatMap((c) => c.evidence.map((e) => ({ code: `hardship:${c.code}:${e.code}`, label: e.label, when: `申请「${c.label}」的` })));

const SUBSIDY_SUMMARIES: Record<SubsidyKind, string> = {
  flexible_si: '灵活就业的就业困难人员和离校2年内高校毕业生，按月补贴一部分社会保险费',
  welfare_post: '用人单位在公益性岗位上安置就业困难人员的，按月给单位岗位补贴',
  skills_appraisal: '通过职业技能等级认定、取得证书的，补贴一次鉴定费',
  startup_once: '首次创业、领取营业执照并正常经营的，给一次性创业补贴',
};

/** The subsidies under the subsidy rules in force on `date`: who qualifies and what to bring, from the rule itself. */
const subsidyServices = (date: string): CatalogueService[] =>
  SUBSIDY_KINDS.map((kind) => {
    const rule = subsidyRulesOn(date).subsidies[kind];
    const unit = kind === 'welfare_post';
    return {
      key: `subsidy_${kind}` as ServiceKey,
      name: subsidyKindLabels[kind],
      summary: SUBSIDY_SUMMARIES[kind],
      conditions: [...rule.branches.map(branchText), ...(rule.siteCheck ? ['街道（乡镇）会上门或到单位实地核查'] : []), '审核通过后公示7天，无异议再发放'],
      documents: [
        unit ? { code: 'business_licence_unit', label: '营业执照（副本或复印件）' } : ID_CARD,
        ...rule.evidence.map((e) => ({ code: `subsidy:${kind}:${e.code}`, label: e.label })),
        unit ? { code: 'unit_account', label: '单位银行开户许可证或对公账户信息' } : { code: 'ssc', label: '社会保障卡（补贴打到社保卡金融账户）' },
      ],
      appPage: unit ? '/employer/mine/index' : '/subsidies/list/index',
      minutes: 20,
    };
  });

const SC_2026_01: ServiceCatalogue = {
    version: 'SC-2026-01',
    effectiveFrom: '2026-01-01',
    services: [
      {
        key: 'jobseeker_registration',
        name: '求职登记',
        summary: '登记想找的工作，工作人员和系统按您的意向推荐岗位',
        conditions: ['年满16周岁', '有就业意愿'],
        documents: [ID_CARD, { code: 'diploma', label: '学历证书', when: '想写明学历的' }, { code: 'skill_cert', label: '职业资格或技能等级证书', when: '有证书的' }],
        appPage: '/registration/form/index',
        minutes: 15,
      },
      {
        key: 'unemployment_registration',
        name: '失业登记',
        summary: '登记为失业人员，才能享受就业援助、培训补贴和就业券',
        conditions: ['在法定劳动年龄内', '有劳动能力', '有就业要求', '处于无业状态', '本地户籍或常住本地'],
        documents: [
          ID_CARD,
          { code: 'household_or_residence', label: '户口簿或居住证' },
          { code: 'termination_proof', label: '与原单位解除或终止劳动关系的证明', when: '原来有工作单位的' },
        ],
        appPage: '/apply/index/index',
        minutes: 20,
      },
      {
        key: 'employment_registration',
        name: '就业登记',
        summary: '找到工作或开始灵活就业后登记，失业登记随之结束',
        conditions: ['已经就业或开始灵活就业、个体经营'],
        documents: [
          ID_CARD,
          { code: 'labour_contract', label: '劳动合同或单位出具的录用证明', when: '在单位就业的' },
          { code: 'business_licence', label: '个体工商户营业执照', when: '个体经营的' },
        ],
        appPage: '/apply/index/index',
        minutes: 15,
      },
      {
        key: 'hardship_recognition',
        name: '就业困难人员认定',
        summary: '大龄、残疾、长期失业、零就业家庭等，认定后有专人帮扶',
        conditions: ['已办理失业登记', '属于就业困难人员的一类'],
        documents: [ID_CARD, { code: 'household_or_residence', label: '户口簿或居住证' }, ...hardshipDocs('2026-01-01')],
        appPage: '/apply/index/index',
        minutes: 30,
      },
      {
        key: 'voucher_claim',
        name: '就业券领取',
        summary: '领取发给您的就业券，到认定的服务机构使用',
        conditions: ['属于券种的发放对象（页面上会写明）'],
        documents: [ID_CARD, { code: 'ssc', label: '社会保障卡', when: '领取补贴类就业券的' }],
        appPage: '/vouchers/wallet/index',
        minutes: 10,
      },
      {
        key: 'training_signup',
        name: '培训报名',
        summary: '报名家附近的免费或补贴技能培训',
        conditions: ['在法定劳动年龄内', '有培训意愿'],
        documents: [ID_CARD, { code: 'photo', label: '近期一寸免冠照片两张' }, { code: 'diploma', label: '学历证书', when: '工种要求学历的' }],
        appPage: '/training/courses/index',
        minutes: 15,
      },
      {
        key: 'employer_recruitment',
        name: '单位招聘登记',
        summary: '单位登记用工需求，发布岗位、推荐人员',
        conditions: ['依法登记的单位或个体工商户'],
        documents: [
          { code: 'business_licence_unit', label: '营业执照（副本或复印件）' },
          { code: 'agent_id', label: '经办人居民身份证' },
          { code: 'authorisation', label: '单位授权委托书', when: '经办人不是法定代表人的' },
        ],
        appPage: '/employer/mine/index',
        minutes: 20,
      },
      {
        key: 'career_guidance',
        name: '职业指导',
        summary: '一对一聊一聊适合做什么、怎么找、要不要先学技能',
        conditions: ['任何人都可以'],
        documents: [ID_CARD],
        minutes: 30,
      },
      {
        key: 'policy_consultation',
        name: '政策咨询',
        summary: '问一问就业创业补贴、社保补贴、培训补贴等政策',
        conditions: ['任何人都可以'],
        documents: [],
        minutes: 15,
      },
    ],
  };

export const SERVICE_CATALOGUES: readonly ServiceCatalogue[] = [
  SC_2026_01,
  // The subsidies enter the catalogue (issue 32): what each needs, read from the subsidy rules.
  { version: 'SC-2026-02', effectiveFrom: '2026-12-07', services: [...SC_2026_01.services, ...subsidyServices('2026-12-07')] },
];

/** The catalogue in force on a date. */
export function catalogueOn(date: string): ServiceCatalogue {
  const inForce = SERVICE_CATALOGUES.filter((c) => c.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return inForce[0] ?? SERVICE_CATALOGUES[0]!;
}

export function catalogueService(key: ServiceKey, date: string): CatalogueService {
  return catalogueOn(date).services.find((s) => s.key === key)!;
}

export interface NoticeCase {
  service: ServiceKey;
  /** The documents the person has shown or the system already holds. */
  have: readonly string[];
  /** For hardship recognition: the categories applied for (only their evidence is asked). */
  hardshipCategories?: readonly HardshipCategory[];
  /** What the system knows of the person, used to answer conditions. */
  facts?: { registered?: boolean; registeredUnemployed?: boolean };
}

export interface NoticeItem {
  code: string;
  label: string;
  when?: string;
}

/**
 * The one-time notification for a person's case: the documents still missing (only those that
 * apply: a hardship applicant is asked the evidence of their own categories, not all), and the
 * conditions the record shows are not met yet.
 */
export function noticeFor(c: NoticeCase, date: string): { version: string; service: CatalogueService; missing: NoticeItem[]; unmet: string[] } {
  const catalogue = catalogueOn(date);
  const service = catalogue.services.find((s) => s.key === c.service)!;
  const applies = (d: RequiredDocument) => {
    const m = /^hardship:([a-z_]+):/.exec(d.code);
    return !m || !c.hardshipCategories || c.hardshipCategories.includes(m[1] as HardshipCategory);
  };
  const missing = service.documents.filter((d) => applies(d) && !c.have.includes(d.code)).map((d) => ({ code: d.code, label: d.label, ...(d.when ? { when: d.when } : {}) }));
  const unmet: string[] = [];
  if (c.service === 'hardship_recognition' && c.facts && !c.facts.registeredUnemployed) unmet.push('先办理失业登记');
  if ((c.service === 'unemployment_registration' || c.service === 'hardship_recognition') && c.facts && !c.facts.registered) unmet.push('先做求职登记（可在小程序里自己填）');
  return { version: catalogue.version, service, missing, unmet };
}
