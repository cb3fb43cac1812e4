// 零就业家庭台账: the area's households — applied for, recognised, still at zero (since when, and
// by when a member must be placed: 动态清零) or with someone in work. Opening one shows its
// members (ID numbers masked; the look is in 访问记录); staff record a member finding or losing
// work, which takes the household off zero or puts it back (a task for the street).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { MEMBER_ACTIVITIES, exportHouseholdLedger, getHousehold, listHouseholds, memberActivityLabels, recordMemberActivity, type Household, type MemberActivity } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { FilterTabs } from '../components/FilterTabs';
import '../../styles/page.scss';
import '../reviews/index.scss';

const FILTERS: { value: '' | 'true' | 'false'; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'true', label: '零就业中' },
  { value: 'false', label: '已有人就业' },
];
const ACTIVITIES = MEMBER_ACTIVITIES.map((value) => ({ value, label: memberActivityLabels[value] }));

function state(h: Household): string {
  if (h.status !== 'recognised') return h.statusName;
  return h.atZero ? `零就业，自 ${h.zeroSince} 起${h.clearBy ? `；${h.clearBy} 前须至少一人就业` : ''}` : `${h.leftZeroOn} 起已有人就业`;
}

export default function HouseholdLedgerPage() {
  const [atZero, setAtZero] = useState<'' | 'true' | 'false'>('');
  const fetchPage = (cursor?: string) => request(listHouseholds, { query: { ...(atZero ? { atZero } : {}), ...(cursor ? { cursor } : {}) } });
  const { session, data, setData, gate, reload } = usePageData(() => fetchPage(), [atZero]);
  const [open, setOpen] = useState<Household>();
  const [member, setMember] = useState<number>();
  const [activity, setActivity] = useState<MemberActivity>();
  const submission = useFormSubmit();
  if (session && !session.user.roles.includes('staff')) return <Page><Notice message="这里是工作人员的零就业家庭台账，您的账号没有工作人员权限。" /></Page>;
  if (gate || !data) return gate;

  async function show(h: Household) {
    submission.reset();
    setMember(undefined);
    await submission.send(async () => setOpen((await request(getHousehold, { params: { id: h.id } })).household));
  }

  if (open) {
    const m = member === undefined ? undefined : open.members[member];
    return (
      <Page>
        <Text className="page__title">{`${open.applicantName}家`}</Text>
        <Text className="page__lead">{`${open.areaName} · ${state(open)}`}</Text>
        <View className="card">
          {open.members.map((x, i) => (
            <View key={i} className="queue-item">
              <DetailRow label={`${x.relationName} ${x.name}`} value={`${x.idNumberMasked}；${x.activityName}${x.labour ? '' : '（不计入）'}`} />
              {open.status === 'recognised' && member === undefined ? (
                <Button className="btn btn--secondary" onClick={() => { setMember(i); setActivity(x.activity); submission.reset(); }}>
                  记录就业变化
                </Button>
              ) : null}
            </View>
          ))}
        </View>
        {m && member !== undefined ? (
          <View className="card">
            <FormField label={`${m.name}目前的情况`} required error={submission.errors.activity}>
              <ChoiceToggles options={ACTIVITIES} chosen={activity} onChange={setActivity} />
            </FormField>
            {submission.submitError ? <Notice message={submission.submitError} /> : null}
            <View className="page__actions">
              <Button
                className="btn btn--primary"
                disabled={submission.busy}
                onClick={() =>
                  void submission.send(async () => {
                    const { household } = await request(recordMemberActivity, { params: { id: open.id, index: member }, body: { activity: activity!, version: open.version } });
                    setOpen(household);
                    setMember(undefined);
                    await reload();
                  })
                }
              >
                {submission.busy ? '正在保存…' : '保存'}
              </Button>
              <Button className="btn btn--secondary" onClick={() => setMember(undefined)}>
                取消
              </Button>
            </View>
          </View>
        ) : null}
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
      <Text className="page__title">零就业家庭台账</Text>
      <FilterTabs options={FILTERS} chosen={atZero} onChange={setAtZero} />
      <ExportCsvButton fetchFile={() => request(exportHouseholdLedger)} />
      {submission.submitError ? <Notice message={submission.submitError} /> : null}
      {data.items.length === 0 ? <Text className="page__lead">{atZero === 'true' ? '辖区内没有零就业家庭。' : '辖区内还没有零就业家庭的申请。'}</Text> : null}
      {data.items.map((h) => (
        <View key={h.id} className="card queue-item" onClick={() => void show(h)}>
          <Text className="queue-item__name">{`${h.applicantName}家（${h.members.length}人）`}</Text>
          <Text className="queue-item__meta">{h.areaName}</Text>
          <Text className="queue-item__meta">{state(h)}</Text>
          <Text className="queue-item__go">查看成员 ›</Text>
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
