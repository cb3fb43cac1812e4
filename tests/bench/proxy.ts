// 亲情代办's cost for `npm run bench` (issue 17), in a process of its own: the same registration
// update (PUT /me/jobseeker-registration through the real HTTP wrapper and the registration
// function's router, in process on DynamoDB Local) made by the person and by a family member acting
// for her, interleaved so both see the same machine. The family member's request also reads the
// binding and writes its 代办记录 line twice. Prints one JSON line last.
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';

const ROUNDS = 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const table = 'bench-proxy';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint });
  const { findOrCreateUser } = await import('../../functions/src/auth/users');
  const { giveConsents } = await import('../../functions/src/privacy/consents');
  const { inviteProxy, acceptInvitation, startActing } = await import('../../functions/src/proxies/bindings');
  const { signSession } = await import('../../functions/src/http/session');
  const { getConfig } = await import('../../functions/src/config');
  const { handler } = await import('../../functions/src/registration/api');
  try {
    const mother = await findOrCreateUser('dev', 'bench-mother');
    const son = await findOrCreateUser('dev', 'bench-son');
    await giveConsents(mother.id, { purposes: ['privacy', 'id_number'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' });
    await giveConsents(son.id, { purposes: ['privacy'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' });
    const { code } = await inviteProxy(mother.id, { phone: '13900009999', relation: 'child', callName: '妈妈', channel: 'weapp' });
    const binding = await acceptInvitation(son.id, { phone: '13900009999', code, channel: 'weapp' });
    const proxyToken = (await startActing(son.id, binding.id)).token;
    const ownToken = (await signSession(mother, getConfig().JWT_SECRET, 3600)).token;

    const put = async (token: string, i: number) => {
      // A different phone each time, so every request writes (an unchanged one writes nothing).
      const body = registrationBody({ idNumber: makeIdNumber('1974-05-12', 622), name: '王秀英', phone: `1390001${String(i).padStart(4, '0')}` });
      const t = performance.now();
      const res = await handler({ routeKey: 'PUT /me/jobseeker-registration', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body), isBase64Encoded: false } as never);
      if (res.statusCode !== 200) throw new Error(`PUT answered ${res.statusCode}: ${res.body}`);
      return performance.now() - t;
    };
    await put(ownToken, 0); // the first write creates the registration; warm both paths
    await put(proxyToken, 1);
    const own: number[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      own.push(await put(ownToken, 2 + 2 * i));
      proxied.push(await put(proxyToken, 3 + 2 * i));
    }
    console.log(JSON.stringify({ rounds: ROUNDS, ownMs: median(own), proxyMs: median(proxied) }));
  } finally {
    raw.destroy();
    await dynamo.stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
