// Test employers: valid unified social credit codes built with the real check rule.
import { usccCheckChar, type CreateEmployerBody } from '@doorstep/shared';

export function makeUscc(serial: number, division = '350102'): string {
  const first17 = `91${division}MA${String(serial).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

export function employerBody(overrides: Partial<CreateEmployerBody> = {}): CreateEmployerBody {
  return {
    name: '福州鼓东便民超市有限公司',
    uscc: makeUscc(1),
    industry: 'F',
    economicType: 'limited_liability',
    address: { areaCode: '350102001001', address: '鼓东路 20 号', lat: 26.0851, lng: 119.3019 },
    intro: '社区便民超市，常年招收银员、理货员。',
    contactName: '王建国',
    contactPhone: '13905911234',
    ...overrides,
  };
}
