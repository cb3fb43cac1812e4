// Voucher figures for `npm run bench` (issue 5), in a process of its own because the functions'
// DynamoDB client is built once per process: redemption throughput and latency with 50
// providers redeeming at once over HTTP (serverless offline), a settlement run over 100,000
// redemptions, and the items written per redemption and per settled voucher, counted on the
// wire. Prints one JSON line last.
import { ulid } from 'ulid';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';
import { programmeBody } from '../support/vouchers';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  const table = 'bench-vouchers';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint });

  const { getDocumentClient } = await import('../../functions/src/db/client');
  const entities = await import('../../functions/src/vouchers/entities');
  const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
  const { putRegistration } = await import('../../functions/src/registration/service');
  const { approveProgramme, createProgramme } = await import('../../functions/src/vouchers/programmes');
  const { issueProgramme } = await import('../../functions/src/vouchers/issuing');
  const { claimVoucher, listMyVouchers } = await import('../../functions/src/vouchers/wallet');
  const { redeemVoucher } = await import('../../functions/src/vouchers/redemption');
  const { runSettlement, approveBatch, payoutFile, importBankResults, SETTLE_CHUNK } = await import('../../functions/src/vouchers/settlement');
  const { signHolderCode } = await import('../../functions/src/vouchers/codes');
  const { onStream } = await import('../../functions/src/vouchers/handlers/stream');
  const { voucherRecord, streamEvent, staffOf, financeOf } = await import('../support/vouchers');
  const { benchApiFor } = await import('./api');
  const { designatedProvider } = await import('../support/providers');

  // Items written, counted on the wire: each put, update and delete, alone or in a transaction or batch.
  let written = 0;
  getDocumentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: Record<string, unknown>[]; RequestItems?: Record<string, unknown[]> };
      const name = context.commandName;
      if (input.TransactItems) written += input.TransactItems.filter((t) => !('ConditionCheck' in t)).length;
      // A batch write's requests are a list per table; a batch get's are an object of keys (not writes).
      else if (input.RequestItems) written += Object.values(input.RequestItems).reduce((n, r) => n + (Array.isArray(r) ? r.length : 0), 0);
      else if (/^(Put|Update|Delete)/.test(name ?? '')) written += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );

  const STAFF = staffOf('bench-district');
  const FINANCE = financeOf('bench-finance');
  const provider = (employerId: string, member: string) => designatedProvider(employerId, [member], ['training_institution'], '350102001001');

  // ── 1. Redemption over HTTP: 50 providers at once, 20 vouchers each ──────────────────────
  const PROVIDERS = 50;
  const EACH = 20;
  const api = await benchApiFor(table, dynamo.endpoint);
  const agents = await Promise.all(Array.from({ length: PROVIDERS }, async (_, i) => {
    const token = await api.login({ openid: `bench-agent-${i}` });
    const me = (await (await fetch(`${api.base}/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: { id: string } };
    return { token, userId: me.user.id, providerId: ulid() };
  }));
  for (const a of agents) await provider(a.providerId, a.userId);
  const programme = await approveProgramme(FINANCE, (await createProgramme(STAFF, programmeBody({ name: '压测服务券', quota: PROVIDERS * EACH, budgetFen: PROVIDERS * EACH * 20_000, areaCode: '350102' }))).id);
  const holders = Array.from({ length: PROVIDERS * EACH }, (_, i) => `bench-holder-${i}`);
  for (const [i, h] of holders.entries()) {
    await putRegistration(h, registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(20, i % 300), i % 1000, '350102'), residence: { areaCode: '350102001001', address: '鼓东路', lat: 26.08, lng: 119.3 } }));
  }
  let cursor: string | undefined;
  do cursor = (await issueProgramme(STAFF, programme.id, cursor)).nextCursor;
  while (cursor);
  const voucherIds: string[] = [];
  for (const h of holders) {
    const v = (await listMyVouchers({ userId: h, roles: ['jobseeker'] })).find((x) => x.programmeId === programme.id)!;
    await claimVoucher({ userId: h, roles: ['jobseeker'] }, v.id, {}, undefined);
    voucherIds.push(v.id);
  }
  // Warm-up: serverless offline starts a worker per concurrent call of a function; fifty refused
  // redemptions (a code that is not one) start the redeem function's fifty workers first.
  for (let round = 0; round < 2; round += 1) {
    await Promise.all(
      agents.map((a) =>
        fetch(`${api.base}/vouchers/redeem`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
          body: JSON.stringify({ code: 'x'.repeat(40), providerId: a.providerId, serviceRecord: { serviceDate: '2026-11-20', description: '预热请求' } }),
        }).then((r) => r.text()),
      ),
    );
  }
  const latencies: number[] = [];
  let errors = 0;
  const errorStatuses: Record<string, number> = {};
  const started = Date.now();
  await Promise.all(
    agents.map(async (a, i) => {
      for (let k = 0; k < EACH; k += 1) {
        const { code } = await signHolderCode(voucherIds[i * EACH + k]);
        const t = performance.now();
        const res = await fetch(`${api.base}/vouchers/redeem`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}`, 'idempotency-key': `bench-${i}-${k}-key` },
          body: JSON.stringify({ code, providerId: a.providerId, serviceRecord: { serviceDate: '2026-11-20', description: '岗前技能培训结业' } }),
        });
        latencies.push(performance.now() - t);
        if (res.status !== 201) {
          errors += 1;
          errorStatuses[res.status] = (errorStatuses[res.status] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  // The floors, in the same run: GET /health through the same stack at the same concurrency, and
  // the redemption's own transaction (5 conditional puts) straight on DynamoDB Local.
  const timed = async (run: () => Promise<void>) => {
    const lat: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: PROVIDERS }, async () => {
        for (let k = 0; k < EACH; k += 1) {
          const t = performance.now();
          await run();
          lat.push(performance.now() - t);
        }
      }),
    );
    lat.sort((x, y) => x - y);
    return { perSecond: lat.length / ((Date.now() - t0) / 1000), p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
  };
  const health = await timed(async () => {
    await (await fetch(`${api.base}/health`)).arrayBuffer();
  });
  await api.stop();
  const { TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const doc0 = getDocumentClient();
  const transactionFloor = await timed(async () => {
    const id = ulid();
    await doc0.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: 5 }, (_, j) => ({ Put: { TableName: table, Item: { pk: `FLOOR#${id}`, sk: `ITEM#${j}`, n: j }, ConditionExpression: 'attribute_not_exists(pk)' } })),
      }),
    );
  });
  latencies.sort((x, y) => x - y);
  const redemption = {
    providers: PROVIDERS,
    requests: latencies.length,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    perSecond: latencies.length / seconds,
    errors,
    errorStatuses,
    health,
    transactionFloor,
  };

  // ── 2. Items written per redemption and per settled voucher (10 of each, counted) ────────
  const sample = await approveProgramme(FINANCE, (await createProgramme(STAFF, programmeBody({ name: '计数券', quota: 10, budgetFen: 10 * 20_000, areaCode: '350102' }))).id);
  const sampleHolders = holders.slice(0, 10);
  do cursor = (await issueProgramme(STAFF, sample.id, cursor)).nextCursor;
  while (cursor);
  const sampleVouchers = [];
  for (const h of sampleHolders) {
    const v = (await listMyVouchers({ userId: h, roles: ['jobseeker'] })).find((x) => x.programmeId === sample.id)!;
    await claimVoucher({ userId: h, roles: ['jobseeker'] }, v.id, {}, undefined);
    sampleVouchers.push(v.id);
  }
  const load = async (voucherId: string) => (await entities.VoucherEntity.build((await import('dynamodb-toolbox/entity/actions/get')).GetItemCommand).key({ voucherId }).options({ consistent: true }).send()).Item!;
  written = 0;
  for (const id of sampleVouchers) {
    const { code } = await signHolderCode(id);
    await redeemVoucher({ userId: agents[0].userId, roles: ['jobseeker'] }, { code, providerId: agents[0].providerId, serviceRecord: { serviceDate: '2026-11-20', description: '培训结业' } }, undefined);
  }
  const perRedemptionRequest = written / 10;
  written = 0;
  const redeemedSample = await Promise.all(sampleVouchers.map(load));
  await onStream(streamEvent(redeemedSample.map((v) => voucherRecord(v, 'claimed'))));
  const perRedemptionStream = written / 10;
  // Settle everything queued so far (each redemption queued itself), then the sample's bank result.
  written = 0;
  const sampleRun = await runSettlement({ actorId: 'bench', scope: '350102' });
  const settleWritesPerVoucher = written / sampleRun.voucherCount;
  const sampleBatch = sampleRun.batches.find((b) => b.programmeId === sample.id)!;
  await approveBatch(FINANCE, sampleBatch.batchId);
  const file = await payoutFile(FINANCE, sampleBatch.batchId);
  const ids = file.content.split('\r\n').slice(1).map((r) => (JSON.parse(`[${r}]`) as string[])[0]);
  written = 0;
  await importBankResults(FINANCE, sampleBatch.batchId, ['line_id,result,reason', ...ids.map((id) => `${id},成功,`)].join('\n'));
  const importWritesPerVoucher = written / 10; // with the line and the batch (three items for ten vouchers)
  const settledSample = await Promise.all(sampleVouchers.map(load));
  written = 0;
  await onStream(streamEvent(settledSample.map((v) => voucherRecord(v, 'settling'))));
  const settleStreamPerVoucher = written / 10;

  // ── 3. Settlement of 100,000 redemptions ───────────────────────────────────────────────
  const COUNT = 100_000;
  const PAYEES = 200;
  const big = await approveProgramme(FINANCE, (await createProgramme(STAFF, programmeBody({ name: '十万张结算券', quota: COUNT, budgetFen: COUNT * 20_000, areaCode: '350102' }))).id);
  const payees = Array.from({ length: PAYEES }, () => ulid());
  for (const [i, p] of payees.entries()) await provider(p, `bench-payee-member-${i}`);
  const doc = getDocumentClient();
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const seedStarted = Date.now();
  const items = function* () {
    for (let i = 0; i < COUNT; i += 1) {
      const voucherId = ulid();
      const providerId = payees[i % PAYEES];
      const at = new Date().toISOString();
      yield entities.VoucherEntity.build(PutItemCommand)
        .item({
          voucherId,
          programmeId: big.id,
          programmeName: big.name,
          kind: 'service',
          serviceName: big.serviceName,
          faceValueFen: big.faceValueFen,
          providerTypes: big.providerTypes,
          programmeAreaCode: big.areaCode,
          usableAt: '鼓楼区的培训机构',
          holderType: 'person',
          holderId: `bench-person-${i}`,
          holderAreaCode: '350102001001',
          holderName: '林**',
          status: 'redeemed',
          claimUntil: big.claimUntil,
          validityDays: 90,
          issuedAt: at,
          claimedAt: at,
          expiresOn: '2099-01-01',
          redeemedAt: at,
          providerId,
          providerName: `培训学校${providerId.slice(-4)}`,
          payeeKey: `provider#${providerId}`,
          createdAt: at,
          updatedAt: at,
          version: 3,
          auditHead: `0:${'0'.repeat(64)}`,
          ...entities.walletKeys(`bench-person-${i}`, at, voucherId),
        })
        .params().Item;
      yield entities.SettlementQueueEntity.build(PutItemCommand).item({ programmeId: big.id, voucherId, queuedAt: at }).params().Item;
    }
  };
  const all = [...items()];
  const batches: (typeof all)[] = [];
  for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const chunk = batches[next];
        next += 1;
        let request: Record<string, unknown[]> | undefined = { [table]: chunk.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    }),
  );
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  // As in AWS: finance's run answers at once and the worker does it one programme per message
  // (the local stand-in for SQS drained in this process).
  const { startRun, getRun } = await import('../../functions/src/vouchers/settlement');
  const { work } = await import('../../functions/src/vouchers/handlers/settlement');
  const { drainLocalQueueOnce } = await import('../../scripts/lib/localQueue');
  written = 0;
  const runStarted = Date.now();
  const { run: bigRun } = await startRun({ actorId: 'bench', scope: '350102' });
  let done = bigRun;
  while (done.status !== 'done') {
    await drainLocalQueueOnce('settlement', work);
    done = (await getRun(FINANCE, bigRun.id)).run;
  }
  const runSeconds = (Date.now() - runStarted) / 1000;
  const itemsPerVoucher = written / done.voucherCount;
  // The floor, in the same run: 100-item transactions of conditional puts, four at a time (as the
  // run's chunks go), timed over 30,000 items and scaled to the items the run wrote per voucher.
  const FLOOR_ITEMS = 30_000;
  let floorNext = 0;
  const floorStarted = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (floorNext < FLOOR_ITEMS / 100) {
        const t = floorNext;
        floorNext += 1;
        await doc.send(
          new TransactWriteCommand({
            TransactItems: Array.from({ length: 100 }, (_, j) => ({ Put: { TableName: table, Item: { pk: `SFLOOR#${t}`, sk: `ITEM#${j}`, n: j }, ConditionExpression: 'attribute_not_exists(pk)' } })),
          }),
        );
      }
    }),
  );
  const floorItemsPerSecond = FLOOR_ITEMS / ((Date.now() - floorStarted) / 1000);
  const floorSeconds = (COUNT * itemsPerVoucher) / floorItemsPerSecond;
  const settlement = {
    vouchers: done.voucherCount,
    amountFen: done.amountFen,
    expectedFen: COUNT * big.faceValueFen,
    batches: done.batches.filter((b) => b.programmeId === big.id).length,
    lines: done.batches.reduce((n, b) => n + b.lineCount, 0),
    seconds: runSeconds,
    seedSeconds,
    chunk: SETTLE_CHUNK,
    itemsPerVoucher,
    floorItemsPerSecond,
    floorSeconds,
  };

  raw.destroy();
  await dynamo.stop();
  const result = {
    redemption,
    writes: { perRedemptionRequest, perRedemptionStream, settleWritesPerVoucher, importWritesPerVoucher, settleStreamPerVoucher },
    settlement,
  };
  console.log(JSON.stringify(result));
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
