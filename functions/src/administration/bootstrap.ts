// A city's first administrator (an operator's step after a deploy): an invitation with every role
// for the phone, accepted like any other. Reached only by `aws lambda invoke` (IAM; the function
// has no HTTP route) or, locally, `npm run admin:bootstrap`. It is on the new account's audit
// chain as 系统初始化.
import * as z from 'zod/mini';
import { mobileSchema, personNameSchema } from '@doorstep/shared';
import { isKnownArea } from '../areas/dataset';
import { BOOTSTRAP_ACTOR, createInvitation } from './staff';

export const bootstrapInputSchema = z.strictObject({
  phone: mobileSchema,
  areaCode: z.string().check(z.regex(/^\d{4}$/, '首位管理员设在市一级：4 位区划代码，如 3501')),
  name: personNameSchema,
});

export async function bootstrapAdmin(input: unknown) {
  const parsed = bootstrapInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  if (!isKnownArea(parsed.data.areaCode)) throw new Error(`areaCode: 没有这个区划代码 ${parsed.data.areaCode}`);
  const { invitation, code } = await createInvitation({ ...parsed.data, roles: ['admin', 'staff', 'finance'] }, { id: BOOTSTRAP_ACTOR, name: '系统初始化' });
  return { code, areaName: invitation.areaName, expiresAt: invitation.expiresAt };
}
