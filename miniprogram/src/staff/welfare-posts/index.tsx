// 公益性岗位: the area's posts — the confirmed ones are the reserve a specialist places people into
// (托底) — with seats and who holds them until when; registering a new post (R20's three
// conditions answered, what is missing beside each field) for the street's on-site check and the
// district's confirmation; the ledger as a file.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { createWelfarePost, exportWelfarePosts, listWelfarePosts } from '@doorstep/shared';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { WelfarePostCard, WelfarePostFields, welfarePostBody, welfarePostMissing } from '../../components/WelfarePostFields';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { ExportCsvButton } from '../components/ExportCsvButton';
import '../../styles/page.scss';
import '../reviews/index.scss';

export default function WelfarePostsPage() {
  const fetchPage = (cursor?: string) => request(listWelfarePosts, { query: cursor ? { cursor } : {} });
  const { session, data, setData, gate, reload } = usePageData(() => fetchPage());
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<Record<string, string>>({});
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (session && !session.user.roles.includes('staff')) return <Page><Notice message="这里是工作人员的公益性岗位管理，您的账号没有工作人员权限。" /></Page>;
  if (gate || !data) return gate;
  const set = (key: string) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    submission.clear([key]);
  };

  if (adding) {
    return (
      <Page>
        <Text className="page__title">登记公益性岗位</Text>
        <Text className="page__lead">以政府投资或扶持、社会筹资为主，主要安置就业困难人员，为公共利益服务的岗位。登记后由街道实地核查，区里确认。</Text>
        <WelfarePostFields form={form} set={set} errors={errors} withUnit />
        {submitError ? <Notice message={submitError} /> : null}
        <View className="page__actions">
          <Button
            className="btn btn--primary"
            disabled={busy}
            onClick={() => {
              const missing = welfarePostMissing(form, true);
              if (Object.keys(missing).length) return submission.refuse(missing);
              void submission.send(async () => {
                await request(createWelfarePost, { body: { unitName: form.unitName!.trim(), ...welfarePostBody(form, session!.user.areaCode ?? '') } });
                Taro.showToast({ title: '已登记', icon: 'success' });
                setAdding(false);
                setForm({});
                await reload();
              });
            }}
          >
            {busy ? '正在提交…' : '登记，交街道核查'}
          </Button>
          <Button className="btn btn--secondary" onClick={() => setAdding(false)}>
            返回
          </Button>
        </View>
      </Page>
    );
  }

  return (
    <Page>
      <Text className="page__title">公益性岗位</Text>
      <Text className="page__lead">已确认的岗位是托底安置就业困难人员的岗位储备。</Text>
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => { submission.reset(); setAdding(true); }}>
          登记公益性岗位
        </Button>
        <ExportCsvButton fetchFile={() => request(exportWelfarePosts)} />
      </View>
      {submitError ? <Notice message={submitError} /> : null}
      {data.items.length === 0 ? <Text className="page__lead">辖区内还没有公益性岗位。</Text> : null}
      {data.items.map((p) => (
        <WelfarePostCard key={p.id} post={p} title={`${p.unitName} · ${p.title}`} />
      ))}
      <LoadMore page={data} onPage={setData} fetchPage={(cursor) => fetchPage(cursor)} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
