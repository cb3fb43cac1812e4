// The frame of every page: in 关怀模式 its class scales the text and tap targets of everything
// inside it (styles/care.scss); while acting for a family member (亲情代办) it says for whom, on
// every page, with the way back to one's own account.
import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { a11yRole } from '../a11y';
import { useActingFor } from '../../hooks/useActingFor';
import { useCareMode } from '../../hooks/useCareMode';
import { leaveActing } from '../../services/acting';
import './index.scss';

export function Page({ children }: PropsWithChildren) {
  const care = useCareMode();
  const acting = useActingFor();
  return (
    <View className={care ? 'page page--care' : 'page'}>
      {acting ? (
        <View className="proxy-banner" id="proxy-banner" {...a11yRole('status')}>
          <Text className="proxy-banner__text">{`正在为「${acting.callName}」代办：办的事都记在对方的账号上，对方能看到`}</Text>
          <Text className="proxy-banner__exit" {...a11yRole('button')} onClick={() => void leaveActing()}>
            退出代办
          </Text>
        </View>
      ) : null}
      {children}
    </View>
  );
}
