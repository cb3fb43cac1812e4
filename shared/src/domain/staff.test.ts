import { assignmentRefusal, staffLevelOf, type StaffPlace, type StaffRole } from './staff';

const districtAdmin: StaffPlace = { level: 'district', areaCode: '350102', roles: ['jobseeker', 'staff', 'admin'] };
const cityAdmin: StaffPlace = { level: 'city', areaCode: '3501', roles: ['jobseeker', 'staff', 'finance', 'admin'] };

describe('staffLevelOf', () => {
  it.each([
    ['3501', 'city'],
    ['350102', 'district'],
    ['350102001', 'street'],
    ['350102001001', 'community'],
    ['35', undefined],
    ['3501020', undefined],
  ])('%s is %s', (code, level) => expect(staffLevelOf(code)).toBe(level));
});

describe('what an administrator may give', () => {
  it.each<[string, StaffPlace, string, StaffRole[], string | undefined]>([
    ['a street officer of their district', districtAdmin, '350102001', ['staff'], undefined],
    ['a community officer of their district', districtAdmin, '350102001001', ['staff'], undefined],
    ['an officer of their own district', districtAdmin, '350102', ['staff'], undefined],
    ['an administrator of a street below', districtAdmin, '350102001', ['staff', 'admin'], undefined],
    ['an administrator beside them, at their own level', districtAdmin, '350102', ['admin'], '只能为下级区域设置管理员'],
    ['anyone in another district (beside)', districtAdmin, '350103001', ['staff'], '只能设置本辖区（及以下）的工作人员'],
    ['anyone of the city above', districtAdmin, '3501', ['staff'], '只能设置本辖区（及以下）的工作人员'],
    ['a role they do not hold', districtAdmin, '350102001', ['finance'], '您没有“财务（预算审批、结算拨付）”权限，不能授予别人'],
    ['no role at all', districtAdmin, '350102001', [], '请至少选择一项权限'],
    ['a province', cityAdmin, '35', ['staff'], '请选择市、区（县）、街道或社区'],
    ['finance of a district, by the city', cityAdmin, '350102', ['finance'], undefined],
  ])('%s', (_what, admin, areaCode, roles, refusal) => expect(assignmentRefusal(admin, { areaCode, roles })).toBe(refusal));

  it('gives nothing at all when the one asking is not an administrator', () => {
    expect(assignmentRefusal({ ...districtAdmin, roles: ['jobseeker', 'staff'] }, { areaCode: '350102001', roles: ['staff'] })).toBe('只有管理员可以设置工作人员');
  });
});
