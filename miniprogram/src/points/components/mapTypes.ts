export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

/** Something else near the person shown on the same map: a job, a training course, a job fair. */
export interface MapExtra extends MapPoint {
  layer: 'job' | 'course' | 'fair';
}

export interface PointsMapProps {
  center: { lat: number; lng: number; label: string };
  radiusM: number;
  points: readonly MapPoint[];
  onOpen: (id: string) => void;
  /** Jobs, courses and fairs as layers (their own shapes and colours); tapping one opens it. */
  extras?: readonly MapExtra[];
  onOpenExtra?: (extra: MapExtra) => void;
  /** What the numbered points are, for the map's spoken label (网点 unless said). */
  noun?: string;
}
