import { emptyForm, errorsOfStep, formFromRegistration, stepOf, toBody, validate, withoutErrorsOf, type RegistrationFormState } from './registrationForm';
import { makeIdNumber } from '../../../tests/support/people';

function filled(patch: Partial<RegistrationFormState> = {}): RegistrationFormState {
  return {
    ...emptyForm(),
    name: '林秀英',
    idNumber: makeIdNumber('1980-05-17'),
    phone: '13812345678',
    education: 'senior_high',
    yearsOfExperience: '12',
    areaCode: '350102001001',
    address: '鼓东路 18 号',
    lat: '26.0845',
    lng: '119.3012',
    occupations: '保洁员、收银员',
    minMonthlySalaryYuan: '3500.5',
    shift: 'day',
    ...patch,
  };
}

describe('registration form rules', () => {
  it('turns what was typed into the API body: yuan into fen, occupations into a list', () => {
    const body = toBody(filled());
    expect(body).toMatchObject({
      yearsOfExperience: 12,
      intention: { occupations: ['保洁员', '收银员'], minMonthlySalaryFen: 350050, maxDistanceKm: 3, shift: 'day' },
      residence: { lat: 26.0845, lng: 119.3012 },
    });
  });

  it('accepts a complete form', () => {
    expect(validate(filled(), { idNumberRequired: true })).toEqual({ body: expect.any(Object), errors: {} });
  });

  it.each([
    [{ name: '' }, 'name', 0],
    [{ idNumber: '' }, 'idNumber', 0],
    [{ education: '' as const }, 'education', 0],
    [{ areaCode: '' }, 'residence.areaCode', 1],
    [{ lat: '' }, 'residence.location', 1],
    [{ minMonthlySalaryYuan: '三千' }, 'intention.minMonthlySalaryFen', 2],
    [{ occupations: '' }, 'intention.occupations', 2],
  ])('reports %p at %s, on step %i', (patch, path, step) => {
    const { errors } = validate(filled(patch), { idNumberRequired: true });
    expect(Object.keys(errors)).toEqual([path]);
    expect(stepOf(path)).toBe(step);
    expect(errorsOfStep(errors, step)).toEqual(errors);
  });

  it('explains a salary that is not a number in words a person understands', () => {
    const { errors } = validate(filled({ minMonthlySalaryYuan: 'abc' }), { idNumberRequired: true });
    expect(errors['intention.minMonthlySalaryFen']).toBe('请输入金额，如 3500');
  });

  it('lets an edit leave the ID number empty, and keeps it out of the body', () => {
    const result = validate(filled({ idNumber: '' }), { idNumberRequired: false });
    expect(result.errors).toEqual({});
    expect(result.body).not.toHaveProperty('idNumber');
  });

  it('fills the form back from a saved registration, showing fen as yuan', () => {
    const form = formFromRegistration({
      idNumberMasked: '3501**********1234',
      name: '林秀英',
      gender: 'female',
      birthDate: '1980-05-17',
      age: 46,
      phone: '13812345678',
      education: 'senior_high',
      yearsOfExperience: 12,
      residence: { areaCode: '350102001001', areaName: '福建省 福州市', address: '鼓东路', lat: 26.1, lng: 119.3 },
      intention: { occupations: ['保洁员', '收银员'], minMonthlySalaryFen: 350050, maxDistanceKm: 5, shift: 'night' },
      status: 'active',
      validUntil: '2027-05-22T00:00:00.000Z',
      createdAt: '2026-11-23T00:00:00.000Z',
      updatedAt: '2026-11-23T00:00:00.000Z',
      version: 1,
    });
    expect(form).toMatchObject({ idNumber: '', occupations: '保洁员、收银员', minMonthlySalaryYuan: '3500.50', maxDistanceKm: 5 });
  });
});

describe('clearing errors as the person edits', () => {
  const errors = {
    name: '此项为必填项',
    'residence.location': '请点“获取当前位置”，或手动填写经纬度',
    'residence.areaCode': '请选择到社区（村）',
    'intention.minMonthlySalaryFen': '请输入金额，如 3500',
    'intention.occupations.0': '工种不能为空',
  };

  it.each([
    [['name'], 'name'],
    [['lng'], 'residence.location'],
    [['lat', 'lng'], 'residence.location'],
    [['areaCode', 'areaName'], 'residence.areaCode'],
    [['minMonthlySalaryYuan'], 'intention.minMonthlySalaryFen'],
    [['occupations'], 'intention.occupations.0'],
  ] as const)('editing %p clears %s and nothing else', (changed, cleared) => {
    const left = withoutErrorsOf(errors, [...changed]);
    expect(Object.keys(left).sort()).toEqual(Object.keys(errors).filter((k) => k !== cleared).sort());
  });
});
