// 公益性岗位申请 for a unit (R20): the posts it has applied for with where each stands (街道核查 →
// 区级确认 → 已确认, or why not) and who holds its seats (names masked); a new application from the
// phone — where the post is, what it is, seats and wage, kind and funding, R20's two declarations,
// what is missing beside each field — to that street's on-site check.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { applyForWelfarePost, unitWelfarePosts } from '@doorstep/shared';
import { AreaPicker } from '../../components/AreaPicker';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { WelfarePostCard, WelfarePostFields, welfarePostBody, welfarePostMissing, type WelfarePostForm } from '../../components/WelfarePostFields';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';

export default function UnitWelfarePostsPage() {
  const employerId = useRouter().params.employerId ?? '';
  const { data, gate, reload } = usePageData(() => request(unitWelfarePosts, { params: { id: employerId } }), [employerId]);
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<WelfarePostForm>({});
  const submission = useFormSubmit();
  const { errors, busy, submitError } = submission;
  if (gate || !data) return gate;
  const set = (key: string) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    submission.clear([key]);
  };

  if (adding) {
    return (
      <Page>
        <Text className="page__title">申请公益性岗位</Text>
        <Text className="page__lead">公益性岗位以政府投资或扶持、社会筹资为主，主要安置就业困难人员，为公共利益服务。提交后由岗位所在街道实地核查，区里确认。</Text>
        <FormField label="岗位所在社区（村）" required error={errors.areaCode}>
          <AreaPicker value={form.areaCode ?? ''} onChange={(areaCode) => set('areaCode')(areaCode)} />
        </FormField>
        <WelfarePostFields form={form} set={set} errors={errors} withUnit={false} />
        {submitError ? <Notice message={submitError} /> : null}
        <View className="page__actions">
          <Button
            className="btn btn--primary"
            disabled={busy}
            onClick={() => {
              const missing = welfarePostMissing(form, false);
              if (!/^\d{12}$/.test(form.areaCode ?? '')) missing.areaCode = '请选择岗位所在的社区（村）';
              if (Object.keys(missing).length) return submission.refuse(missing);
              void submission.send(async () => {
                await request(applyForWelfarePost, { params: { id: employerId }, body: welfarePostBody(form, form.areaCode!) });
                Taro.showToast({ title: '已提交', icon: 'success' });
                setAdding(false);
                setForm({});
                await reload();
              });
            }}
          >
            {busy ? '正在提交…' : '提交申请'}
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
      <Text className="page__title">公益性岗位申请</Text>
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => { submission.reset(); setAdding(true); }}>
          申请公益性岗位
        </Button>
      </View>
      {data.items.length === 0 ? <Text className="page__lead">本单位还没有申请公益性岗位。</Text> : null}
      {data.items.map((p) => (
        <WelfarePostCard key={p.id} post={p} title={p.title} />
      ))}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/employer/mine/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
