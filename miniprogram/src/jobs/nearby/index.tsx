// 附近的工作: open vacancies around home (from the registration) or where the person is now,
// nearest first or best match first, a few filters, and more on request. With `?mode=recommend`
// it shows 为您推荐 instead: the best fits for the registration's intention.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  EMPLOYMENT_FORMS,
  SHIFTS,
  employmentFormLabels,
  shiftLabels,
  myRecommendations,
  nearbyVacancies,
  type NearbyItem,
} from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { useNearby } from '../../hooks/useNearby';
import { request } from '../../services/request';
import { VacancyCard } from '../components/VacancyCard';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

const RADII = [1, 3, 5, 10, 20].map((km) => ({ value: km, label: `范围：${km} 公里内` }));
// Each choice names its filter, so a chosen row still says what it filters.
const FORMS = EMPLOYMENT_FORMS.map((f) => ({ value: f, label: `用工形式：${employmentFormLabels[f]}` }));
const SHIFT_CHOICES = SHIFTS.map((s) => ({ value: s, label: `班次：${shiftLabels[s]}` }));
const SALARIES = [3000, 4000, 5000, 6000, 8000].map((yuan) => ({ value: yuan * 100, label: `月薪：${yuan} 元以上` }));

type Shift = (typeof SHIFTS)[number];
type Form = (typeof EMPLOYMENT_FORMS)[number];
interface Filters {
  radiusKm: number;
  sort: 'distance' | 'match';
  occupation: string;
  employmentForm?: Form;
  shift?: Shift;
  minSalaryFen?: number;
}

const activeFilters = (f: Filters) => [f.employmentForm, f.shift, f.minSalaryFen, f.occupation.trim()].filter(Boolean).length;

export default function NearbyPage() {
  const { params } = useRouter();
  return params.mode === 'recommend' ? <Recommendations /> : <NearbyJobs />;
}

