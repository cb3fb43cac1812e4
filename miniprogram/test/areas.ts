// A few real divisions for the area picker tests.
import type { Area } from '@doorstep/shared';

const a = (code: string, name: string, level: Area['level'], hasChildren = true): Area => ({ code, name, level, hasChildren });

export const AREAS: Record<string, Area[]> = {
  '': [a('11', '北京市', 'province'), a('35', '福建省', 'province')],
  '35': [a('3501', '福州市', 'city')],
  '3501': [a('350102', '鼓楼区', 'district'), a('350103', '台江区', 'district', false)],
  '350102': [a('350102001', '鼓东街道', 'street')],
  '350102001': [a('350102001001', '中山社区', 'community', false)],
  '350103': [],
};

export const fakeLoadAreas = jest.fn(async (parent?: string) => AREAS[parent ?? ''] ?? []);
