// Identity, one Lambda: WeChat and CloudBase sign-in, and who the caller is. (The dev login is a
// function of its own that only the local and test stages deploy.)
import { router } from '../http/router';
import { cloudbase, me, wechat } from './handlers';

export const handler = router(wechat, cloudbase, me);
