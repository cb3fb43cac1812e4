import fc from 'fast-check';
import { EDUCATION_LEVELS, SHIFTS } from './registration';
import { inThirdPerson, scoreMatch, type SeekerProfile, type VacancyRequirements } from './matching';

const seeker: SeekerProfile = {
  age: 46,
  education: 'senior_high',
  yearsOfExperience: 5,
  intention: { occupations: ['收银员', '保洁员'], minMonthlySalaryFen: 350_000, maxDistanceKm: 3, shift: 'day' },
};
const cashier: VacancyRequirements = {
  title: '超市收银员',
  occupationName: '收银员',
  minEducation: 'junior_high',
  salaryMinFen: 380_000,
  salaryMaxFen: 450_000,
  shift: 'day',
};

describe('match score with reasons', () => {
  it('a near, well-paid cashier post scores high and says why', () => {
    const m = scoreMatch(seeker, cashier, 800);
    expect(m.score).toBe(100);
    expect(m.reasons).toEqual(expect.arrayContaining(['是您想做的工种（收银员）', '离家800米', '月薪最高4500元，达到您的要求']));
    expect(m.unmet).toEqual([]);
  });

  it('names each unmet requirement in plain Chinese', () => {
    const m = scoreMatch(seeker, { ...cashier, minEducation: 'junior_college', minYearsOfExperience: 8, maxAge: 40, shift: 'night' }, 2500);
    expect(m.unmet).toEqual([
      '学历要求大专，您为高中',
      '要求8年工作经验，您有5年',
      '年龄要求16至40岁，您46岁',
      '夜班，您希望白班',
    ]);
    expect(m.score).toBeLessThan(80);
  });

  it('says when a post is beyond the distance the person wants, or pays too little', () => {
    const m = scoreMatch(seeker, { ...cashier, salaryMaxFen: 300_000 }, 5200);
    expect(m.unmet).toEqual(['离家5.2公里，超过您希望的3公里', '月薪最高3000元，低于您希望的3500元']);
  });

  it('stays within 0–100, and a nearer post never scores lower than the same post further away', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDUCATION_LEVELS),
        fc.constantFrom(...SHIFTS),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (education, shift, years, d1, d2) => {
          const s = { ...seeker, education, yearsOfExperience: years };
          const v = { ...cashier, shift, minYearsOfExperience: 3 };
          const [near, far] = [Math.min(d1, d2), Math.max(d1, d2)];
          const a = scoreMatch(s, v, near).score;
          const b = scoreMatch(s, v, far).score;
          return a >= 0 && a <= 100 && b >= 0 && b <= 100 && a >= b;
        },
      ),
    );
  });
});

describe('inThirdPerson', () => {
  it("says the same to the employer about the person", () => {
    const m = { score: 50, reasons: ['是您想做的工种（收银员）', '月薪最高4500元，达到您的要求', '白班，合您的时间'], unmet: ['学历要求大专，您为高中'] };
    expect(inThirdPerson(m)).toEqual({ score: 50, reasons: ['是其想做的工种（收银员）', '月薪最高4500元，达到其要求', '白班，合其时间'], unmet: ['学历要求大专，其为高中'] });
  });
});
