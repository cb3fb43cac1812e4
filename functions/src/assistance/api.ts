// 就业援助 (issue 31), one Lambda: the bounded context of following people until they are in
// stable work — hard-to-employ assistance cases, zero-employment households and public-welfare posts.
import { router } from '../http/router';
import * as households from '../households/handlers';
import * as welfarePosts from '../welfarePosts/handlers';
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
  households.apply,
  households.mine,
  households.list,
  households.get,
  households.member,
  welfarePosts.create,
  welfarePosts.list,
  welfarePosts.get,
  welfarePosts.place,
  welfarePosts.unitApply,
  welfarePosts.unitList,
);
