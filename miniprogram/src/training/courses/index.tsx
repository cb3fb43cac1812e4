// 附近的培训: courses still open for sign-up near home (or where the person is now), nearest
// first, by occupation if asked, more on request. With `?personId=&name=&lat=&lng=` community staff
// look around a resident's home to sign them up (代报培训).
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { nearbyCourses, type Course } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { hereCenter, homeCenter, type Center } from '../../services/center';
import { request } from '../../services/request';
import { CourseCard } from '../components/CourseCard';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

export default function NearbyCoursesPage() {
  const { params } = useRouter();
  const assisted = params.personId ? `&personId=${params.personId}&name=${params.name ?? ''}` : '';
  const { session, error: signInError, retry } = useSignedIn();
  const [center, setCenter] = useState<Center | null>();
  const [occupation, setOccupation] = useState('');
  const [items, setItems] = useState<{ course: Course; distanceM: number }[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  async function search(at: Center, more = false) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await request(nearbyCourses, {
        query: { lat: at.lat, lng: at.lng, radiusKm: 10, limit: 20, ...(occupation.trim() ? { occupation: occupation.trim() } : {}), ...(more && cursor ? { cursor } : {}) },
      });
      setItems((old) => (more && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  async function start() {
    if (center) return search(center);
    if (params.lat && params.lng) {
      const home = { lat: Number(params.lat), lng: Number(params.lng), label: `${decodeURIComponent(params.name ?? '')}家` };
      setCenter(home);
      return search(home);
    }
    try {
      const home = await homeCenter();
      setCenter(home);
      if (home) await search(home);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  useLoadOnShow(start, !!session, [session?.token]);

  async function here() {
    try {
      const at = await hereCenter();
      setCenter(at);
      await search(at);
    } catch {
      setError('没能取得您的位置。请在手机设置里允许定位，或先做求职登记，按家的位置找。');
    }
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
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
          <Input className="text-input" value={occupation} maxlength={20} placeholder="不限" confirmType="search" onInput={(e) => setOccupation(e.detail.value)} onConfirm={() => center && search(center)} />
        </FormField>
        <View className="stack">
          <Button className="btn btn--primary" disabled={!center || loading} onClick={() => center && search(center)}>
            找培训班
          </Button>
          <Button className="btn btn--secondary" onClick={here}>
            用我现在的位置找
          </Button>
        </View>
      </View>
      {error ? <Notice message={error} actionText="重试" onAction={() => (center ? search(center) : start())} /> : null}
      {loading && !items ? <Text className="page__loading">正在查找…</Text> : null}
      {items && items.length === 0 ? <Text className="page__lead">附近暂时没有可以报名的培训班。填一份培训需求，社区会据此组织开班。</Text> : null}
      {items?.map((i) => <CourseCard key={i.course.id} course={i.course} distanceM={i.distanceM} query={assisted} />)}
      {cursor ? (
        <Button className="btn btn--secondary" disabled={loading} onClick={() => center && search(center, true)}>
          {loading ? '正在加载…' : '再看 20 个'}
        </Button>
      ) : null}
    </Page>
  );
}
