// WeChat subscription messages (订阅消息). The real sender calls subscribeMessage.send with a
// stable access token; the local stage appends each message to a log file instead. Either way
// the outbox has already spent one of the user's one-time authorisations for the template.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { logger } from '../logger';
import { createStableToken } from './wechatToken';

export interface OutgoingMessage {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, string>;
}

export type SendResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

export interface Messenger {
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** Errors after which sending again cannot help: no authorisation left, a bad template, a bad user. */
const PERMANENT_ERRORS = new Set([40003, 40037, 43101, 47003]);

export function createWeChatMessenger(options: { appId: string; secret: string; apiBase: string; fetchImpl?: typeof fetch }): Messenger {
  const doFetch = options.fetchImpl ?? fetch;
  const accessToken = createStableToken(options);
  return {
    async send(message) {
      try {
        const url = new URL('/cgi-bin/message/subscribe/send', options.apiBase);
        url.searchParams.set('access_token', await accessToken());
        const res = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: message.openid,
            template_id: message.templateId,
            page: message.page,
            data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
          }),
          signal: AbortSignal.timeout(5000),
        });
        const payload = (await res.json()) as { errcode?: number; errmsg?: string };
        if (!payload.errcode) return { ok: true };
        return { ok: false, permanent: PERMANENT_ERRORS.has(payload.errcode), reason: `errcode ${payload.errcode}` };
      } catch (err) {
        logger.warn('subscribe message failed', { reason: (err as Error).message });
        return { ok: false, permanent: false, reason: 'WeChat unreachable' };
      }
    },
  };
}

/** The local stage's sender: one JSON line per message. */
export function createLogMessenger(file: string): Messenger {
  return {
    async send(message) {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify({ at: new Date().toISOString(), ...message })}\n`, 'utf8');
      return { ok: true };
    },
  };
}
