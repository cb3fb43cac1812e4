// 一次性告知单: at a desk, staff tick what a person brought and the slip names what this person
// still lacks — their own hardship category's evidence, the conditions their record shows unmet —
// under the catalogue version in force. Kept as the record that the person was told at once; the
// person finds it in the app under 我的预约.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ulid } from 'ulid';
import { inJurisdiction, noticeFor, todayInChina, type HardshipCategory, type ServiceKey, type z, type noticeSchema } from '@doorstep/shared';
import { activeCategory, loadCategories } from '../applications/categories';
import { JobseekerRegistrationEntity } from '../db/entities';
import { table } from '../db/table';
import { NotFoundError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { NoticeSlipEntity } from './entities';
import { loadPoint } from './points';

type Notice = z.infer<typeof noticeSchema>;
type StoredNotice = FormattedItem<typeof NoticeSlipEntity> & { pointName?: string };

const toNoticeView = (n: StoredNotice, pointName?: string): Notice => ({
  id: n.noticeId,
  service: n.service as ServiceKey,
  serviceName: n.serviceName,
  catalogueVersion: n.catalogueVersion,
  missing: n.missing.map((m) => ({ code: m.code, label: m.label, ...(m.when ? { when: m.when } : {}) })),
  unmet: [...n.unmet],
  ...(pointName ? { pointName } : {}),
  createdAt: n.createdAt,
});

export async function createNotice(
  principal: Principal,
  body: { service: ServiceKey; have: string[]; hardshipCategories?: HardshipCategory[]; personId?: string; pointId?: string },
  now = new Date(),
): Promise<Notice> {
  const scope = scopeOf(principal);
  let facts: { registered: boolean; registeredUnemployed: boolean } | undefined;
  if (body.personId) {
    const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: body.personId }).send();
    if (!reg || !inJurisdiction(reg.residence.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这个人员');
    const today = todayInChina(now);
    facts = { registered: true, registeredUnemployed: !!activeCategory(await loadCategories(body.personId), 'registered_unemployed', today) };
  }
  const point = body.pointId ? await loadPoint(body.pointId) : undefined;
  if (body.pointId && (!point || !inJurisdiction(point.areaCode, principal.level, principal.areaCode))) throw new NotFoundError('找不到这个网点');
  const notice = noticeFor({ service: body.service, have: body.have, ...(body.hardshipCategories ? { hardshipCategories: body.hardshipCategories } : {}), ...(facts ? { facts } : {}) }, todayInChina(now));
  const noticeId = ulid(now.getTime());
  const at = now.toISOString();
  const item: StoredNotice = {
    noticeId,
    service: body.service,
    serviceName: notice.service.name,
    catalogueVersion: notice.version,
    missing: notice.missing,
    unmet: notice.unmet,
    ...(body.personId ? { personId: body.personId, gsi2pk: `USER_NOTICES#${body.personId}`, gsi2sk: `${at}#${noticeId}` } : {}),
    ...(point ? { pointId: point.pointId } : {}),
    staffId: principal.userId,
    staffAreaCode: scope,
    createdAt: at,
  };
  await NoticeSlipEntity.build(PutItemCommand).item(item).send();
  return toNoticeView(item, point?.name);
}

/** The person's slips, newest first. */
export async function myNotices(userId: string): Promise<Notice[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(NoticeSlipEntity)
    .query({ index: 'gsi2', partition: `USER_NOTICES#${userId}` })
    .options({ limit: 50, reverse: true })
    .send();
  const names = new Map<string, string>();
  for (const id of new Set(Items.flatMap((n) => (n.pointId ? [n.pointId] : [])))) {
    const p = await loadPoint(id);
    if (p) names.set(id, p.name);
  }
  return Items.map((n) => toNoticeView(n, n.pointId ? names.get(n.pointId) : undefined));
}
