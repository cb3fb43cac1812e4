// One function per bounded context off HTTP: each kind of event reaches its own handler.
import { byTrigger } from './triggers';

describe('byTrigger', () => {
  const seen: string[] = [];
  const mark = (what: string) => async () => void seen.push(what);
  const handler = byTrigger({ stream: mark('stream'), queue: mark('queue'), schedules: { default: mark('sweep'), lapse: mark('lapse') } });
  beforeEach(() => seen.splice(0));

  it('sends a stream batch, a queue batch and each schedule to its handler', async () => {
    await handler({ Records: [{ eventSource: 'aws:dynamodb' }] });
    await handler({ Records: [{ eventSource: 'aws:sqs' }] });
    await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
    await handler({ job: 'lapse' });
    expect(seen).toEqual(['stream', 'queue', 'sweep', 'lapse']);
  });

  it('fails loudly on an event it was not given a handler for', async () => {
    await expect(handler({ job: 'settle' })).rejects.toThrow('no handler for this event (job settle)');
    await expect(byTrigger({ stream: mark('stream') })({ Records: [{ eventSource: 'aws:sqs' }] })).rejects.toThrow('(aws:sqs)');
    expect(seen).toEqual([]);
  });
});
