// 附近的培训: courses still open for sign-up near home (or where the person is now), nearest
// first, by occupation if asked, more on request. With `?personId=&name=&lat=&lng=` community staff
// look around a resident's home to sign them up (代报培训).
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { nearbyCourses } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useNearby } from '../../hooks/useNearby';
import { request } from '../../services/request';
import { CourseCard } from '../components/CourseCard';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

export default function NearbyCoursesPage() {
  const { params } = useRouter();
  const assisted = params.personId ? `&personId=${params.personId}&name=${params.name ?? ''}` : '';
  const near = useNearby({
    filters: { occupation: '' },
    // Staff signing a resident up look around the resident's home.
    startAt: params.lat && params.lng ? { lat: Number(params.lat), lng: Number(params.lng), label: `${decodeURIComponent(params.name ?? '')}家` } : undefined,
    fetch: (at, f, cursor) =>
      request(nearbyCourses, {
        query: { lat: at.lat, lng: at.lng, radiusKm: 10, limit: 20, ...(f.occupation.trim() ? { occupation: f.occupation.trim() } : {}), ...(cursor ? { cursor } : {}) },
      }),
  });
  const { center, filters, items, cursor, error, loading } = near;

  if (near.signInError) return <Page><Notice message={near.signInError} actionText="重新登录" onAction={near.retrySignIn} /></Page>;
  return (
    <Page>
      <Text className="page__title">{params.personId ? `为${decodeURIComponent(params.name ?? '')}找培训` : '附近的培训'}</Text>
      {center ? <Text className="page__lead">离{center.label} 10 公里内还能报名的培训班，近的在前。</Text> : null}
      {center === null ? <Notice kind="info" message="您还没有做求职登记。可以按您现在的位置找，或先登记，按家的位置找。" /> : null}
      {params.personId ? null : (
        <View className="stack">
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/training/enrolments/index' })}>
            我的培训
          </Button>
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/training/needs/index' })}>
            想学什么？填培训需求
          </Button>
        </View>
      )}
      <View className="card">
        <FormField label="工种" hint="可不填，例如：育婴员、电工、面点">
          <Input className="text-input" value={filters.occupation} maxlength={20} placeholder="不限" confirmType="search" onInput={(e) => near.setFilters({ occupation: e.detail.value })} onConfirm={() => near.change({})} />
        </FormField>
        <View className="stack">
          <Button className="btn btn--primary" disabled={!center || loading} onClick={() => near.change({})}>
            找培训班
          </Button>
          <Button className="btn btn--secondary" onClick={near.here}>
            用我现在的位置找
          </Button>
        </View>
      </View>
      {error ? <Notice message={error} actionText="重试" onAction={near.retry} /> : null}
      {loading && !items ? <Text className="page__loading">正在查找…</Text> : null}
      {items && items.length === 0 ? <Text className="page__lead">附近暂时没有可以报名的培训班。填一份培训需求，社区会据此组织开班。</Text> : null}
      {items?.map((i) => <CourseCard key={i.course.id} course={i.course} distanceM={i.distanceM} query={assisted} />)}
      {cursor ? (
        <Button className="btn btn--secondary" disabled={loading} onClick={near.more}>
          {loading ? '正在加载…' : '再看 20 个'}
        </Button>
      ) : null}
    </Page>
  );
}
