// The 3-km circle on WeChat's own map (GCJ-02, as our coordinates are): the circle, the person
// and a numbered marker per point, as in the list below; tapping a marker opens the point.
import { Map } from '@tarojs/components';
import type { PointsMapProps } from './mapTypes';

export function PointsMap({ center, radiusM, points, onOpen }: PointsMapProps) {
  const scale = radiusM <= 1000 ? 15 : radiusM <= 3000 ? 13 : 12;
  return (
    <Map
      className="points-map"
      latitude={center.lat}
      longitude={center.lng}
      scale={scale}
      showLocation
      circles={[{ latitude: center.lat, longitude: center.lng, radius: radiusM, color: '#1f6f5cff', fillColor: '#1f6f5c14', strokeWidth: 2 }]}
      markers={points.map((p, i) => ({
        id: i,
        latitude: p.lat,
        longitude: p.lng,
        title: p.name,
        iconPath: '',
        width: 32,
        height: 40,
        label: { content: String(i + 1), color: '#ffffff', bgColor: '#1f6f5c', fontSize: 14, padding: 4, borderRadius: 12, anchorX: -8, anchorY: -52 },
      })) as never}
      onError={() => undefined}
      onMarkerTap={(e) => {
        const p = points[Number((e.detail as { markerId?: number }).markerId)];
        if (p) onOpen(p.id);
      }}
    />
  );
}
