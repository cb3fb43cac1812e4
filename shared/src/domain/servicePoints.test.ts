import { chinaInstant } from './interviews';
import { dayName, nextVisitStatuses, openingState, queueNumberText, slotStartsOn, type OpeningHours } from './servicePoints';
import { noticeFor, catalogueOn, SERVICE_KEYS } from './serviceCatalogue';

const OFFICE: OpeningHours = { workday: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }], restDay: [] };
const NIGHT: OpeningHours = { workday: [{ from: '20:00', to: '02:00' }], restDay: [{ from: '20:00', to: '02:00' }] };
const at = (date: string, hhmm: string) => new Date(chinaInstant(date, hhmm));

describe('openingState', () => {
  it('says how long is left before closing on a working day', () => {
    // Friday 2026-12-04
    expect(openingState(OFFICE, at('2026-12-04', '16:50'))).toEqual({ open: true, today: '今天 8:30–12:00、14:00–17:30', status: '还有 40 分钟下班' });
    expect(openingState(OFFICE, at('2026-12-04', '09:00'))).toMatchObject({ open: true, status: '正在办公，12:00 下班' });
    expect(openingState(OFFICE, at('2026-12-04', '07:10'))).toMatchObject({ open: false, status: '8:30 开门' });
    expect(openingState(OFFICE, at('2026-12-04', '12:30'))).toMatchObject({ open: false, status: '14:00 开门' });
  });

  it('after closing on a Friday names Monday; on a weekend says it is closed today', () => {
    expect(openingState(OFFICE, at('2026-12-04', '17:30'))).toMatchObject({ open: false, status: '已下班，周一 8:30 开门' });
    expect(openingState(OFFICE, at('2026-12-05', '10:00'))).toEqual({ open: false, today: '今天休息', status: '后天 8:30 开门' });
    expect(openingState(OFFICE, at('2026-12-06', '10:00'))).toEqual({ open: false, today: '今天休息', status: '明天 8:30 开门' });
  });

  it('keeps public holidays closed and opens on make-up working days (2026 calendar)', () => {
    // 国庆节 1–7 October 2026 are off; Saturday 10 October is a make-up working day.
    expect(openingState(OFFICE, at('2026-10-01', '10:00'))).toMatchObject({ open: false, today: '今天休息', status: '10月8日 8:30 开门' });
    expect(openingState(OFFICE, at('2026-10-09', '18:00'))).toMatchObject({ status: '已下班，明天 8:30 开门' });
    expect(openingState(OFFICE, at('2026-10-10', '10:00'))).toMatchObject({ open: true });
  });

  it('counts a night period across midnight as open until it ends the next morning', () => {
    expect(openingState(NIGHT, at('2026-12-04', '23:30'))).toMatchObject({ open: true, today: '今天 20:00–次日2:00', status: '正在办公，2:00 下班' });
    expect(openingState(NIGHT, at('2026-12-05', '01:20'))).toMatchObject({ open: true, status: '还有 40 分钟下班' });
    expect(openingState(NIGHT, at('2026-12-05', '02:00'))).toMatchObject({ open: false, status: '20:00 开门' });
  });
});

describe('slotStartsOn', () => {
  it('gives the half hours inside the periods of the day, none on a day off', () => {
    expect(slotStartsOn(OFFICE, '2026-12-04')).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00']);
    expect(slotStartsOn(OFFICE, '2026-12-05')).toEqual([]);
    expect(slotStartsOn(OFFICE, '2026-10-10')).toHaveLength(14);
    expect(slotStartsOn({ workday: [{ from: '08:45', to: '10:00' }], restDay: [] }, '2026-12-04')).toEqual(['09:00', '09:30']);
    expect(slotStartsOn(NIGHT, '2026-12-04')).toEqual(['20:00', '20:30', '21:00', '21:30', '22:00', '22:30', '23:00', '23:30']);
  });
});

describe('visits', () => {
  it('moves forward only: booked → arrived → served; no-show only from booked', () => {
    expect(nextVisitStatuses('booked')).toEqual(['arrived', 'served', 'no_show']);
    expect(nextVisitStatuses('arrived')).toEqual(['served']);
    expect(nextVisitStatuses('served')).toEqual([]);
    expect(nextVisitStatuses('cancelled')).toEqual([]);
    expect(queueNumberText(7)).toBe('A007');
    expect(dayName('2026-12-10', '2026-12-04')).toBe('周四');
  });
});

describe('一次性告知', () => {
  it('has every service in the catalogue in force, each with its conditions; the subsidies from SC-2026-02, with their rule’s evidence', () => {
    const catalogue = catalogueOn('2026-12-07');
    expect(catalogue.version).toBe('SC-2026-02');
    expect(catalogue.services.map((s) => s.key).sort()).toEqual([...SERVICE_KEYS].sort());
    for (const s of catalogue.services) expect(s.conditions.length).toBeGreaterThan(0);
    // The version before stays as it was: a slip written under it reads the same.
    expect(catalogueOn('2026-12-06').services.some((s) => s.key.startsWith('subsidy_'))).toBe(false);
    const flexible = catalogue.services.find((s) => s.key === 'subsidy_flexible_si')!;
    expect(flexible.conditions).toContain('就业困难人员，已办理就业登记（灵活就业或自主创业或个体经营）');
    expect(flexible.documents.map((d) => d.label)).toEqual(['本人居民身份证（原件）', '社会保险缴费凭证', '社会保障卡（补贴打到社保卡金融账户）']);
    const unit = catalogue.services.find((s) => s.key === 'subsidy_welfare_post')!;
    expect(unit.documents.map((d) => d.label)).toEqual(['营业执照（副本或复印件）', '劳动合同', '工资发放记录', '社会保险缴费凭证', '单位银行开户许可证或对公账户信息']);
    expect(noticeFor({ service: 'subsidy_startup_once', have: ['id_card'] }, '2026-12-07').missing.map((m) => m.label)).toEqual(['营业执照', '社会保障卡（补贴打到社保卡金融账户）']);
  });

  it("names exactly what this person still lacks: only their hardship category's evidence, and unmet conditions", () => {
    const notice = noticeFor({ service: 'hardship_recognition', have: ['id_card'], hardshipCategories: ['disabled'], facts: { registered: true, registeredUnemployed: false } }, '2026-12-06');
    expect(notice.version).toBe('SC-2026-01');
    const codes = notice.missing.map((m) => m.code);
    expect(codes).toContain('household_or_residence');
    expect(codes.some((c) => c.startsWith('hardship:disabled:'))).toBe(true);
    expect(codes.some((c) => c.startsWith('hardship:low_income:'))).toBe(false);
    expect(codes).not.toContain('id_card');
    expect(notice.unmet).toEqual(['先办理失业登记']);
    expect(noticeFor({ service: 'policy_consultation', have: [] }, '2026-12-06')).toMatchObject({ missing: [], unmet: [] });
  });
});
