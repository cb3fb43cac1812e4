// 一次性告知单: at the desk, tick what the person brought (and, for 就业困难人员认定, which category
// they apply as); the slip lists exactly what this person still lacks and which conditions their
// record shows unmet, is kept, and reaches the person's 我的预约. Copy it to send or to print.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { createNotice, getServiceCatalogue, HARDSHIP_CATEGORIES, rulesOn, todayInChina, type HardshipCategory, type ServiceKey, type z, type noticeSchema } from '@doorstep/shared';
import { ChoiceToggles, Toggles } from '../../components/Toggles';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';

const categoryLabels = new Map(rulesOn(todayInChina()).hardshipCategories.map((c) => [c.code, c.label]));

export default function NoticePage() {
  const { params } = useRouter();
  const name = decodeURIComponent(params.name ?? '');
  const { data: catalogue, gate } = usePageData(() => request(getServiceCatalogue));
  const [service, setService] = useState<ServiceKey | undefined>(params.service as ServiceKey | undefined);
  const [have, setHave] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [slip, setSlip] = useState<z.infer<typeof noticeSchema>>();

  if (gate || !catalogue) return gate;
  const chosen = catalogue.services.find((s) => s.key === service);

  async function write() {
    if (!service) return setError('请先选要办的事');
    setBusy(true);
    setError(undefined);
    try {
      const { notice } = await request(createNotice, {
        body: {
          service,
          have,
          ...(service === 'hardship_recognition' && categories.length ? { hardshipCategories: categories as HardshipCategory[] } : {}),
          ...(params.personId ? { personId: params.personId } : {}),
          ...(params.pointId ? { pointId: params.pointId } : {}),
        },
      });
      setSlip(notice);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (slip) {
    const text = [`一次性告知单（${slip.serviceName}）${name ? `：${name}` : ''}`, ...slip.unmet.map((u) => `！${u}`), ...slip.missing.map((m) => `□ ${m.label}${m.when ? `（${m.when}）` : ''}`)].join('\n');
    return (
      <Page>
        <Text className="page__title">一次性告知单</Text>
        <View className="card notice-slip">
          <Text className="card__title">
            {name ? `${name}，` : ''}办「{slip.serviceName}」还需要：
          </Text>
          {slip.unmet.map((u) => (
            <Text key={u} className="page__lead">
              ！{u}
            </Text>
          ))}
          {slip.missing.map((m) => (
            <Text key={m.code} className="page__lead">
              □ {m.label}
              {m.when ? `（${m.when}）` : ''}
            </Text>
          ))}
          {slip.unmet.length === 0 && slip.missing.length === 0 ? <Text className="page__lead">材料已经齐了，可以直接办理。</Text> : null}
          <Text className="page__lead">清单版本 {slip.catalogueVersion}。{params.personId ? '已发到本人小程序的“我的预约”里。' : ''}</Text>
        </View>
        <View className="page__actions">
          <Button className="btn btn--primary" onClick={() => void Taro.setClipboardData({ data: text })}>
            复制内容（发给本人或打印）
          </Button>
          <Button className="btn btn--secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">{name ? `为${name}开一次性告知单` : '开一次性告知单'}</Text>
      <Text className="page__lead">勾选对方已经带来的材料，告知单只列还缺的，一次说清。</Text>
      {error ? <Notice message={error} /> : null}
      <View className="card">
        <Text className="card__title">要办的事</Text>
        <ChoiceToggles options={catalogue.services.map((s) => ({ value: s.key, label: s.name }))} chosen={service} onChange={(v) => { setService(v); setHave([]); }} />
      </View>
      {service === 'hardship_recognition' ? (
        <View className="card">
          <Text className="card__title">申请哪一类</Text>
          <Toggles options={HARDSHIP_CATEGORIES.map((c) => ({ value: c, label: categoryLabels.get(c) ?? c }))} chosen={categories} onChange={setCategories} />
        </View>
      ) : null}
      {chosen ? (
        <View className="card">
          <Text className="card__title">已经带来的材料</Text>
          {chosen.documents.length === 0 ? <Text className="page__lead">这项不用带材料。</Text> : null}
          <Toggles options={chosen.documents.map((d) => ({ value: d.code, label: d.when ? `${d.label}（${d.when}）` : d.label }))} chosen={have} onChange={setHave} />
        </View>
      ) : null}
      <View className="page__actions">
        <Button className="btn btn--primary" disabled={busy} onClick={() => void write()}>
          {busy ? '正在生成…' : '生成告知单'}
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
