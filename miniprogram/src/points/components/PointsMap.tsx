// The 3-km circle on a map, in H5: a plot drawn here (SVG) with no map tiles — nothing to fetch
// from a map provider, so it works wherever the page does — the circle, the person in the middle
// and each point numbered as in the list below it (tap a number to open the point). North is up;
// distances are to scale. The map is an overview for the eye (a number can be tapped too); the
// list below is the way in for everyone, screen readers and large text included. The weapp build draws WeChat's own map instead (PointsMap.weapp.tsx).
import { View } from '@tarojs/components';
import type { MapPoint, PointsMapProps } from './mapTypes';

const M_PER_DEG = 111_195;

export function PointsMap({ center, radiusM, points, onOpen, extras = [], onOpenExtra, noun = '个网点' }: PointsMapProps) {
  const cos = Math.cos((center.lat * Math.PI) / 180);
  const xy = (p: MapPoint) => ({ x: (p.lng - center.lng) * M_PER_DEG * cos, y: -(p.lat - center.lat) * M_PER_DEG });
  const edge = radiusM * 1.08;
  const dot = radiusM * 0.085;
  return (
    <View className="points-map" aria-label={`地图：以${center.label}为中心、半径${radiusM / 1000}公里，共${points.length}${noun}`}>
      <svg viewBox={`${-edge} ${-edge} ${2 * edge} ${2 * edge}`} className="points-map__svg" aria-hidden="true">
        <rect x={-edge} y={-edge} width={2 * edge} height={2 * edge} fill="#eef4f1" />
        <circle cx={0} cy={0} r={radiusM} fill="#ffffff" stroke="#1f6f5c" strokeWidth={radiusM * 0.012} strokeDasharray={`${radiusM * 0.04} ${radiusM * 0.025}`} />
        <circle cx={0} cy={0} r={radiusM / 3} fill="none" stroke="#b7c4bf" strokeWidth={radiusM * 0.006} />
        <text x={0} y={-radiusM - radiusM * 0.015} textAnchor="middle" fontSize={radiusM * 0.055} fill="#1f6f5c">
          {radiusM / 1000} 公里
        </text>
        <text x={edge * 0.9} y={-edge * 0.86} textAnchor="middle" fontSize={radiusM * 0.06} fill="#3e4d48">
          北↑
        </text>
        <circle cx={0} cy={0} r={dot * 0.75} fill="#1a5fb4" stroke="#fff" strokeWidth={dot * 0.2} />
        <text x={0} y={dot * 2} textAnchor="middle" fontSize={radiusM * 0.055} fill="#1a5fb4">
          {center.label === '家' ? '家' : '您'}
        </text>
        {extras.map((e) => {
          const { x, y } = xy(e);
          const r = dot * 0.55;
          // Jobs: orange squares; courses: blue diamonds; fairs: purple triangles — under the points' numbers.
          if (e.layer === 'fair') {
            return <polygon key={`${e.layer}-${e.id}`} className="points-map__extra" points={`${x},${y - r * 1.4} ${x + r * 1.3},${y + r} ${x - r * 1.3},${y + r}`} fill="#7a3e9d" stroke="#fff" strokeWidth={r * 0.2} onClick={() => onOpenExtra?.(e)} />;
          }
          return e.layer === 'job' ? (
            <rect key={`${e.layer}-${e.id}`} className="points-map__extra" x={x - r} y={y - r} width={2 * r} height={2 * r} fill="#c25e00" stroke="#fff" strokeWidth={r * 0.2} onClick={() => onOpenExtra?.(e)} />
          ) : (
            <polygon key={`${e.layer}-${e.id}`} className="points-map__extra" points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`} fill="#1a5fb4" stroke="#fff" strokeWidth={r * 0.2} onClick={() => onOpenExtra?.(e)} />
          );
        })}
        {points.map((p, i) => {
          const { x, y } = xy(p);
          return (
            <g key={p.id} className="points-map__point" onClick={() => onOpen(p.id)}>
              <circle cx={x} cy={y} r={dot} fill="#1f6f5c" stroke="#fff" strokeWidth={dot * 0.15} />
              <text x={x} y={y + dot * 0.38} textAnchor="middle" fontSize={dot * 1.1} fontWeight={700} fill="#fff">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </View>
  );
}
