// 亲情代办 from the app: inviting, accepting, switching to acting for a family member and back.
// These calls always go out on the person's own session.
import Taro from '@tarojs/taro';
import { startActingFor, type ActingFor } from '@doorstep/shared';
import { request } from './request';
import { startActingWith } from './session';

export const channel = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5';

/** Starts acting for the person of `bindingId` and opens the home page in their name. */
export async function actFor(bindingId: string): Promise<ActingFor> {
  const session = await request(startActingFor, { body: { bindingId }, self: true });
  startActingWith(session);
  await Taro.reLaunch({ url: '/pages/index/index' });
  return session.actingFor;
}
