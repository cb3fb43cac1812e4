// Whose vouchers a page shows: the signed-in citizen's, or (with `employerId` in the page's
// address) an employer's. The wallet and the voucher page call the matching routes through these.
import {
  claimEmployerVoucher,
  claimVoucher,
  employerVoucherCode,
  getEmployerVoucher,
  getMyVoucher,
  listEmployerVouchers,
  listMyVouchers,
  voucherCode,
} from '@doorstep/shared';
import { request } from '../../services/request';

type Account = { accountNo: string; bankName: string };

export function voucherHolder(employerId?: string) {
  if (employerId) {
    return {
      employer: true,
      title: '单位就业券',
      detailUrl: (id: string) => `/vouchers/detail/index?id=${id}&employerId=${employerId}`,
      backUrl: `/vouchers/wallet/index?employerId=${employerId}`,
      accountLabel: '单位对公账号',
      accountHint: '补贴打到单位在银行开立的账户，户名是单位名称，12到19位数字',
      accountShown: '收款账户',
      list: async () => (await request(listEmployerVouchers, { params: { id: employerId } })).items,
      get: async (id: string) => (await request(getEmployerVoucher, { params: { id: employerId, voucherId: id } })).voucher,
      claim: (id: string, body: { account?: Account }, idempotencyKey: string) =>
        request(claimEmployerVoucher, { params: { id: employerId, voucherId: id }, body, idempotencyKey }),
      code: (id: string) => request(employerVoucherCode, { params: { id: employerId, voucherId: id } }),
    };
  }
  return {
    employer: false,
    title: '我的就业券',
    detailUrl: (id: string) => `/vouchers/detail/index?id=${id}`,
    backUrl: '/vouchers/wallet/index',
    accountLabel: '社保卡金融账号',
    accountHint: '补贴打到这个账户，12到19位数字',
    accountShown: '收款社保卡',
    list: async () => (await request(listMyVouchers)).items,
    get: async (id: string) => (await request(getMyVoucher, { params: { id } })).voucher,
    claim: (id: string, body: { account?: Account }, idempotencyKey: string) => request(claimVoucher, { params: { id }, body, idempotencyKey }),
    code: (id: string) => request(voucherCode, { params: { id } }),
  };
}
