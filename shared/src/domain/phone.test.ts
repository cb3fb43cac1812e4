import { isMobile, maskName, maskPhone } from './phone';

describe('isMobile', () => {
  it.each(['13812345678', '19912345678', '15000000000'])('accepts %s', (p) => expect(isMobile(p)).toBe(true));
  it.each(['', '1381234567', '138123456789', '12812345678', '23812345678', '1381234567a', '+8613812345678', '010-12345678'])(
    'rejects %s',
    (p) => expect(isMobile(p)).toBe(false),
  );
});

describe('maskPhone', () => {
  it('shows the first three and last four digits', () => expect(maskPhone('13812345678')).toBe('138****5678'));
});

describe('maskName', () => {
  it('keeps the surname only, one star per hidden character', () => {
    expect(maskName('陈美华')).toBe('陈**');
    expect(maskName('林立')).toBe('林*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
