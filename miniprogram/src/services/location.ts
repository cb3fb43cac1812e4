// The device's position for the 3-km circle, in GCJ-02 (what WeChat maps and our data use).
// This is the H5 implementation: a browser only gives WGS-84, which gcoord converts. The weapp
// build uses location.weapp.ts instead.
import Taro from '@tarojs/taro';
import gcoord from 'gcoord';

export interface Position {
  lat: number;
  lng: number;
}

export interface LocationService {
  current(): Promise<Position>;
}

export const location: LocationService = {
  async current() {
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' });
    const [lng, lat] = gcoord.transform([longitude, latitude], gcoord.WGS84, gcoord.GCJ02);
    return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
  },
};
