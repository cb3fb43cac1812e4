// 政策找人 off HTTP, one function: people's changes on the stream, a new policy's match on its queue.
import { byTrigger } from '../../triggers';
import { onStream } from './stream';
import { work } from './work';

export const handler = byTrigger({ stream: onStream, queue: work });
