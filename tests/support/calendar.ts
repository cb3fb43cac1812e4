// A next-year holiday notice as the State Council would publish it, for the calendar's tests
// (the dates are made up for the tests: 2027's real notice appears in November 2026).
export const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-11' },
  ],
  workdays: ['2027-02-14'],
};
