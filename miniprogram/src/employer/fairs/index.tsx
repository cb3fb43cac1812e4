// 参加招聘会 (an approved unit's members): the fairs coming up where the unit is, each with
// 申请展位: choose which of the unit's published posts to bring, then apply (confirmed); the
// street or district answers with a booth number or a reason.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { applyForBooth, employerVacancies, listFairs, listMyEmployers } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { Toggles } from '../../components/Toggles';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function EmployerFairsPage() {
  const { data, reload, gate } = usePageData(async () => {
    const unit = (await request(listMyEmployers)).items.find((m) => m.employer.status === 'approved')?.employer;
    if (!unit) return { unit: undefined, fairs: [], posts: [] };
    const [fairs, posts] = await Promise.all([
      request(listFairs, { query: { areaCode: unit.address.areaCode } }),
      request(employerVacancies, { params: { id: unit.id }, query: {} }),
    ]);
    return { unit, fairs: fairs.items, posts: posts.items.filter((v) => v.status === 'published' && !v.expired) };
  });
  const { busy, error, act } = useAction(reload);
  const [open, setOpen] = useState<string>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [applied, setApplied] = useState<string[]>([]);
  if (gate || !data) return gate;
  if (!data.unit) return <Page><Notice kind="info" message="单位审核通过后，才能申请招聘会的展位。" /></Page>;
  const unit = data.unit;

  async function apply(fairId: string, title: string) {
    const { confirm } = await Taro.showModal({ title: '申请展位？', content: `以「${unit.name}」申请「${title}」的展位，带 ${chosen.length} 个岗位。`, confirmText: '申请', cancelText: '再看看' });
    if (!confirm) return;
    await act(async () => {
      await request(applyForBooth, { params: { id: fairId }, body: { employerId: unit.id, vacancyIds: chosen } });
      setApplied((a) => [...a, fairId]);
      setOpen(undefined);
      setChosen([]);
    });
  }

  return (
    <Page>
      <Text className="page__title">参加招聘会</Text>
      <Text className="page__lead">{unit.name}附近近期的招聘会。申请时选好带哪些岗位，审核通过后会分配展位号。</Text>
      {error ? <Notice message={error} /> : null}
      {data.fairs.length === 0 ? <Text className="page__lead">近期附近没有招聘会。</Text> : null}
      {data.fairs.map((f) => (
        <View key={f.id} className="card slot-card">
          <Text className="slot-card__time">{f.title}</Text>
          <Text className="slot-card__meta">
            {f.kindName} · {f.startDate} {f.hours.from}–{f.hours.to} · 展位 {f.accepted}/{f.booths}
          </Text>
          {applied.includes(f.id) ? (
            <Text className="status-pill">已申请，等待审核</Text>
          ) : open === f.id ? (
            <View>
              <Text className="card__subtitle">带哪些岗位</Text>
              {data.posts.length === 0 ? <Text className="page__lead">本单位还没有正在招聘的岗位，请先发布岗位。</Text> : null}
              <Toggles options={data.posts.map((v) => ({ value: v.id, label: v.title }))} chosen={chosen} onChange={setChosen} />
              <Button className="btn btn--primary" disabled={busy || chosen.length === 0} onClick={() => void apply(f.id, f.title)}>
                提交申请
              </Button>
            </View>
          ) : (
            <Button className="btn btn--secondary" onClick={() => { setOpen(f.id); setChosen([]); }}>
              申请展位
            </Button>
          )}
        </View>
      ))}
    </Page>
  );
}
