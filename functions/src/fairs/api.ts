// Job fairs, one Lambda: fairs and their booths, pre-registration, check-in, 我有意向, the venue
// screen, employers' receipts and each fair's figures.
import { router } from '../http/router';
import * as fairs from './handlers';

export const handler = router(
  fairs.create,
  fairs.publish,
  fairs.list,
  fairs.one,
  fairs.booth,
  fairs.decide,
  fairs.register,
  fairs.mine,
  fairs.code,
  fairs.scan,
  fairs.gate,
  fairs.self,
  fairs.intend,
  fairs.staffList,
  fairs.staffBoothList,
  fairs.unitBooths,
  fairs.receipt,
  fairs.screen,
  fairs.screenReady,
  fairs.figures,
);
