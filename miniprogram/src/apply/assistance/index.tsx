// 我的就业援助: for a person recognised as hard to employ — who their assistance specialist is
// and how to call them, what comes next, the plan in plain words with dates, the posts offered,
// and the assistance agreement (F32) to read and sign here.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getMyAssistance, signAssistanceAgreement } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';
import './index.scss';

export default function MyAssistancePage() {
  const { data, gate, reload } = usePageData(async () => (await request(getMyAssistance)).assistance ?? null);
  const signing = useAction(reload);

  if (gate) return gate;
  if (!data) {
    return (
      <Page>
        <Text className="page__title">我的就业援助</Text>
        <Notice kind="info" message="您目前没有就业援助。经街道认定为就业困难人员后，会有援助专员一对一帮您找工作。" actionText="返回" onAction={goBack} />
      </Page>
    );
  }

  async function sign() {
    const { confirm } = await Taro.showModal({ title: '签署协议', content: '您已读完协议书，同意签署吗？签署后援助专员会按协议为您服务。', confirmText: '同意签署', cancelText: '再看看' });
    if (!confirm) return;
    await signing.act(() => request(signAssistanceAgreement, { body: { agree: true } }));
  }

  const s = data.specialist;
  return (
    <Page>
      <Text className="page__title">我的就业援助</Text>
      <View className="card">
        <Text className="card__subtitle">{data.statusName}</Text>
        <Text className="assistance__next">{data.next}</Text>
      </View>

      {s ? (
        <View className="card">
          <Text className="card__title">我的援助专员</Text>
          <DetailRow label="姓名" value={s.name} />
          <DetailRow label="单位" value={s.areaName} />
          <Text className="assistance__phone">{s.phone}</Text>
          <Button className="btn btn--primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: s.phone }).catch(() => undefined)}>
            打电话给{s.name}
          </Button>
        </View>
      ) : null}

      {data.plan ? (
        <View className="card">
          <Text className="card__title">援助方案</Text>
          <DetailRow label="目标" value={data.plan.goals} />
          {data.plan.services.map((x, i) => (
            <View key={i} className="assistance__service">
              <Text className="assistance__service-what">{`${x.kindName}：${x.what}`}</Text>
              <Text className="assistance__service-when">{`${x.by} 前`}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {data.offers.length ? (
        <View className="card">
          <Text className="card__title">为您推荐的岗位</Text>
          {data.offers.map((o, i) => (
            <View key={i} className="assistance__service">
              <Text className="assistance__service-what">{`${o.employerName} · ${o.title}`}</Text>
              <Text className="assistance__service-when">
                {`${o.on} 推荐${o.interviewOn ? `，${o.interviewOn} 面试` : ''}${o.resultName ? `，${o.resultName}` : ''}`}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {data.agreementText ? (
        <View className="card">
          <Text className="card__title">就业援助协议书</Text>
          {data.agreementText.map((p, i) => (
            <Text key={i} className="assistance__agreement">
              {p}
            </Text>
          ))}
          {data.agreement ? (
            <Text className="assistance__signed">{`已于 ${data.agreement.signedOn} 签署${data.agreement.how === 'paper' ? '（纸质协议）' : ''}`}</Text>
          ) : (
            <Button className="btn btn--primary" disabled={signing.busy} onClick={() => void sign()}>
              {signing.busy ? '正在签署…' : '我同意，签署协议'}
            </Button>
          )}
          {signing.error ? <Notice message={signing.error} /> : null}
        </View>
      ) : null}

      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
