// 零工: odd jobs within 3 km (or 1 or 5) of home — or of where the person stands — on a map and
// as a list, nearest first: what, when, pay, how many places are left; by kind and day. Anyone
// may look (no phone or name is shown before a match); 发布零工 and 我的零工 are one tap away.
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { addCalendarDays, distanceText, GIG_KINDS, gigKindLabels, nearbyGigs, todayInChina, type GigKind } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { useNearby } from '../../hooks/useNearby';
import { request } from '../../services/request';
import { PointsMap } from '../../points/components/PointsMap';
import '../../styles/page.scss';
import '../../points/components/points.scss';
import '../components/gigs.scss';

const RADII = [1, 3, 5] as const;
type Day = 'all' | 'today' | 'tomorrow';
interface Filters {
  radiusKm: number;
  kind: GigKind | 'all';
  day: Day;
}

export default function NearbyGigsPage() {
  // Opened from a 零工驿站's page: around the station.
  const { params } = useRouter();
  const station = params.lat && params.lng && Number.isFinite(Number(params.lat)) && Number.isFinite(Number(params.lng));
  const near = useNearby({
    filters: { radiusKm: 3, kind: 'all', day: 'all' } as Filters,
    startAt: station ? { lat: Number(params.lat), lng: Number(params.lng), label: decodeURIComponent(params.label ?? '驿站').slice(0, 20) } : undefined,
    fetch: (at, f, cursor) => {
      const date = f.day === 'all' ? undefined : f.day === 'today' ? todayInChina() : addCalendarDays(todayInChina(), 1);
      return request(nearbyGigs, {
        query: { lat: at.lat, lng: at.lng, radiusKm: f.radiusKm, limit: 20, ...(f.kind !== 'all' ? { kind: f.kind } : {}), ...(date ? { date } : {}), ...(cursor ? { cursor } : {}) },
      });
    },
  });
  const { center, filters, items, cursor, error, loading } = near;
  const { radiusKm, kind, day } = filters;

  const open = (id: string) => Taro.navigateTo({ url: `/gigs/gig/index?id=${id}` });
  if (near.signInError) return <Page><Notice message={near.signInError} actionText="重新登录" onAction={near.retrySignIn} /></Page>;
  return (
    <Page>
      <Text className="page__title">零工</Text>
      <Text className="page__lead">{center ? `离${center.label} ${radiusKm} 公里内还缺人的零活，近的在前。点进去看详情、接活。` : '家附近按次、按小时、按天的零活：修水管、保洁、搬家、帮工……'}</Text>
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/gigs/post/index' })}>
          发布零工
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/gigs/mine/index' })}>
          我的零工
        </Button>
      </View>
      {center === null ? <Notice kind="info" message="您还没有做求职登记。可以按您现在的位置找，或先登记，按家的位置找。" /> : null}
      <View className="chips section-title" role="radiogroup" aria-label="范围">
        {RADII.map((km) => (
          <Button key={km} className={`chip ${km === radiusKm ? 'chip--on' : ''}`} aria-checked={km === radiusKm} onClick={() => near.change({ radiusKm: km })}>
            {km} 公里内
          </Button>
        ))}
      </View>
      <Button className="btn btn--secondary" onClick={near.here}>
        用我现在的位置找
      </Button>
      <View className="card section-title">
        <FormField label="哪天">
          <ChoiceToggles options={[{ value: 'all' as Day, label: '不限' }, { value: 'today' as Day, label: '今天' }, { value: 'tomorrow' as Day, label: '明天' }]} chosen={day} onChange={(d) => near.change({ day: d })} />
        </FormField>
        <FormField label="什么活">
          <ChoiceToggles options={[{ value: 'all' as const, label: '全部' }, ...GIG_KINDS.map((k) => ({ value: k, label: gigKindLabels[k] }))]} chosen={kind} onChange={(k) => near.change({ kind: k })} />
        </FormField>
      </View>
      {error ? <Notice message={error} actionText="重试" onAction={near.retry} /> : null}
      {loading && !items ? <Text className="page__loading">正在查找…</Text> : null}
      {center && items && items.length > 0 ? (
        <View>
          <PointsMap center={center} radiusM={radiusKm * 1000} points={items.map((i) => ({ id: i.gig.id, name: i.gig.title, lat: i.gig.place.lat, lng: i.gig.place.lng }))} onOpen={(id) => void open(id)} noun="个零活" />
          <View className="map-legend">
            <Text className="map-legend__point">零活（数字同下面的列表）</Text>
          </View>
        </View>
      ) : null}
      {items && items.length === 0 ? <Text className="page__lead">这个范围内暂时没有缺人的零活。可以换大一点的范围，或者自己发布一条。</Text> : null}
      {items?.map(({ gig, distanceM }, i) => (
        <View key={gig.id} className="card gig-card" onClick={() => void open(gig.id)}>
          <View className="point-card__head">
            <Text className="point-card__no">{i + 1}</Text>
            <Text className="point-card__name">{gig.title}</Text>
          </View>
          <Text className="gig-card__pay">{gig.payText}</Text>
          <Text className="point-card__meta">
            {distanceText(distanceM)} · {gig.kindName} · {gig.whenText}
          </Text>
          <Text className="point-card__meta">
            要 {gig.places} 人，还差 {gig.places - gig.taken} 人{gig.employerName ? ` · ${gig.employerName}` : ''}
          </Text>
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
