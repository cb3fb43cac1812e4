// A small stand-in for @tarojs/taro in component tests: storage in memory, navigation recorded.
const storage = new Map<string, unknown>();

export const navigations: { method: string; url?: string }[] = [];

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  request: jest.fn(),
  login: jest.fn(async () => ({ code: 'code-test' })),
  getLocation: jest.fn(async () => ({ latitude: 26.0845, longitude: 119.2962 })),
  showToast: jest.fn(),
  pageScrollTo: jest.fn(),
  navigateTo: (o: { url: string }) => void navigations.push({ method: 'navigateTo', url: o.url }),
  redirectTo: (o: { url: string }) => void navigations.push({ method: 'redirectTo', url: o.url }),
  reLaunch: (o: { url: string }) => void navigations.push({ method: 'reLaunch', url: o.url }),
  navigateBack: () => void navigations.push({ method: 'navigateBack' }),
  getCurrentPages: () => [],
};

export const useDidShow = (fn: () => void) => fn();

export default Taro;
