// Settlement (拨付), one Lambda for finance: starting a run, batches, approval, the payout file
// and the bank's results. The run itself is done by the settlement worker, off HTTP.
import { router } from '../http/router';
import * as settlement from './handlers/settlement';

export const handler = router(settlement.run, settlement.progress, settlement.list, settlement.one, settlement.approve, settlement.payout, settlement.bankResults);
