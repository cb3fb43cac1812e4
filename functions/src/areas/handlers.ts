// GET /areas?parent=<code>
import { listAreas } from '@doorstep/shared';
import { NotFoundError } from '../http/errors';
import { httpHandler } from '../http/handler';
import { listChildAreas } from './dataset';

export const list = httpHandler(listAreas, async ({ query }) => {
  const items = listChildAreas(query.parent);
  if (!items) throw new NotFoundError('没有这个行政区划代码');
  return { items };
});
