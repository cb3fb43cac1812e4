// WeChat asks the person (the system sheet); every template they accept allows one message,
// which the server counts. Refusing, or WeChat failing, never stops the action itself.
import Taro from '@tarojs/taro';
import { recordSubscriptions, type MessageTemplate } from '@doorstep/shared';
import { request } from './request';
import { actingNow } from './session';

export async function askToBeTold(templates: readonly MessageTemplate[]): Promise<void> {
  const ids = templates.map((t) => ({ t, id: MESSAGE_TEMPLATES[t] })).filter((x) => x.id);
  // Acting for a family member: WeChat would ask this phone's owner, but the messages go to the
  // person's own WeChat, which only they can allow.
  if (ids.length === 0 || actingNow()) return;
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: ids.map((x) => x.id), entityIds: [] })) as unknown as Record<string, string>;
    const accepted = ids.filter((x) => answer[x.id] === 'accept').map((x) => x.t);
    if (accepted.length) await request(recordSubscriptions, { body: { accepted } });
  } catch {
    // Not asked or not recorded: the action goes ahead; only the message is lost.
  }
}
