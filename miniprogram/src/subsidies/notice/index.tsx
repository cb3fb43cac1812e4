// One notice's list, for anyone: community, surname only, subsidy, months, amount — 50 lines a
// page, more on 加载更多. While it is open, 反映问题 on a line opens a short form under it: what is
// wrong and a way to reach you; that line's payment then waits until the district has looked.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, Input, View } from '@tarojs/components';
import type { SubsidyNotice } from '@doorstep/shared';
import { a11yRole } from '../../components/a11y';
import { FormField } from '../../components/FormField';
import { LoadFailure } from '../../components/LoadFailure';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { subsidyApi, yuan } from '../components/subsidies';
import { usePublicData } from '../components/usePublicData';
import '../../styles/page.scss';
import '../components/subsidies.scss';

type Line = Awaited<ReturnType<typeof subsidyApi.notice>>['lines'][number];

function ObjectionForm({ notice, line, onDone }: { notice: SubsidyNotice; line: Line; onDone(): void }) {
  const [what, setWhat] = useState('');
  const [contact, setContact] = useState('');
  const form = useFormSubmit();
  async function send() {
    const found: Record<string, string> = {};
    if (what.trim().length < 5) found.what = '请写明反映的问题，至少5个字';
    if (contact.trim().length < 2) found.contact = '请留下联系方式，方便核实';
    if (Object.keys(found).length) return form.refuse(found);
    await form.send(async () => {
      await subsidyApi.object(notice.id, { lineNo: line.lineNo, what: what.trim(), contact: contact.trim() });
      void Taro.showToast({ title: '已收到，区里会核实', icon: 'none' });
      onDone();
    });
  }
  return (
    <View className="card">
      <Text className="card__subtitle">
        对第 {line.lineNo} 行（{line.communityName} {line.maskedName}）反映问题
      </Text>
      <FormField label="反映什么问题" required error={form.errors.what}>
        <Textarea className="text-input text-input--multiline" autoHeight value={what} maxlength={500} placeholder="例如：此人已在单位上班，并非灵活就业" onInput={(e) => { setWhat(e.detail.value); form.clear(['what']); }} />
      </FormField>
      <FormField label="您的联系方式" required hint="只给核实的工作人员看，不会公开" error={form.errors.contact}>
        <Input className="text-input" value={contact} maxlength={50} placeholder="电话或称呼" onInput={(e) => { setContact(e.detail.value); form.clear(['contact']); }} />
      </FormField>
      {form.submitError ? <Notice message={form.submitError} /> : null}
      <Button className="btn btn--primary" disabled={form.busy} onClick={() => void send()}>
        {form.busy ? '正在提交…' : '提交反映'}
      </Button>
    </View>
  );
}

export default function NoticePage() {
  const { id = '' } = useRouter().params;
  const { data, setData, error, reload } = usePublicData(() => subsidyApi.notice(id), [id]);
  const [objecting, setObjecting] = useState<number>();
  const [more, setMore] = useState<{ busy?: boolean; error?: string }>({});
  if (error) return <Page><LoadFailure error={error} onRetry={reload} /></Page>;
  if (!data) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  const { notice, lines } = data;
  const open = notice.status === 'open';

  async function loadMore() {
    if (!data?.nextCursor) return;
    setMore({ busy: true });
    try {
      const next = await subsidyApi.notice(id, data.nextCursor);
      setData({ ...next, lines: [...data.lines, ...next.lines] });
      setMore({});
    } catch (err) {
      setMore({ error: (err as Error).message });
    }
  }

  return (
    <Page>
      <Text className="page__title">{notice.title}</Text>
      <Text className="page__lead">
        公示期：{notice.publishedOn} 至 {notice.endsOn}{open ? '' : '（已结束）'}。共 {notice.lineCount} 人，{yuan(notice.amountFen)}。监督电话：{notice.contactPhone}
      </Text>
      {lines.map((l) => (
        <View key={l.lineNo}>
          <View className="notice-line">
            <Text className="notice-line__no">第{l.lineNo}行</Text>
            <Text className="notice-line__who">
              {l.communityName} {l.maskedName} · {l.subsidyName} · {l.months}
            </Text>
            <Text className="notice-line__amount">{yuan(l.amountFen)}</Text>
            {l.held ? <Text className="notice-line__held">有人反映问题，核实中，暂缓发放</Text> : null}
            {open && objecting !== l.lineNo ? (
              <Text className="notice-line__object" {...a11yRole('button')} onClick={() => setObjecting(l.lineNo)}>
                对这一行反映问题
              </Text>
            ) : null}
          </View>
          {objecting === l.lineNo ? (
            <ObjectionForm
              notice={notice}
              line={l}
              onDone={() => {
                setObjecting(undefined);
                void reload();
              }}
            />
          ) : null}
        </View>
      ))}
      {lines.length === 0 ? <Text className="page__lead">名单为空。</Text> : null}
      {more.error ? <Notice message={more.error} actionText="重试" onAction={loadMore} /> : null}
      <View className="page__actions">
        {data.nextCursor ? (
          <Button className="btn btn--secondary" disabled={more.busy} onClick={() => void loadMore()}>
            {more.busy ? '正在加载…' : '加载更多'}
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/subsidies/notices/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
