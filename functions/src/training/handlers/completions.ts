// Completions over HTTP. They move money (the trainee's voucher): they honour Idempotency-Key.
import { recordCompletion as completionContract } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { recordCompletion } from '../completion';

export const complete = httpHandler(completionContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:completion`, idempotencyKeyOf(headers), { courseId: params.id, ...body }, async (record) => ({
    enrolment: await recordCompletion(principal, params.id, body, record),
  })),
);
