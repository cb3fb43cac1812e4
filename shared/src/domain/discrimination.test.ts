import { discriminationFlags } from './discrimination';

const grounds = (text: string) => discriminationFlags({ requirements: text }).map((f) => f.ground);

describe('discriminatory requirements are flagged with the reason', () => {
  it.each([
    ['限男性，能吃苦', 'gender'],
    ['女士优先', 'gender'],
    ['只招女', 'gender'],
    ['仅限汉族', 'ethnicity'],
    ['限本地户口', 'region'],
    ['不招河南人', 'region'],
    ['已婚已育优先', 'marriage'],
    ['近两年无生育计划', 'marriage'],
    ['乙肝携带者勿扰', 'health'],
    ['身高165以上', 'appearance'],
    ['五官端正', 'appearance'],
    ['残疾人勿扰', 'disability'],
  ])('"%s" → %s', (text, ground) => {
    expect(grounds(text)).toContain(ground);
  });

  it('names the field, the phrase and a reason in plain Chinese', () => {
    const [flag] = discriminationFlags({ title: '收银员', requirements: '限 男 性' });
    expect(flag).toMatchObject({ field: 'requirements', ground: 'gender', phrase: '限男性' });
    expect(flag.reason).toContain('就业促进法');
  });

  it.each([
    '高中以上学历，有收银经验',
    '男装店导购，熟悉服装搭配',
    '能适应倒班，持健康证',
    '会说普通话和福州话',
    '欢迎残疾人、退役军人应聘',
    '有叉车证优先',
  ])('leaves a fair requirement alone: "%s"', (text) => {
    expect(grounds(text)).toEqual([]);
  });
});
