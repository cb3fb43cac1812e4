// Asking for one-time subscription messages (订阅消息) before an action whose outcome the person
// will want to hear about. A browser has no such thing, so in H5 this does nothing; the weapp
// build uses subscribe.weapp.ts.
import type { MessageTemplate } from '@doorstep/shared';

export async function askToBeTold(_templates: readonly MessageTemplate[]): Promise<void> {}