/** 为您推荐: the best fits for the registration's intention. */
function Recommendations() {
  const { session, error: signInError, retry } = useSignedIn();
  const [items, setItems] = useState<NearbyItem[]>();
  const [registered, setRegistered] = useState(true);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  async function load() {
    setLoading(true);
    setError(undefined);
    try {
      const res = await request(myRecommendations);
      setRegistered(!!res.basis);
      setItems(res.items);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }
  useLoadOnShow(load, !!session, [session?.token]);

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  return (
    <Page>
      <Text className="page__title">为您推荐</Text>
      <Text className="page__lead">按您求职登记里的意向工种、月薪、离家距离和班次挑选。</Text>
      {error ? <Notice message={error} actionText="重试" onAction={load} /> : null}
      {!registered ? <Notice kind="info" message="做了求职登记，我们才知道您想找什么工作。" actionText="去求职登记" onAction={() => Taro.navigateTo({ url: '/registration/form/index' })} /> : null}
      {loading && !items ? <Text className="page__loading">正在挑选…</Text> : null}
      {items && items.length === 0 && registered ? <Text className="page__lead">附近暂时没有合适的岗位。可以看看“附近的工作”，或放宽求职意向。</Text> : null}
      {items?.map((item) => <VacancyCard key={item.vacancy.id} item={item} />)}
    </Page>
  );
}

function NearbyJobs() {
  const near = useNearby({
    filters: { radiusKm: 3, sort: 'distance', occupation: '' } as Filters,
    // Home's circle as wide as the person said they would travel (at most 20 km).
    fromHome: (home, f) => ({ ...f, radiusKm: Math.min(20, home.maxDistanceKm ?? f.radiusKm) }),
    fetch: (at, f, cursor) =>
      request(nearbyVacancies, {
        query: {
          lat: at.lat,
          lng: at.lng,
          radiusKm: f.radiusKm,
          sort: f.sort,
          limit: 20,
          ...(f.occupation.trim() ? { occupation: f.occupation.trim() } : {}),
          ...(f.employmentForm ? { employmentForm: f.employmentForm } : {}),
          ...(f.shift ? { shift: f.shift } : {}),
          ...(f.minSalaryFen ? { minSalaryFen: f.minSalaryFen } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
  });
  const { center, filters, items, cursor, error, loading, change } = near;
  // Not registered: no home to start from, and no intention to match against.
  const registered = near.home !== null;
  const [moreFilters, setMoreFilters] = useState(false);

  if (near.signInError) return <Page><Notice message={near.signInError} actionText="重新登录" onAction={near.retrySignIn} /></Page>;
  return (
    <Page>
      <Text className="page__title">附近的工作</Text>
      {center ? <Text className="page__lead">离{center.label}最近的招聘岗位</Text> : null}
      {center === null ? (
        <Notice kind="info" message="您还没有做求职登记。可以按您现在的位置找，或先登记，按家的位置找，还能看到每个岗位适不适合您。" />
      ) : null}
      <Button className="btn btn--secondary" onClick={near.here}>
        用我现在的位置找
      </Button>
      {!registered ? (
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/registration/form/index' })}>
          去求职登记
        </Button>
      ) : null}
      <View className="card nearby-filters">
        <ChoicePicker options={RADII} value={filters.radiusKm} placeholder="范围" onChange={(km) => change({ radiusKm: km })} />
        <View className="nearby-filters__sort">
          <Button className={`btn ${filters.sort === 'distance' ? 'btn--primary' : 'btn--secondary'}`} onClick={() => change({ sort: 'distance' })}>
            离我最近
          </Button>
          <Button className={`btn ${filters.sort === 'match' ? 'btn--primary' : 'btn--secondary'}`} disabled={!registered} onClick={() => change({ sort: 'match' })}>
            最适合我
          </Button>
        </View>
        {moreFilters ? (
          <View>
            <ChoicePicker options={FORMS} value={filters.employmentForm ?? ''} placeholder="用工形式：不限" onChange={(f) => change({ employmentForm: f })} onClear={() => change({ employmentForm: undefined })} />
            <ChoicePicker options={SHIFT_CHOICES} value={filters.shift ?? ''} placeholder="班次：不限" onChange={(v) => change({ shift: v })} onClear={() => change({ shift: undefined })} />
            <ChoicePicker options={SALARIES} value={filters.minSalaryFen ?? ''} placeholder="月薪：不限" onChange={(v) => change({ minSalaryFen: v })} onClear={() => change({ minSalaryFen: undefined })} />
            <FormField label="工种" hint="可不填，例如：保洁、收银">
              <Input className="text-input" value={filters.occupation} maxlength={20} placeholder="不限" confirmType="search" onInput={(e) => near.setFilters((f) => ({ ...f, occupation: e.detail.value }))} onConfirm={() => change({})} />
            </FormField>
            <Button className="btn btn--secondary" onClick={() => change({})}>
              按工种找
            </Button>
          </View>
        ) : (
          <Button className="btn btn--secondary" onClick={() => setMoreFilters(true)}>
            {activeFilters(filters) ? `更多筛选（已选 ${activeFilters(filters)} 项）` : '更多筛选：用工形式、班次、月薪、工种'}
          </Button>
        )}
      </View>
      {error ? <Notice message={error} actionText="重试" onAction={near.retry} /> : null}
      {loading && !items ? <Text className="page__loading">正在查找…</Text> : null}
      {items && items.length === 0 ? (
        <Text className="page__lead">{activeFilters(filters) ? '没有符合这些条件的岗位。可以少选几个条件，或把范围放大一些。' : '这个范围内暂时没有招聘岗位。可以把范围放大一些。'}</Text>
      ) : null}
      {items?.map((item) => <VacancyCard key={item.vacancy.id} item={item} />)}
      {cursor && center ? (
        <Button className="btn btn--secondary" disabled={loading} onClick={near.more}>
          {loading ? '正在加载…' : '加载更多'}
        </Button>
      ) : null}
    </Page>
  );
}
