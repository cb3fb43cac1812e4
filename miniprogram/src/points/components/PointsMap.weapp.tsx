// The 3-km circle on WeChat's own map (GCJ-02, as our coordinates are): the circle, the person
// and a numbered marker per point, as in the list below; tapping a marker opens the point.
import { Map } from '@tarojs/components';
import type { PointsMapProps } from './mapTypes';

export function PointsMap({ center, radiusM, points, onOpen, extras = [], onOpenExtra }: PointsMapProps) {
  const scale = radiusM <= 1000 ? 15 : radiusM <= 3000 ? 13 : 12;
  return (
    <Map
      className="points-map"
      latitude={center.lat}
      longitude={center.lng}
      scale={scale}
      showLocation
      circles={[{ latitude: center.lat, longitude: center.lng, radius: radiusM, color: '#1f6f5cff', fillColor: '#1f6f5c14', strokeWidth: 2 }]}
      markers={[
        ...points.map((p, i) => ({
        id: i,
        latitude: p.lat,
        longitude: p.lng,
        title: p.name,
        iconPath: '',
        width: 32,
        height: 40,
        label: { content: String(i + 1), color: '#ffffff', bgColor: '#1f6f5c', fontSize: 14, padding: 4, borderRadius: 12, anchorX: -8, anchorY: -52 },
        })),
        // Jobs (工), courses (学) and fairs (会) after the points: their marker ids follow the points'.
        ...extras.map((e, i) => ({
          id: points.length + i,
          latitude: e.lat,
          longitude: e.lng,
          title: e.name,
          iconPath: '',
          width: 24,
          height: 30,
          label: { content: { job: '工', course: '学', fair: '会' }[e.layer], color: '#ffffff', bgColor: { job: '#c25e00', course: '#1a5fb4', fair: '#7a3e9d' }[e.layer], fontSize: 12, padding: 3, borderRadius: 4, anchorX: -6, anchorY: -44 },
        })),
      ] as never}
      onError={() => undefined}
      onMarkerTap={(e) => {
        const id = Number((e.detail as { markerId?: number }).markerId);
        const p = points[id];
        if (p) onOpen(p.id);
        else if (extras[id - points.length]) onOpenExtra?.(extras[id - points.length]!);
      }}
    />
  );
}
