// The weapp build resolves './location' to this file (Taro's platform files): WeChat gives
// GCJ-02 directly, so the H5 coordinate converter stays out of the mini-program package.
import Taro from '@tarojs/taro';
import type { LocationService } from './location';

export type { Position, LocationService } from './location';

export const location: LocationService = {
  async current() {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { lat: latitude, lng: longitude };
  },
};
