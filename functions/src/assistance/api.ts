// 就业援助 (issue 31), one Lambda: the bounded context of following a recognised hard-to-employ
// person until they are in stable work.
import { router } from '../http/router';
import * as assistance from './handlers';

export const handler = router(
  assistance.list,
  assistance.get,
  assistance.assign,
  assistance.contact,
  assistance.plan,
  assistance.interview,
  assistance.result,
  assistance.followUp,
  assistance.paper,
  assistance.mine,
  assistance.sign,
);
