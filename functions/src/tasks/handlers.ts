// The staff inbox over HTTP.
import { completeTask as completeTaskContract, listStaffTasks } from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { completeTask, listTasks } from './tasks';

export const list = httpHandler(listStaffTasks, ({ principal, query }) => listTasks(principal, query));
export const complete = httpHandler(completeTaskContract, async ({ principal, params, body }) => ({ task: await completeTask(principal, params.id, body.note) }));
