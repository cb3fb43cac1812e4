// 你问我答: the person's questions, newest first, each with its answer or the day it is due.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { myQuestions } from '@doorstep/shared';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/policies.scss';

export default function QuestionsPage() {
  const { data: items, gate } = usePageData(async () => (await request(myQuestions)).items);
  if (gate || !items) return gate;
  return (
    <Page>
      <Text className="page__title">你问我答</Text>
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/policies/ask/index' })}>
        我要提问
      </Button>
      {items.length === 0 ? <Text className="page__lead section-title">您还没有提过问题。政策、办事有不清楚的，都可以问。</Text> : null}
      <View className="section-title">
      {items.map((q) => (
        <View key={q.id} className="card policy-card question-card">
          <Text className="policy-card__meta">
            {q.topicName}
            {q.policyTitle ? ` · ${q.policyTitle}` : ''} · {q.createdAt.slice(0, 10)}
          </Text>
          <Text className="policy-card__title">{q.text}</Text>
          {q.answer ? <Text className="answer">{q.answer}</Text> : <Text className="status-pill">正在办理，{q.due}前答复</Text>}
        </View>
      ))}
      </View>
    </Page>
  );
}
