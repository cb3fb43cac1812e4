import { jobseekerRegistrationBodySchema } from './registration';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../../../tests/support/people';

function issuesOf(body: unknown) {
  const r = jobseekerRegistrationBodySchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('job-seeker registration body', () => {
  it('accepts a complete registration', () => {
    expect(issuesOf(registrationBody())).toEqual([]);
  });

  it.each([
    ['a wrong check digit', { idNumber: '350102198005171230' }, 'idNumber', '校验位'],
    ['an impossible birth date', { idNumber: makeIdNumber('1980-02-30') }, 'idNumber', '出生日期'],
    ['a person under 16', { idNumber: makeIdNumber(birthDateYearsAgo(16, 1)) }, 'idNumber', '年满16周岁'],
    ['a malformed mobile', { phone: '1381234567' }, 'phone', '手机号'],
    ['a name with digits', { name: '张3' }, 'name', '姓名'],
    ['a resume over 2000 characters', { resume: '字'.repeat(2001) }, 'resume', '2000'],
    ['negative years of experience', { yearsOfExperience: -1 }, 'yearsOfExperience', '负数'],
  ])('rejects %s with a Chinese message on the field', (_, patch, path, text) => {
    const issues = issuesOf(registrationBody(patch as never));
    expect(issues).toEqual([expect.objectContaining({ path, message: expect.stringContaining(text) })]);
  });

  it('accepts someone who turns 16 today', () => {
    expect(issuesOf(registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(16)) }))).toEqual([]);
  });

  it.each([
    ['a negative salary', { minMonthlySalaryFen: -100 }, 'intention.minMonthlySalaryFen'],
    ['a salary in fractional fen', { minMonthlySalaryFen: 3500.5 }, 'intention.minMonthlySalaryFen'],
    ['no occupation', { occupations: [] }, 'intention.occupations'],
    ['an unknown shift', { shift: 'weekend' }, 'intention.shift'],
  ])('rejects %s in the intention', (_, patch, path) => {
    const body = registrationBody();
    const issues = issuesOf({ ...body, intention: { ...body.intention, ...patch } });
    expect(issues.map((i) => i.path)).toEqual([path]);
  });

  it('rejects a community code that is not 12 digits', () => {
    const body = registrationBody();
    expect(issuesOf({ ...body, residence: { ...body.residence, areaCode: '350102' } }).map((i) => i.path)).toEqual([
      'residence.areaCode',
    ]);
  });

  it('rejects unknown fields, also inside nested objects', () => {
    const body = registrationBody();
    expect(issuesOf({ ...body, isAdmin: true }).length).toBe(1);
    expect(issuesOf({ ...body, residence: { ...body.residence, floor: 3 } }).length).toBe(1);
  });

  it('rejects a body that is not an object at all', () => {
    expect(issuesOf('hello').length).toBe(1);
    expect(issuesOf(null).length).toBe(1);
  });
});
