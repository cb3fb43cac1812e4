// The 关怀模式 switch (home page and 我的): one large button that says what it does now. It works
// before signing in or agreeing to the privacy guide (the guide itself is read in large text);
// once signed in the choice is kept on the account too.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { a11yRole } from '../a11y';
import { useCareMode } from '../../hooks/useCareMode';
import { chooseCareMode } from '../../services/careMode';
import './index.scss';

export function CareModeSwitch({ signedIn, compact = false }: { signedIn: boolean; compact?: boolean }) {
  const care = useCareMode();
  const [problem, setProblem] = useState<string>();
  const flip = () => {
    setProblem(undefined);
    chooseCareMode(!care, signedIn).catch(() => setProblem('这台手机已经记住了；换手机后需要再设置一次'));
  };
  return (
    <View className="care-switch">
      <View {...a11yRole('checkbox')} aria-checked={care} className={`care-switch__button${care ? ' care-switch__button--on' : ''}`} onClick={flip}>
        <Text className="care-switch__title">{care ? '✓ 关怀模式已打开' : compact ? '字太小？打开关怀模式' : '打开关怀模式'}</Text>
        {compact ? null : <Text className="care-switch__text">{care ? '字更大、按钮更大。再点一下恢复普通模式' : '字更大、按钮更大、颜色更清楚，只留常用的事'}</Text>}
      </View>
      {problem ? <Text className="care-switch__problem">{problem}</Text> : null}
    </View>
  );
}
