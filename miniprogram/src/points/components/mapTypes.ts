export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export interface PointsMapProps {
  center: { lat: number; lng: number; label: string };
  radiusM: number;
  points: readonly MapPoint[];
  onOpen: (id: string) => void;
}
