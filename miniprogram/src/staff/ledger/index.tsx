// 实名制台账: every person of the area the system knows — by category (求职登记, 登记失业, 就业困难,
// 零就业家庭, 毕业生, 零工, 服务过, 已就业, 街道导入) and work status, 20 a page. Opening one shows their
// 服务手册: who they are (ID number and phone masked) and everything done with them, newest first
// (the look is in their 访问记录). Administrators export the list; street staff import their own.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  chinaTimeText,
  exportLedger,
  getLedgerPerson,
  LEDGER_ALL,
  LEDGER_CATEGORIES,
  LEDGER_CATEGORY_KEYS,
  LEDGER_STATUSES,
  listLedger,
  type LedgerPersonRow,
  type LedgerStatus,
} from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { FilterTabs } from '../components/FilterTabs';
import '../../styles/page.scss';
import '../reviews/index.scss';
import './index.scss';

const CATEGORIES: { value: string; label: string }[] = [{ value: LEDGER_ALL, label: '全部人员' }, ...LEDGER_CATEGORY_KEYS.map((value) => ({ value, label: LEDGER_CATEGORIES[value] }))];
const STATUSES: { value: '' | LedgerStatus; label: string }[] = [{ value: '', label: '全部' }, ...(Object.keys(LEDGER_STATUSES) as LedgerStatus[]).map((value) => ({ value, label: LEDGER_STATUSES[value] }))];
type PersonView = Awaited<ReturnType<typeof request<typeof getLedgerPerson>>>;

/** A date alone reads as a date; a moment as a date and time in China. */
const when = (at: string) => (at.length <= 10 ? at : chinaTimeText(at));

export default function LedgerPage() {
  const [category, setCategory] = useState<string>(LEDGER_ALL);
  const [status, setStatus] = useState<'' | LedgerStatus>('');
  const fetchPage = (cursor?: string) => request(listLedger, { query: { category, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } });
  const { session, data, setData, gate } = usePageData(() => fetchPage(), [category, status]);
  const [open, setOpen] = useState<PersonView>();
  const submission = useFormSubmit();
  if (session && !session.user.roles.includes('staff')) return <Page><Notice message="这里是工作人员的实名制台账，您的账号没有工作人员权限。" /></Page>;
  if (gate || !data) return gate;
  const user = session!.user;

  async function show(p: LedgerPersonRow) {
    submission.reset();
    await submission.send(async () => setOpen(await request(getLedgerPerson, { params: { key: p.key } })));
  }

  if (open) {
    const p = open.person;
    return (
      <Page>
        <Text className="page__title">{p.name}</Text>
        <Text className="page__lead">{`${p.gender === 'male' ? '男' : '女'} · ${p.age} 岁 · ${p.statusName}`}</Text>
        <View className="card">
          <DetailRow label="身份证号" value={p.idNumberMasked} />
          {p.phoneMasked ? <DetailRow label="联系电话" value={p.phoneMasked} /> : null}
          <DetailRow label="所在社区" value={p.areaName} />
          {p.address ? <DetailRow label="居住地址" value={p.address} /> : null}
          <DetailRow label="人员类别" value={p.categoryNames.join('、') || '—'} />
          <DetailRow label="来源" value={p.importedFrom ? `街道台账导入（${p.importedFrom.fileName} 第 ${p.importedFrom.row} 行），本人尚未登记` : '本人在小程序登记'} />
        </View>
        <Text className="section-title">服务记录</Text>
        <View className="card">
          {open.timeline.length === 0 ? <Text className="page__lead">还没有服务记录。</Text> : null}
          {open.timeline.map((e, i) => (
            <View key={`${e.at}-${i}`} className="line-item">
              <Text className="line-item__title">{e.title}</Text>
              <Text className="line-item__meta">{`${when(e.at)}${e.detail ? ` · ${e.detail}` : ''}`}</Text>
            </View>
          ))}
        </View>
        <View className="page__actions">
          <Button className="btn btn--secondary" onClick={() => setOpen(undefined)}>
            返回台账
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">实名制台账</Text>
      <FormField label="人员类别">
        <ChoicePicker<string> options={CATEGORIES} value={category} placeholder="全部人员" onChange={(v) => setCategory(v)} />
      </FormField>
      <FilterTabs options={STATUSES} chosen={status} onChange={setStatus} />
      <View className="page__actions ledger-actions">
        {user.roles.includes('admin') ? <ExportCsvButton fetchFile={() => request(exportLedger, { query: { category } })} /> : null}
        {user.level && user.level !== 'community' ? (
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/staff/ledger-import/index' })}>
            导入街道台账
          </Button>
        ) : null}
      </View>
      {submission.submitError ? <Notice message={submission.submitError} /> : null}
      {data.items.length === 0 ? <Text className="page__lead">辖区内还没有这一类人员。</Text> : null}
      {data.items.map((p) => (
        <View key={p.key} className="card queue-item" onClick={() => void show(p)}>
          <Text className="queue-item__name">{`${p.name}（${p.gender === 'male' ? '男' : '女'}，${p.age} 岁）`}</Text>
          <Text className="queue-item__meta">{`${p.idNumberMasked} · ${p.areaName.split(' ').at(-1)}`}</Text>
          <Text className="queue-item__meta">{`${p.statusName} · ${p.categoryNames.join('、') || '—'}`}</Text>
          <Text className="queue-item__go">服务记录 ›</Text>
        </View>
      ))}
      <LoadMore page={data} onPage={setData} fetchPage={(cursor) => fetchPage(cursor)} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
