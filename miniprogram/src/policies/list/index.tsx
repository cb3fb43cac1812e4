// 政策: first the policies found for the person from their registration (为您找到的政策, each with
// why), then every policy in force where they live, searchable by words; 政策计算器 and 你问我答
// one tap away. Expired policies never show.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { browsePolicies, getJobseekerRegistration, myPolicies } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { ApiError, request } from '../../services/request';
import { PolicyCard } from '../components/PolicyCard';
import '../../styles/page.scss';
import '../components/policies.scss';

export default function PoliciesPage() {
  const [text, setText] = useState('');
  const [words, setWords] = useState('');
  const { data, gate } = usePageData(async () => {
    let areaCode: string | undefined;
    try {
      areaCode = (await request(getJobseekerRegistration)).registration.residence.areaCode;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    const [found, all] = await Promise.all([
      request(myPolicies),
      areaCode ? request(browsePolicies, { query: { areaCode, ...(words ? { text: words } : {}) } }) : Promise.resolve({ items: [] }),
    ]);
    return { registered: !!areaCode, found: found.items, all: all.items };
  }, [words]);
  if (gate || !data) return gate;
  const foundIds = new Set(data.found.map((f) => f.policy.id));
  return (
    <Page>
      <Text className="page__title">政策</Text>
      <Text className="page__lead">就业创业补贴、社保补贴、培训补贴……按您的登记信息，把您能享受的政策找出来。</Text>
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/policies/calculator/index' })}>
          算一算我能享受什么
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/policies/questions/index' })}>
          你问我答
        </Button>
      </View>
      {!data.registered ? (
        <Notice kind="info" message="做了求职登记，系统会按您的情况自动帮您找政策。没登记也可以用“算一算”。" actionText="去做求职登记" onAction={() => Taro.navigateTo({ url: '/registration/form/index' })} />
      ) : null}
      <Text className="card__title section-title">为您找到的政策</Text>
      {data.found.length === 0 ? <Text className="page__lead">暂时没有按您的情况找到的政策。有新政策符合您时，会提醒您。</Text> : null}
      {data.found.map((f) => (
        <PolicyCard key={f.policy.id} policy={f.policy} reasons={f.reasons} />
      ))}
      {data.registered ? (
        <View>
          <Text className="card__title section-title">本地的全部政策</Text>
          <View className="card">
            <FormField label="搜一搜" hint="例如：社保、培训、创业">
              <Input className="text-input" value={text} maxlength={20} placeholder="输入关键字" confirmType="search" onInput={(e) => setText(e.detail.value)} onConfirm={() => setWords(text.trim())} />
            </FormField>
            <Button className="btn btn--secondary" onClick={() => setWords(text.trim())}>
              搜索
            </Button>
          </View>
          {data.all.length === 0 ? <Text className="page__lead">{words ? `没有找到和“${words}”有关的政策。` : '本地暂时没有有效的政策。'}</Text> : null}
          {data.all.filter((p) => !foundIds.has(p.id)).map((p) => (
            <PolicyCard key={p.id} policy={p} />
          ))}
        </View>
      ) : null}
    </Page>
  );
}
