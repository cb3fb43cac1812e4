// Identity, one Lambda: WeChat and CloudBase sign-in, who the caller is, the person's consents
// to the privacy guide, 我的数据 and closing the account, and 亲情代办 (who may act for whom). (The dev login is a function of its own
// that only the local and test stages deploy.)
import { router } from '../http/router';
import * as privacy from '../privacy/handlers';
import * as proxies from '../proxies/handlers';
import { cloudbase, me, preferences, wechat } from './handlers';

export const handler = router(
  wechat,
  cloudbase,
  me,
  preferences,
  privacy.policy,
  privacy.give,
  privacy.list,
  privacy.withdraw,
  privacy.exportData,
  privacy.dataAccess,
  privacy.deletion,
  privacy.requestDeletionHandler,
  privacy.cancelDeletionHandler,
  proxies.invite,
  proxies.cancelInvite,
  proxies.accept,
  proxies.list,
  proxies.revoke,
  proxies.actFor,
  proxies.actions,
);
