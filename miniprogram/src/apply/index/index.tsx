// 我的申请: the person's recognised categories, and every application with its progress as a
// timeline; the ways to apply.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  applicationKindLabels,
  applicationStatusLabels,
  getMyCategories,
  listMyPersonApplications,
  type Application,
  type Category,
} from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Timeline } from '../../components/Timeline';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

const NEXT_STEP: Partial<Record<Application['status'], string>> = {
  pending_street: '街道审核（一般 5 个工作日内）',
  pending_district: '区级确认',
};

function summary(a: Application): string {
  if (a.kind === 'unemployment') return a.details.leftOn ? `原单位：${a.details.lastEmployer || '—'}，${a.details.leftOn} 离职` : '首次求职';
  if (a.kind === 'employment') return `${a.details.employerName} · ${a.details.post} · ${a.details.startedOn} 起`;
  return `类别：${a.details.categoryLabel}`;
}

export default function MyApplicationsPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [data, setData] = useState<{ categories: Category[]; items: Application[] }>();
  const [error, setError] = useState<string>();

  async function load() {
    setError(undefined);
    try {
      const [c, a] = await Promise.all([request(getMyCategories), request(listMyPersonApplications)]);
      setData({ categories: c.categories, items: a.items });
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(load, !!session, [session?.token]);

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (error) return <Page><Notice message={error} actionText="重试" onAction={load} /></Page>;
  if (!data) return <Page><Text className="page__loading">正在加载…</Text></Page>;

  const go = (page: string) => Taro.navigateTo({ url: `/apply/${page}/index` });
  return (
    <Page>
      <Text className="page__title">我的申请</Text>
      <View className="card">
        <Text className="card__title">我的人员类别</Text>
        {data.categories.length === 0 ? <Text className="applications__empty">暂无。办理失业登记等业务后会显示在这里。</Text> : null}
        {data.categories.map((c) => (
          <View key={c.code} className="applications__category">
            <Text className="applications__category-name">{c.detail ? `${c.label}（${c.detail}）` : c.label}</Text>
            <Text className="applications__category-since">
              {c.since} 起{c.until && c.source === 'derived' ? `，至 ${c.until}` : ''}
            </Text>
          </View>
        ))}
      </View>
      {data.categories.some((c) => c.code === 'hard_to_employ') ? (
        <View className="card">
          <Text className="card__title">我的就业援助</Text>
          <Text className="applications__summary">援助专员的电话、为您制定的援助方案、推荐的岗位和援助协议书</Text>
          <Button className="btn btn--primary applications__apply" onClick={() => go('assistance')}>
            查看我的就业援助
          </Button>
        </View>
      ) : null}
      {data.items.length === 0 ? <Text className="page__lead">您还没有办理过申请。</Text> : null}
      {data.items.map((a) => (
        <View key={a.id} className="card">
          <Text className="card__title">{applicationKindLabels[a.kind]}</Text>
          <Text className={`status-pill status-pill--${a.status}`}>{applicationStatusLabels[a.status]}</Text>
          <Text className="applications__summary">{summary(a)}</Text>
          {a.assisted ? <Text className="applications__summary">由社区工作人员代办</Text> : null}
          <Timeline entries={a.timeline} pendingText={NEXT_STEP[a.status] ? `下一步：${NEXT_STEP[a.status]}` : undefined} />
        </View>
      ))}
      <View className="card">
        <Text className="card__title">办理业务</Text>
        <Button className="btn btn--primary applications__apply" onClick={() => go('unemployment')}>
          失业登记
        </Button>
        <Button className="btn btn--secondary applications__apply" onClick={() => go('employment')}>
          就业登记（找到工作了）
        </Button>
        <Button className="btn btn--secondary applications__apply" onClick={() => go('hardship')}>
          就业困难人员认定
        </Button>
        <Button className="btn btn--secondary applications__apply" onClick={() => go('household')}>
          零就业家庭认定
        </Button>
      </View>
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
