// A street's ledger row by row (issue 31): what the preview says about each kind of bad row, and
// what a good row becomes.
import { checkImportRows, importColumns } from './ledger';
import { idCheckChar, maskIdNumber } from './idNumber';

const id = (birth: string, seq: number) => {
  const first17 = `350102${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
const GOOD = id('1975-04-12', 832);
const header = ['姓名', '身份证号', '社区', '联系电话', '居住地址', '人员类别', '就业状态'];
const resolve = (text: string) => ({ 中山社区: '350102001001', '350102001001': '350102001001', '350102002002': '350102002002' })[text];
const check = (row: string[]) => {
  const columns = importColumns(header);
  if (!columns.ok) throw new Error('header');
  return checkImportRows([row], columns.index, '350102001', resolve)[0];
};

describe('a ledger file’s columns', () => {
  it('finds them by their Chinese titles in any order, and names the missing ones', () => {
    expect(importColumns(['\uFEFF社区', '姓名', '身份证号'])).toEqual({ ok: true, index: { area: 0, name: 1, idNumber: 2 } });
    expect(importColumns(['姓名', '电话'])).toEqual({ ok: false, missing: ['身份证号', '社区'] });
  });
});

describe('a ledger row', () => {
  it('becomes a person with the facts the ID number holds, masked, in a community of the office', () => {
    expect(check(['王 秀英', GOOD.toLowerCase(), '中山社区', '139 1234 5678', '鼓东路 18 号', '登记失业、就业困难', '失业'])).toEqual({
      row: 2,
      ok: true,
      value: {
        row: 2,
        name: '王秀英',
        idNumber: GOOD,
        idNumberMasked: maskIdNumber(GOOD),
        birthDate: '1975-04-12',
        gender: 'female',
        areaCode: '350102001001',
        phone: '13912345678',
        address: '鼓东路 18 号',
        categories: ['unemployed', 'hard_to_employ'],
        status: 'seeking',
      },
    });
  });

  it.each([
    ['name', ['', GOOD, '中山社区', '', '', '', '']],
    ['idFormat', ['王秀英', GOOD.slice(0, 17), '中山社区', '', '', '', '']],
    ['idCheckDigit', ['王秀英', GOOD.slice(0, 17) + (GOOD[17] === '1' ? '2' : '1'), '中山社区', '', '', '', '']],
    ['idBirthDate', ['王秀英', `350102${'19750231'}832` + idCheckChar(`35010219750231832`), '中山社区', '', '', '', '']],
    ['areaUnknown', ['王秀英', GOOD, '不存在社区', '', '', '', '']],
    ['areaOutside', ['王秀英', GOOD, '350102002002', '', '', '', '']],
    ['phone', ['王秀英', GOOD, '中山社区', '12345', '', '', '']],
    ['category', ['王秀英', GOOD, '中山社区', '', '', '贫困户', '']],
    ['status', ['王秀英', GOOD, '中山社区', '', '', '', '退休']],
  ])('is refused for %s, with that reason only', (problem, row) => {
    expect(check(row as string[])).toMatchObject({ ok: false, problems: [problem] });
  });

  it('names a second row with the same ID number as a duplicate, and keeps the first', () => {
    const columns = importColumns(header);
    if (!columns.ok) throw new Error('header');
    const rows = checkImportRows([['王秀英', GOOD, '中山社区'], ['李桂兰', GOOD, '中山社区']], columns.index, '350102001', resolve);
    expect(rows.map((r) => (r.ok ? 'ok' : r.problems))).toEqual(['ok', ['duplicateInFile']]);
  });
});
