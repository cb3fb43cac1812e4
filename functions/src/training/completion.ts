// Completions (结业): the institution records each trainee's result once; a completion redeems
// the voucher the trainee signed up with, in the same transaction, and asks their community to
// follow up employment three months later. Apart from sign-ups, so that the sign-up functions
// carry none of the redemption.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { maskName, todayInChina, type Enrolment, type z, type completionBodySchema } from '@doorstep/shared';
import { EnrolmentEntity, VoucherReservationEntity } from './entities';
import { JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { ConflictError, NotFoundError, RuleError } from '../http/errors';
import type { RecordAnswer } from '../http/idempotency';
import type { Principal } from '../http/session';
import { openTask } from '../tasks/tasks';
import { checkRedeemable, loadVoucher, providerForMember, redemptionWrites } from '../vouchers/redeemable';
import { courseBodyOf } from './courses';
import { courseForMember, loadEnrolment, toEnrolmentView, type StoredEnrolment } from './enrolments';

/**
 * The institution records a trainee's result, once, from the first class day on. A completion
 * redeems the voucher the person signed up with, in the same transaction, through the voucher
 * ledger (so single use holds across every channel), and asks the person's community to follow
 * up their employment three months later. A voucher that can no longer be redeemed (it expired,
 * was revoked) does not stop the completion: the sign-up says why it was not redeemed.
 */
export async function recordCompletion(
  principal: Principal,
  courseId: string,
  input: z.infer<typeof completionBodySchema>,
  record?: RecordAnswer<{ enrolment: Enrolment }>,
  now: Date = new Date(),
): Promise<Enrolment> {
  const course = await courseForMember(principal, courseId);
  const e = await loadEnrolment(input.enrolmentId);
  if (!e || e.courseId !== courseId) throw new NotFoundError('找不到这个学员');
  if (e.status === 'completed' || e.status === 'not_completed') throw new ConflictError('已经记录过这位学员的结业结果了');
  if (e.status !== 'enrolled') throw new ConflictError('这位学员没有报上名（已取消或仍在候补）');
  const today = todayInChina(now);
  if (today < course.startsOn) throw new RuleError('开班后才能记录结业结果');
  const body = courseBodyOf(course);
  if (input.attendedDays > body.schedule.days) throw new RuleError(`出勤天数不能超过课时天数（${body.schedule.days}天）`);
  const at = now.toISOString();
  const completed = input.result === 'completed';

  const attempt = async (redeem: boolean, note?: string) => {
    const v = e.voucherId ? await loadVoucher(e.voucherId) : undefined;
    const provider = await providerForMember(principal, course.providerId);
    const next: StoredEnrolment = {
      ...e,
      status: input.result,
      attendedDays: input.attendedDays,
      ...(input.certificateNo ? { certificateNo: input.certificateNo } : {}),
      ...(e.voucherId ? { voucherState: completed ? (redeem ? ('redeemed' as const) : ('not_redeemed' as const)) : ('released' as const), ...(note ? { voucherNote: note } : {}) } : {}),
      updatedAt: at,
    };
    const redemption =
      redeem && v
        ? redemptionWrites(v, provider, {
            actorId: principal.userId,
            serviceRecord: { serviceDate: today, description: `${body.title}结业，出勤${input.attendedDays}天${input.certificateNo ? `，证书编号${input.certificateNo}` : ''}` },
            today,
            now,
          }).writes
        : [];
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: e.userId }).send();
    const answer = { enrolment: toEnrolmentView(next) };
    await execute(
      EnrolmentEntity.build(PutTransaction).item(next).options({ condition: { attr: 'status', eq: 'enrolled' } }),
      ...redemption,
      ...(e.voucherId ? [VoucherReservationEntity.build(DeleteTransaction).key({ voucherId: e.voucherId })] : []),
      ...(completed && reg
        ? [
            openTask({
              kind: 'training_employment',
              detail: `${maskName(reg.name)} 在 ${course.providerName} ${body.title} 结业`,
              areaCode: reg.residence.areaCode,
              subjectType: 'Enrolment',
              subjectId: e.enrolmentId,
              personId: e.userId,
              today,
              at,
            }),
          ]
        : []),
      ...(record ? [record(answer)] : []),
    );
    return answer.enrolment;
  };

  const voucherProblem = async (): Promise<string | undefined> => {
    if (!e.voucherId || !completed) return undefined;
    const v = await loadVoucher(e.voucherId);
    if (!v) return '找不到这张券';
    try {
      checkRedeemable(v, { employerId: course.providerId, types: ['training_institution'], areaCode: body.place.areaCode }, today);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  };

  try {
    const problem = await voucherProblem();
    return await attempt(!!e.voucherId && completed && !problem, problem);
  } catch (err) {
    const cancelled = cancelledTransaction(err);
    if (!cancelled) throw err;
    if (cancelled.conditionFailed[0]) throw new ConflictError('已经记录过这位学员的结业结果了');
    // The voucher changed between the check and the write (used, revoked, expired at midnight): record without it.
    const problem = (await voucherProblem()) ?? '这张券刚刚有变动，未能核销';
    return attempt(false, problem);
  }
}

