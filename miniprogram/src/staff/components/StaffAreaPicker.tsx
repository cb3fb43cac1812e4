// Where a staff member works: the administrator's own area, or one level by level below it (a
// street, then a community) — each step optional, so the place can be set at any level.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { staffLevelLabels, staffLevelOf, type Area } from '@doorstep/shared';
import { ChoicePicker } from '../../components/ChoicePicker';
import { loadAreas } from '../../services/areas';

export function StaffAreaPicker({ root, rootName, value, onChange }: { root: string; rootName: string; value: string; onChange(code: string, fullName: string): void }) {
  // The codes chosen below the root, in order: the district, street and community prefixes of `value`.
  const chain = [6, 9, 12].filter((n) => n > root.length && n <= value.length).map((n) => value.slice(0, n));
  const parents = [root, ...chain].filter((c) => c.length < 12);
  const [lists, setLists] = useState<Record<string, Area[]>>({});
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all(parents.map((p) => loadAreas(p).then((items) => [p, items] as const)))
      .then((loaded) => !cancelled && setLists(Object.fromEntries(loaded)))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [parents.join(',')]);

  // The full name of a code: the root's, then the name of each level chosen below it.
  const nameOf = (code: string) => {
    const all = Object.values(lists).flat();
    const steps = [6, 9, 12].filter((n) => n > root.length && n <= code.length).map((n) => code.slice(0, n));
    return [rootName, ...steps.map((c) => all.find((a) => a.code === c)?.name ?? '')].filter(Boolean).join(' ');
  };

  if (failed) return <Text className="form-field__error">地区列表加载失败，请返回后重试</Text>;
  return (
    <View className="stack">
      <Text className="consent__text">{`设在：${rootName}${value === root ? '（本级）' : ''}`}</Text>
      {parents.map((parent, i) => {
        const options = lists[parent] ?? [];
        const chosen = chain[i] ?? '';
        const level = staffLevelOf(options[0]?.code ?? '');
        return (
          <ChoicePicker
            key={parent}
            options={options.map((a) => ({ value: a.code, label: a.name }))}
            value={chosen}
            placeholder={options.length ? `选${level ? staffLevelLabels[level] : '下级'}（不选则设在上一级）` : '正在加载…'}
            disabled={!options.length}
            onChange={(code) => onChange(code, nameOf(code))}
            onClear={chosen ? () => onChange(parent, nameOf(parent)) : undefined}
          />
        );
      })}
    </View>
  );
}
