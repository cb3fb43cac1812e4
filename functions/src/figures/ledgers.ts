// The ledgers the seeds name, as CSV files staff open in Excel (UTF-8 with a byte-order mark, as
// the assessment export): the hard-to-employ service ledger (F30) and the zero-employment household
// ledger and the public-welfare post ledger. Exporting named people is a look at each of them:
// each is in their 访问记录.
import Papa from 'papaparse';
import {
  assistanceStatusLabels,
  fenToYuanText,
  householdStatusLabels,
  todayInChina,
  welfareFundingLabels,
  welfarePostKindLabels,
  welfarePostStatusLabels,
  type WelfareFunding,
  type WelfarePostKind,
  type WelfarePostStatus,
} from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { areaFullName } from '../areas/dataset';
import { mapLimit } from '../concurrency';
import { ForbiddenError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { HouseholdEntity } from '../households/entities';
import { WelfarePostEntity } from '../welfarePosts/entities';
import { reach } from '../welfarePosts/service';
import { placementsOf } from '../welfarePosts/reads';
import { allCases, allInArea } from './assistanceReport';

const csv = (fields: string[], data: (string | number)[][]) => Papa.unparse({ fields, data }, { newline: '\r\n' });

export async function assistanceLedgerCsv(principal: Principal, route: string) {
  if (!principal.roles.includes('admin') || principal.level === 'community') throw new ForbiddenError('由街道及以上管理员导出');
  const scope = scopeOf(principal);
  const cases = await allCases(scope);
  await mapLimit(cases, 8, (c) => recordAccess(principal, { personId: c.userId, personName: c.personName, kind: 'assistance', route }));
  const rows = cases.map((c) => [
    c.personName,
    areaFullName(c.areaCode),
    c.recognisedOn,
    assistanceStatusLabels[c.status],
    c.specialist ? `${c.specialist.name} ${c.specialist.phone}` : '',
    c.contact?.on ?? '',
    c.plan?.goals ?? '',
    (c.offers ?? []).length,
    (c.offers ?? []).filter((o) => o.interviewOn).length,
    c.agreement?.signedOn ?? '',
    c.placedOn ?? '',
    (c.followUps ?? []).length,
    c.closedOn ?? '',
  ]);
  const content = csv(['姓名', '社区', '认定日期', '援助状态', '援助专员', '首次联系', '援助目标', '推荐岗位数', '面试次数', '协议签署', '上岗日期', '跟踪回访次数', '结案日期'], rows);
  return { fileName: `就业困难人员援助台账_${scope}_${todayInChina()}.csv`, content };
}

export async function householdLedgerCsv(principal: Principal) {
  const scope = scopeOf(principal);
  const today = todayInChina();
  const rows = (await allInArea(HouseholdEntity, 'HOUSEHOLDS', scope)).map((h) => {
    const zero = h.status === 'recognised' && h.atZero;
    return [
      `${h.applicantName}家`,
      areaFullName(h.areaCode),
      h.members.length,
      householdStatusLabels[h.status],
      zero ? '是' : '否',
      zero && h.zeroSince ? h.zeroSince : '',
      zero && h.zeroSince ? Math.round((Date.parse(today) - Date.parse(h.zeroSince)) / 86_400_000) : '',
      zero && h.clear ? h.clear.due : '',
      h.leftZeroOn ?? '',
    ];
  });
  const content = csv(['家庭', '社区', '人数', '认定状态', '仍为零就业', '零就业起始日', '已零就业天数', '动态清零期限', '脱离零就业日期'], rows);
  return { fileName: `零就业家庭台账_${scope}_${today}.csv`, content };
}

/** 公益性岗位台账 as a file: a row per post, with who holds its seats and until when. */
export async function welfarePostsCsv(principal: Principal) {
  const prefix = reach(principal);
  const rows = await mapLimit(await allInArea(WelfarePostEntity, 'PWPOSTS', prefix), 4, async (p) => {
    const placed = await placementsOf(p.postId);
    return [
      p.unitName,
      p.title,
      areaFullName(p.areaCode),
      welfarePostKindLabels[p.kind as WelfarePostKind],
      welfareFundingLabels[p.funding as WelfareFunding],
      fenToYuanText(p.monthlyWageFen),
      p.seats,
      p.filled,
      welfarePostStatusLabels[p.status as WelfarePostStatus],
      placed.map((x) => `${x.personName}（${x.from}至${x.until}）`).join('；'),
    ];
  });
  const content = csv(['用人单位', '岗位', '所在区域', '类别', '资金来源', '月工资（元）', '名额', '在岗', '状态', '在岗人员及期限'], rows);
  return { fileName: `公益性岗位台账_${prefix}_${todayInChina()}.csv`, content };
}
