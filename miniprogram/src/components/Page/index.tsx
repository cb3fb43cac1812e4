// The frame of every page: in 关怀模式 its class scales the text and tap targets of everything
// inside it (styles/care.scss).
import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '../../hooks/useCareMode';

export function Page({ children }: PropsWithChildren) {
  const care = useCareMode();
  return <View className={care ? 'page page--care' : 'page'}>{children}</View>;
}
