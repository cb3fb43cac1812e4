// Where public money is paid to: a person's social-security-card account (benefit vouchers,
// subsidies) and an employer's settlement account (对公账户, benefit vouchers), each sealed.
// Their own file, so a domain that pays (subsidies) does not carry every voucher entity.
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../db/table';

/** Where a person's money goes (a benefit voucher's, a subsidy's; a unit's subsidy under `EMPLOYER#<id>`): their social-security-card financial account, given at claim. */
export const PayoutAccountEntity = new Entity({
  name: 'PayoutAccount',
  table,
  timestamps: false,
  schema: item({
    userId: string().key(),
    accountName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    updatedAt: string(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: 'PAYOUT_ACCOUNT' }),
});

/** An employer's bank account (对公账户) for the benefit vouchers it holds, written when it claims one. */
export const EmployerPayoutAccountEntity = new Entity({
  name: 'EmployerPayoutAccount',
  table,
  timestamps: false,
  schema: item({
    employerId: string().key(),
    accountName: string(),
    accountCipher: string(),
    accountMasked: string(),
    bankName: string(),
    updatedAt: string(),
  }),
  computeKey: ({ employerId }) => ({ pk: `EMPLOYER#${employerId}`, sk: 'PAYOUT_ACCOUNT' }),
});
