// 零工驿站 (station staff of a community or street, and those above): reports and completion
// disputes waiting (due in 5 working days, on 待办任务 too) — each decided 成立 / 不成立 with what was
// found; the area's odd jobs, newest first, with the poster's name and phone to call — 没问题 (a
// unit's post goes live) or 下架 with the reason, or a place taken for someone matched by phone
// (by their ID number); 帮人发布 for someone who walked in. With 零工驿站 set up as service points in
// the area, the list can be one station's: the people who took jobs around it (to call) and the
// jobs within 3 km of it, nearest first.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { assistGigTake, checkGig, decideGigReport, distanceText, gigStatusLabels, listStaffServicePoints, staffGigReports, staffGigs, stationWorkers } from '@doorstep/shared';
import { ChoiceToggles } from '../../components/Toggles';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function StationPage() {
  // Which jobs: the whole jurisdiction's, or those within 3 km of one of its 零工驿站.
  const [stationId, setStationId] = useState('');
  const { data, reload, gate } = usePageData(async () => {
    const [gigs, reports, points, workers] = await Promise.all([
      request(staffGigs, { query: stationId ? { pointId: stationId } : {} }),
      request(staffGigReports),
      request(listStaffServicePoints, { query: {} }),
      stationId ? request(stationWorkers, { params: { id: stationId } }) : Promise.resolve({ items: [] }),
    ]);
    return { gigs: gigs.items, reports: reports.items, stations: points.items.filter((p) => p.kind === 'gig_station'), workers: workers.items };
  }, [stationId]);
  const { busy, error, act } = useAction(reload);
  const [note, setNote] = useState('');
  const [open, setOpen] = useState<string>();
  // Matching someone by phone: the job whose ID-number field is open, and what was typed.
  const [matching, setMatching] = useState<string>();
  const [idNumber, setIdNumber] = useState('');
  const [matched, setMatched] = useState<string>();
  if (gate || !data) return gate;

  async function decide(id: string, upheld: boolean) {
    await act(async () => {
      await request(decideGigReport, { params: { id }, body: { upheld, note: note.trim() } });
      setOpen(undefined);
      setNote('');
    });
  }

  async function takeDown(id: string) {
    await act(async () => {
      await request(checkGig, { params: { id }, body: { decision: 'take_down', reason: note.trim() } });
      setOpen(undefined);
      setNote('');
    });
  }

  async function match(id: string, title: string) {
    const { confirm } = await Taro.showModal({ title: '替他接下这个活？', content: `请确认已电话联系本人，他同意去做「${title}」。`, confirmText: '接下', cancelText: '再看看' });
    if (!confirm) return;
    await act(async () => {
      await request(assistGigTake, { params: { id }, body: { idNumber: idNumber.trim() } });
      setMatched(id);
      setMatching(undefined);
      setIdNumber('');
    });
  }

  const waiting = data.reports.filter((r) => r.status === 'open');
  return (
    <Page>
      <Text className="page__title">零工驿站</Text>
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/staff/gig-post/index' })}>
        帮上门的人发布零工
      </Button>
      {error ? <Notice message={error} /> : null}
      <Text className="card__title section-title">举报和纠纷（待处理 {waiting.length}）</Text>
      {data.reports.length === 0 ? <Text className="page__lead">辖区没有零工的举报和纠纷。</Text> : null}
      {data.reports.map((r) => (
        <View key={r.id} className="card slot-card">
          <Text className="slot-card__time">{r.gigTitle}</Text>
          <Text className="status-pill">{r.status === 'open' ? `待处理 · ${r.due} 前` : r.status === 'upheld' ? '成立' : '不成立'}</Text>
          <Text className="slot-card__meta">
            {r.kind === 'dispute' ? '完工异议' : '举报'}：{r.against === 'worker' ? '接活的人' : '发布人'} {r.againstName}
          </Text>
          <Text className="slot-card__meta">{r.reason}</Text>
          {r.note ? <Text className="slot-card__meta">处理：{r.note}</Text> : null}
          {r.status === 'open' && open !== r.id ? (
            <Button className="btn btn--secondary" onClick={() => { setOpen(r.id); setNote(''); }}>
              处理
            </Button>
          ) : null}
          {open === r.id ? (
            <View>
              <FormField label="核实经过" required hint="双方都能看到处理结果">
                <Input className="text-input" value={note} maxlength={300} onInput={(e) => setNote(e.detail.value)} />
              </FormField>
              <View className="page__actions">
                <Button className="btn btn--primary" disabled={busy || note.trim().length < 4} onClick={() => void decide(r.id, true)}>
                  成立
                </Button>
                <Button className="btn btn--secondary" disabled={busy || note.trim().length < 4} onClick={() => void decide(r.id, false)}>
                  不成立
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ))}
      {stationId ? (
        <View>
          <Text className="card__title section-title">驿站周围接过活的人</Text>
          {data.workers.length === 0 ? <Text className="page__lead">驿站周围最近还没有人接过零工。</Text> : null}
          {data.workers.map((w) => (
            <View key={w.userId} className="card slot-card">
              <Text className="slot-card__time">
                {w.name} {w.phone}
              </Text>
              <Text className="slot-card__meta">
                接过 {w.taken} 次，完工 {w.done} 次{w.rating !== undefined ? `，发布人评分 ${w.rating}` : ''}
              </Text>
              <Button className="btn btn--secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: w.phone })}>
                打电话
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      <Text className="card__title section-title">{stationId ? '驿站周围3公里的零工' : '辖区的零工'}</Text>
      {data.stations.length ? (
        <ChoiceToggles options={[{ value: '', label: '辖区全部' }, ...data.stations.map((s) => ({ value: s.id, label: s.name }))]} chosen={stationId} onChange={setStationId} />
      ) : null}
      {data.gigs.length === 0 ? <Text className="page__lead">辖区还没有人发布零工。</Text> : null}
      {data.gigs.map((g) => (
        <View key={g.id} className="card slot-card">
          <Text className="slot-card__time">{g.title}</Text>
          <Text className="status-pill">
            {gigStatusLabels[g.status]}
            {g.checked ? ' · 已核查' : ''}
          </Text>
          <Text className="slot-card__meta">
            {g.whenText} · {g.payText} · {g.taken}/{g.places} 人 · {g.place.address}
            {g.distanceM !== undefined ? ` · 离驿站${distanceText(g.distanceM)}` : ''}
          </Text>
          <Text className="slot-card__meta">
            {g.employerName ?? g.contactName} {g.contactPhone}
          </Text>
          {(g.status === 'open' || g.status === 'pending') && !g.checked ? (
            <View className="page__actions">
              <Button className="btn btn--primary" disabled={busy} onClick={() => void act(() => request(checkGig, { params: { id: g.id }, body: { decision: 'ok' } }))}>
                {g.status === 'pending' ? '没问题，上线' : '没问题'}
              </Button>
              <Button className="btn btn--secondary" onClick={() => { setOpen(g.id); setNote(''); }}>
                下架
              </Button>
            </View>
          ) : null}
          {matched === g.id ? <Notice kind="info" message="已替他接下，双方都能看到对方的电话。" /> : null}
          {g.status === 'open' && g.taken < g.places && matching !== g.id ? (
            <Button className="btn btn--secondary" onClick={() => { setMatching(g.id); setIdNumber(''); }}>
              电话联系好了，替他接单
            </Button>
          ) : null}
          {matching === g.id ? (
            <View>
              <FormField label="接活人的身份证号" required hint="须已做求职登记；查看会记入访问记录">
                <Input className="text-input" type="idcard" value={idNumber} maxlength={18} onInput={(e) => setIdNumber(e.detail.value)} />
              </FormField>
              <Button className="btn btn--primary" disabled={busy || idNumber.trim().length < 15} onClick={() => void match(g.id, g.title)}>
                替他接单
              </Button>
            </View>
          ) : null}
          {open === g.id ? (
            <View>
              <FormField label="下架原因" required hint="发布人能看到">
                <Input className="text-input" value={note} maxlength={200} placeholder="例如：实为长期用工，请发布岗位" onInput={(e) => setNote(e.detail.value)} />
              </FormField>
              <Button className="btn btn--primary" disabled={busy || note.trim().length < 4} onClick={() => void takeDown(g.id)}>
                确认下架
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </Page>
  );
}
