// The composition root: adapters built once per container from configuration. Tests reach the
// real adapters through configuration (a loopback WeChat via WECHAT_API_BASE, test keys).
import { getConfig } from './config';
import { createWeChatAuth, type WeChatAuth } from './adapters/wechat';
import { createIdNumberVault, type IdNumberVault } from './pii/idNumberVault';
import { createRoomLinkMeetings, type Meetings } from './adapters/meetings';
import { createLogMessenger, createWeChatMessenger, type Messenger } from './adapters/messenger';
import { createSqsQueue, createTableQueue, type WorkQueue } from './adapters/workQueue';

/** The local stand-in's name for the policy queue (npm start and the tests drain it). */
export const POLICY_QUEUE_LOCAL = 'policy-match';
/** The local stand-in's name for the ledger import queue. */
export const LEDGER_QUEUE_LOCAL = 'ledger-import';
/** The local stand-in's name for the subsidy queue (publishing and ending notices). */
export const SUBSIDY_QUEUE_LOCAL = 'subsidy-work';

export interface Dependencies {
  wechat: WeChatAuth;
  idNumbers: IdNumberVault;
  /** Payout account numbers (social-security-card and provider accounts), encrypted the same way. */
  accounts: IdNumberVault;
  messenger: Messenger;
  meetings: Meetings;
  /** Where settlement runs put their units of work. */
  settlementQueue: WorkQueue;
  /** Where a newly published policy waits for its matching (policies/handlers/work.ts). */
  policyQueue: WorkQueue;
  /** Where an imported ledger's parts wait to be applied (ledger/work.ts). */
  ledgerQueue: WorkQueue;
  /** Where a notice's roster, its parts and its end wait (subsidies/work.ts). */
  subsidyQueue: WorkQueue;
}

let deps: Dependencies | undefined;

export function getDependencies(): Dependencies {
  if (!deps) {
    const c = getConfig();
    deps = {
      wechat: createWeChatAuth({ appId: c.WECHAT_APPID, secret: c.WECHAT_SECRET, apiBase: c.WECHAT_API_BASE }),
      idNumbers: createIdNumberVault(c.ID_ENCRYPTION_KEY, c.ID_HMAC_KEY),
      accounts: createIdNumberVault(c.ID_ENCRYPTION_KEY, c.ID_HMAC_KEY, 'bank-account'),
      messenger:
        c.MESSAGE_SENDER === 'log'
          ? createLogMessenger(c.MESSAGE_LOG)
          : createWeChatMessenger({ appId: c.WECHAT_APPID, secret: c.WECHAT_SECRET, apiBase: c.WECHAT_API_BASE }),
      meetings: createRoomLinkMeetings(c.MEETING_ROOM_BASE),
      settlementQueue: c.SETTLEMENT_QUEUE === 'local' ? createTableQueue('settlement') : createSqsQueue(c.SETTLEMENT_QUEUE, c.AWS_REGION),
      policyQueue: c.POLICY_QUEUE === 'local' ? createTableQueue(POLICY_QUEUE_LOCAL) : createSqsQueue(c.POLICY_QUEUE, c.AWS_REGION),
      ledgerQueue: c.LEDGER_QUEUE === 'local' ? createTableQueue(LEDGER_QUEUE_LOCAL) : createSqsQueue(c.LEDGER_QUEUE, c.AWS_REGION),
      subsidyQueue: c.SUBSIDY_QUEUE === 'local' ? createTableQueue(SUBSIDY_QUEUE_LOCAL) : createSqsQueue(c.SUBSIDY_QUEUE, c.AWS_REGION),
    };
  }
  return deps;
}
