// 服务网点: the service points within 3 km (or 1 or 5) of home — or of where the person stands —
// on a map with the circle and as a list, nearest first: distance, whether it is open now and
// until when, what it does, its phone. Anyone may look; a person who has registered starts at home.
// Jobs, training courses and (for a registered person: the home city's) job fairs within the same
// circle can be switched on as layers.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { distanceText, haversineM, listFairs, nearbyCourses, nearbyServicePoints, nearbyVacancies } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useNearby } from '../../hooks/useNearby';
import type { Center } from '../../services/center';
import { request } from '../../services/request';
import { PointsMap } from '../components/PointsMap';
import type { MapExtra } from '../components/mapTypes';
import { Toggles } from '../../components/Toggles';
import '../../styles/page.scss';
import '../components/points.scss';

const RADII = [1, 3, 5] as const;

interface Filters {
  radiusKm: number;
  /** Jobs, courses and fairs on the same map, when asked for. */
  layers: string[];
}

export default function NearbyPointsPage() {
  const [extras, setExtras] = useState<MapExtra[]>([]);
  // Fairs are found by home's city.
  const city = (home?: Center | null) => home?.areaCode?.slice(0, 4);
  const near = useNearby({
    filters: { radiusKm: 3, layers: [] } as Filters,
    fetch: (at, f, cursor) => request(nearbyServicePoints, { query: { lat: at.lat, lng: at.lng, radiusKm: f.radiusKm, limit: 20, ...(cursor ? { cursor } : {}) } }),
    // The jobs and courses are extra: the points show even if they cannot be had.
    beside: async (at, f) => {
      setExtras([]);
      const query = { lat: at.lat, lng: at.lng, radiusKm: f.radiusKm, limit: 20 };
      const fairCity = city(near.home);
      const [jobs, courses, fairs] = await Promise.all([
        f.layers.includes('job') ? request(nearbyVacancies, { query: { ...query, sort: 'distance' } }) : Promise.resolve({ items: [] }),
        f.layers.includes('course') ? request(nearbyCourses, { query }) : Promise.resolve({ items: [] }),
        f.layers.includes('fair') && fairCity ? request(listFairs, { query: { areaCode: fairCity } }) : Promise.resolve({ items: [] }),
      ]);
      setExtras([
        ...jobs.items.flatMap((j) => (j.at ? [{ id: j.vacancy.id, name: j.vacancy.title, ...j.at, layer: 'job' as const }] : [])),
        ...courses.items.map((c) => ({ id: c.course.id, name: c.course.title, lat: c.course.place.lat, lng: c.course.place.lng, layer: 'course' as const })),
        ...fairs.items.flatMap((fair) => (fair.venue && haversineM(fair.venue, at) <= f.radiusKm * 1000 ? [{ id: fair.id, name: fair.title, lat: fair.venue.lat, lng: fair.venue.lng, layer: 'fair' as const }] : [])),
      ]);
    },
  });
  const { center, filters, items, cursor, error, loading } = near;
  const { radiusKm, layers } = filters;

  const open = (id: string) => Taro.navigateTo({ url: `/points/point/index?id=${id}` });
  const openExtra = (e: MapExtra) => Taro.navigateTo({ url: { job: `/jobs/vacancy/index?id=${e.id}`, course: `/training/course/index?id=${e.id}`, fair: `/fairs/fair/index?id=${e.id}` }[e.layer] });

  if (near.signInError) return <Page><Notice message={near.signInError} actionText="重新登录" onAction={near.retrySignIn} /></Page>;
  return (
    <Page>
      <Text className="page__title">服务网点</Text>
      <Text className="page__lead">{center ? `离${center.label} ${radiusKm} 公里内的就业服务站，近的在前。点名字看要带的材料、预约办事。` : '家附近的就业服务站：能办什么、几点开门、要带什么材料。'}</Text>
      <View className="stack">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/points/visits/index' })}>
          我的预约
        </Button>
      </View>
      {center === null ? <Notice kind="info" message="您还没有做求职登记。可以按您现在的位置找，或先登记，按家的位置找。" /> : null}
      <View className="chips" role="radiogroup" aria-label="范围">
        {RADII.map((km) => (
          <Button key={km} className={`chip ${km === radiusKm ? 'chip--on' : ''}`} aria-checked={km === radiusKm} onClick={() => near.change({ radiusKm: km })}>
            {km} 公里内
          </Button>
        ))}
      </View>
      <Button className="btn btn--secondary" onClick={near.here}>
        用我现在的位置找
      </Button>
      {error ? <Notice message={error} actionText="重试" onAction={near.retry} /> : null}
      {loading && !items ? <Text className="page__loading">正在查找…</Text> : null}
      {center ? (
        <View className="card section-title">
          <Text className="card__title">地图上也显示</Text>
          <Toggles
            options={[{ value: 'job', label: '附近的工作' }, { value: 'course', label: '附近的培训班' }, ...(city(near.home) ? [{ value: 'fair', label: '附近的招聘会' }] : [])]}
            chosen={layers}
            onChange={(next) => near.change({ layers: next })}
          />
        </View>
      ) : null}
      {center && items ? (
        <View>
          <PointsMap center={center} radiusM={radiusKm * 1000} points={items.map((i) => i.point)} onOpen={(id) => void open(id)} extras={extras} onOpenExtra={(e) => void openExtra(e)} />
          <View className="map-legend">
            <Text className="map-legend__point">服务网点（数字同下面的列表）</Text>
            {layers.includes('job') ? <Text className="map-legend__job">工作 {extras.filter((e) => e.layer === 'job').length} 个</Text> : null}
            {layers.includes('course') ? <Text className="map-legend__course">培训班 {extras.filter((e) => e.layer === 'course').length} 个</Text> : null}
            {layers.includes('fair') ? <Text className="map-legend__fair">招聘会 {extras.filter((e) => e.layer === 'fair').length} 场</Text> : null}
          </View>
        </View>
      ) : null}
      {items && items.length === 0 ? <Text className="page__lead">这个范围内还没有服务网点。可以换大一点的范围，或打 12333 问一问。</Text> : null}
      {items?.map(({ point, distanceM }, i) => (
        <View key={point.id} className="card point-card" onClick={() => void open(point.id)}>
          <View className="point-card__head">
            <Text className="point-card__no">{i + 1}</Text>
            <Text className="point-card__name">{point.name}</Text>
          </View>
          <Text className="point-card__meta">
            {distanceText(distanceM)} · {point.kindName}
          </Text>
          <Text className={`point-card__open ${point.opening.open ? '' : 'point-card__open--closed'}`}>
            {point.opening.today}，{point.opening.status}
          </Text>
          <Text className="point-card__meta">能办：{point.services.map((s) => s.name).join('、')}</Text>
          <Text className="point-card__meta">地址：{point.address}</Text>
          <Text className="point-card__meta">电话：{point.phone}</Text>
        </View>
      ))}
      {cursor ? (
        <Button className="btn btn--secondary" disabled={loading} onClick={near.more}>
          {loading ? '正在加载…' : '再看 20 个'}
        </Button>
      ) : null}
    </Page>
  );
}
