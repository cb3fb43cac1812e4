// Choose where one lives, one level at a time: province → city → district → street → community.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AREA_LEVELS, SERVICE_DISTRICTS, areaAncestry, type Area } from '@doorstep/shared';
import { ChoicePicker } from '../ChoicePicker';
import { loadAreas as defaultLoadAreas } from '../../services/areas';
import { a11yRole } from '../a11y';
import './index.scss';

const LEVEL_LABELS = ['省份', '城市', '区县', '街道（乡镇）', '社区（村）'];

export interface AreaPickerProps {
  /** The chosen community's 12-digit code, or '' */
  value: string;
  onChange(code: string, fullName: string): void;
  loadAreas?: (parent?: string) => Promise<Area[]>;
}

export function AreaPicker({ value, onChange, loadAreas = defaultLoadAreas }: AreaPickerProps) {
  // chain[i] is the code chosen at level i; lists[i] the options offered at level i.
  const [chain, setChain] = useState<string[]>(() => areaAncestry(value));
  const [lists, setLists] = useState<(Area[] | undefined)[]>([]);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0); // bumped by 重试

  useEffect(() => {
    let cancelled = false;
    const parents = [undefined, ...chain].slice(0, AREA_LEVELS.length);
    Promise.all(parents.map((p, i) => (i === 0 || p ? loadAreas(p) : Promise.resolve(undefined))))
      .then((loaded) => {
        if (!cancelled) {
          setLists(loaded);
          setFailed(false);
        }
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [chain.join(','), loadAreas, attempt]);

  function choose(level: number, code: string) {
    const next = [...chain.slice(0, level), code];
    setChain(next);
    if (level === AREA_LEVELS.length - 1) {
      const names = next.map((c, i) => lists[i]?.find((a) => a.code === c)?.name ?? '').filter((n) => n && n !== '市辖区');
      onChange(code, names.join(' '));
    } else if (value) {
      onChange('', '');
    }
  }

  if (failed) {
    return (
      <View className="area-picker">
        <Text className="area-picker__note" {...a11yRole('alert')}>
          地区列表加载失败。
        </Text>
        <Text
          className="area-picker__retry"
          onClick={() => {
            setFailed(false);
            setAttempt((a) => a + 1);
          }}
        >
          点这里重试
        </Text>
      </View>
    );
  }

  const rows = [];
  for (let level = 0; level < AREA_LEVELS.length; level += 1) {
    const options = lists[level];
    if (level > 0 && !chain[level - 1]) break;
    if (level > 0 && options && options.length === 0) {
      rows.push(
        <Text key="none" className="area-picker__note">
          这个区县暂未开通社区服务。目前开通的是：{SERVICE_DISTRICTS.map((d) => d.name).join('、')}。
        </Text>,
      );
      break;
    }
    rows.push(
      <View key={level} className="area-picker__level">
        <Text className="area-picker__label">{LEVEL_LABELS[level]}</Text>
        <ChoicePicker
          options={(options ?? []).map((a) => ({ value: a.code, label: a.name }))}
          value={chain[level] ?? ''}
          placeholder={options ? `请选择${LEVEL_LABELS[level]}` : '正在加载…'}
          disabled={!options}
          onChange={(code) => choose(level, code)}
        />
      </View>,
    );
  }
  return <View className="area-picker">{rows}</View>;
}
