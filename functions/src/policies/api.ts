// Policies, one Lambda: publishing and browsing policies, 为您找到的政策, 政策计算器 and 你问我答.
// Reaching the people a policy fits is the stream's (handlers/stream.ts, its own function).
import { router } from '../http/router';
import * as policies from './handlers';

export const handler = router(
  policies.publish,
  policies.staffList,
  policies.staffOne,
  policies.withdraw,
  policies.browse,
  policies.one,
  policies.mine,
  policies.calculator,
  policies.ask,
  policies.questions,
  policies.staffQuestionOne,
  policies.answer,
  policies.complex,
  policies.topics,
);
