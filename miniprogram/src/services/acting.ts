// Leaving 亲情代办's acting mode, from the banner every page shows. Kept apart from services/proxy
// (which holds the 亲情代办 calls and their contracts) so the main package does not carry those.
import Taro from '@tarojs/taro';
import { stopActing } from './session';

/** Back to one's own account, on the home page. */
export async function leaveActing(): Promise<void> {
  stopActing();
  await Taro.reLaunch({ url: '/pages/index/index' });
}
