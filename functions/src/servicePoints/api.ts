// Service points, one Lambda: 服务网点 (kept by district and city staff, found by anyone nearby),
// 预约办事 at their desks, and 一次性告知 (the catalogue and a person's own slip).
import { router } from '../http/router';
import * as points from './handlers';

export const handler = router(
  points.create,
  points.update,
  points.staffList,
  points.nearby,
  points.get,
  points.slots,
  points.book,
  points.mine,
  points.cancel,
  points.move,
  points.desk,
  points.mark,
  points.catalogue,
  points.notice,
  points.notices,
);
