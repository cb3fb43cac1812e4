// 推荐岗位: staff pick an open vacancy near a resident's home and issue the referral letter
// (推荐介绍信). The letter's verification code is shown large, to read out or write down; the
// follow-up tasks (call back in 7 days, visit the employer within 30) appear in 待办任务. Opened
// from an assistance case (caseId), each letter is a post offered to its person.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { distanceText, createReferral, fenToYuanText, nearbyVacancies, type NearbyItem, type Referral } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';


export default function ReferPage() {
  const { params } = useRouter();
  const name = decodeURIComponent(params.name ?? '');
  const { data: items, gate } = usePageData(async () => {
    const page = await request(nearbyVacancies, { query: { lat: Number(params.lat), lng: Number(params.lng), radiusKm: 5, sort: 'distance', limit: 30 } });
    return page.items;
  });
  const [letter, setLetter] = useState<Referral>();
  const [busy, setBusy] = useState<string>();
  const [message, setMessage] = useState<string>();


  async function refer(item: NearbyItem) {
    const { confirm } = await Taro.showModal({
      title: '开推荐信',
      content: `把${name}推荐到“${item.vacancy.employerName} · ${item.vacancy.title}”？`,
      confirmText: '开推荐信',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(item.vacancy.id);
    setMessage(undefined);
    try {
      // From an assistance case: the letter is also a post offered to its person.
      const { referral } = await request(createReferral, { body: { personId: params.personId ?? '', vacancyId: item.vacancy.id, ...(params.caseId ? { caseId: params.caseId } : {}) } });
      setLetter(referral);
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  if (gate || !items) return gate;

  if (letter) {
    return (
      <Page>
        <Text className="page__title">推荐介绍信</Text>
        <View className="card referral-letter">
          <Text className="referral-letter__label">核验码</Text>
          <Text className="referral-letter__code">{letter.code}</Text>
          <DetailRow label="被推荐人" value={letter.personName} />
          <DetailRow label="推荐到" value={`${letter.vacancy.employerName} · ${letter.vacancy.title}`} />
          <DetailRow label="工作地点" value={`${letter.vacancy.areaName} ${letter.vacancy.address}`} />
          <DetailRow label="开具单位" value={letter.issuedBy} />
          <DetailRow label="有效期至" value={letter.validUntil} />
        </View>
        <Notice kind="info" message="请把核验码告诉求职者，单位凭核验码查看推荐信。7 天后回访求职者、30 天内回访单位的任务已加入“待办任务”。" />
        <View className="page__actions">
          <Button
            className="btn btn--primary"
            onClick={() => Taro.navigateTo({ url: `/jobs/book/index?vacancyId=${letter.vacancy.id}&personId=${params.personId ?? ''}&name=${encodeURIComponent(name)}` })}
          >
            代约面试
          </Button>
          <Button className="btn btn--secondary" onClick={() => setLetter(undefined)}>
            再推荐一个岗位
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
      <Text className="page__title">推荐岗位</Text>
      <Text className="page__lead">{name}家附近 5 公里内招聘中的岗位，离家近的在前。</Text>
      {message ? <Notice message={message} /> : null}
      {items.length === 0 ? <Text className="page__lead">附近暂时没有招聘中的岗位。</Text> : null}
      {items.map((item) => (
        <View key={item.vacancy.id} className="card">
          <Text className="card__title">{item.vacancy.title}</Text>
          <DetailRow label="单位" value={item.vacancy.employerName} />
          <DetailRow label="离家" value={distanceText(item.distanceM)} />
          <DetailRow label="月薪" value={`${fenToYuanText(item.vacancy.salaryMinFen)}–${fenToYuanText(item.vacancy.salaryMaxFen)} 元`} />
          <Button className="btn btn--primary" disabled={busy === item.vacancy.id} onClick={() => refer(item)}>
            {busy === item.vacancy.id ? '正在开具…' : '开推荐信'}
          </Button>
        </View>
      ))}
    </Page>
  );
}
