// In-process fixtures for the data tests and the benchmark: an employer with members, written
// straight to the table, and one designated a voucher provider through the real service.
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import type { ProviderType } from '@doorstep/shared';
import { EmployerEntity, EmployerMemberEntity, memberIndexKeys } from '../../functions/src/db/entities';
import { designateProvider } from '../../functions/src/vouchers/redemption';
import { staffOf } from './vouchers';

/** An employer written straight to the table (approved unless said otherwise), with its members (admins unless said otherwise). */
export async function employerFixture(
  employerId: string,
  members: string[],
  areaCode = '350102002001',
  o: { status?: 'approved' | 'pending_review'; roles?: ('admin' | 'member')[] } = {},
): Promise<string> {
  const now = new Date().toISOString();
  const name = `机构${employerId.slice(-4)}`;
  await EmployerEntity.build(PutItemCommand)
    .item({
      employerId,
      name,
      uscc: `91350102MA${employerId.slice(-8)}`,
      industry: 'L',
      economicType: 'private',
      address: { areaCode, address: '温泉路 1 号', lat: 26.08, lng: 119.3 },
      intro: '人力资源服务',
      contactName: '陈经理',
      contactPhone: '13900000000',
      status: o.status ?? 'approved',
      createdBy: members[0],
      createdAt: now,
      updatedAt: now,
      version: 1,
      auditHead: '0:0',
      gsi1pk: `EMPLOYER#${areaCode.slice(0, 6)}`,
      gsi1sk: `${areaCode}#${employerId}`,
    })
    .send();
  for (const [i, userId] of members.entries()) {
    await EmployerMemberEntity.build(PutItemCommand).item({ employerId, userId, role: o.roles?.[i] ?? 'admin', createdAt: now, ...memberIndexKeys(userId, employerId) }).send();
  }
  return name;
}

export async function designatedProvider(employerId: string, members: string[], types: ProviderType[] = ['hr_agency'], areaCode = '350102002001'): Promise<void> {
  const name = await employerFixture(employerId, members, areaCode);
  await designateProvider(staffOf('fixture-district'), { employerId, types, bankAccount: { accountName: name, accountNo: '6222020200112233445', bankName: '工商银行福州分行' } });
}
