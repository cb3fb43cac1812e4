// 培训班管理 (a training institution's members): the institution's courses with their seats and
// waitlists; publish a new one; open a course's roster to record completions.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listMyProviders, providerCourses } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { seatsText } from '../components/CourseCard';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/training.scss';

export default function ManageCoursesPage() {
  const [providerId, setProviderId] = useState<string>();
  const { data, gate } = usePageData(async () => {
    const institutions = (await request(listMyProviders)).items.filter((p) => p.types.includes('training_institution'));
    const chosen = providerId ?? institutions[0]?.id;
    const courses = chosen ? (await request(providerCourses, { params: { id: chosen } })).items : [];
    return { institutions, chosen, courses };
  }, [providerId]);

  if (gate || !data) return gate;
  if (data.institutions.length === 0) {
    return (
      <Page>
        <Text className="page__title">培训班管理</Text>
        <Notice kind="info" message="您所在的单位还不是认定的培训机构。请先在“单位招聘”里完成单位入驻，再请区人社部门认定为培训机构。" actionText="返回" onAction={goBack} />
      </Page>
    );
  }
  const current = data.institutions.find((p) => p.id === data.chosen)!;
  return (
    <Page>
      <Text className="page__title">培训班管理</Text>
      <Text className="page__lead">{current.name}</Text>
      {data.institutions.length > 1 ? (
        <View className="toggle-row">
          {data.institutions.map((p) => (
            <Text key={p.id} className={`toggle ${p.id === current.id ? 'toggle--on' : ''}`} onClick={() => setProviderId(p.id)}>
              {p.name}
            </Text>
          ))}
        </View>
      ) : null}
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: `/training/course-form/index?providerId=${current.id}` })}>
        发布培训班
      </Button>
      {data.courses.length === 0 ? <Text className="page__lead">还没有发布培训班。</Text> : null}
      {data.courses.map((c) => (
        <View key={c.id} className="card course-card" onClick={() => Taro.navigateTo({ url: `/training/roster/index?id=${c.id}` })}>
          <Text className="course-card__title">{c.title}</Text>
          <Text className="course-card__meta">
            {c.schedule.startsOn} 至 {c.schedule.endsOn} · 报名截止 {c.signUpDeadline}
          </Text>
          <Text className="course-card__seats">
            已报 {c.enrolled}/{c.seats} 人{c.waiting ? `，候补 ${c.waiting} 人` : ''}
          </Text>
          <Text className="course-card__meta">{c.open ? seatsText(c) : '报名已截止'} · 点开看花名册、记录结业</Text>
        </View>
      ))}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
