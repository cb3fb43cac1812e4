// 一次性告知 before starting: who can use this service and every document it needs, from the one
// catalogue (shared/src/domain/serviceCatalogue.ts), folded until the person opens it.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { catalogueService, todayInChina, type ServiceKey } from '@doorstep/shared';
import './index.scss';

export function ServiceChecklist({ service }: { service: ServiceKey }) {
  const [open, setOpen] = useState(false);
  const s = catalogueService(service, todayInChina());
  return (
    <View className="checklist-box">
      <Button className="btn btn--secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '收起' : `办「${s.name}」要准备什么？`}
      </Button>
      {open ? (
        <View className="checklist-box__body">
          <Text className="checklist-box__head">谁可以办</Text>
          {s.conditions.map((c) => (
            <Text key={c} className="checklist-box__item">
              · {c}
            </Text>
          ))}
          <Text className="checklist-box__head">要准备的（到窗口办时带上）</Text>
          {s.documents.length === 0 ? <Text className="checklist-box__item">不用准备材料</Text> : null}
          {s.documents.map((d) => (
            <Text key={d.code} className="checklist-box__item">
              □ {d.label}
              {d.when ? `（${d.when}）` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
