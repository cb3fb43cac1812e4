// Messages off HTTP, one function: the outbox and new search cards on the stream, the sweep on its schedule.
import { byTrigger } from '../triggers';
import { onStream, sweep } from './handlers';

export const handler = byTrigger({ stream: onStream, schedules: { default: sweep } });
