// Vouchers off HTTP, one function: status changes on the stream, settlement runs on their queue,
// the daily expiry and the daily settlement on their schedules (serverless.yml `input: { job }`).
import { byTrigger } from '../../triggers';
import { daily as lapseDaily } from './lapse';
import { daily as settleDaily, work as settle } from './settlement';
import { onStream } from './stream';

export const handler = byTrigger({ stream: onStream, queue: settle, schedules: { lapse: lapseDaily, settle: settleDaily } });
