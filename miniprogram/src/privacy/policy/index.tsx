// The full 个人信息保护指引, from the server (so the text shown is the version being agreed to).
// With `?ask=1` (WeChat asked before a privacy API) it ends with the same two choices as at first use.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getPrivacyPolicy } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { agreeToGuide } from '../../services/privacy';
import { resolvePlatformPrivacy } from '../../services/platformPrivacy';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

export default function PrivacyPolicyPage() {
  const { params } = useRouter();
  const { data: policy, gate } = usePageData(async () => (await request(getPrivacyPolicy)).policy);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onAgree() {
    setBusy(true);
    try {
      await agreeToGuide();
      await Taro.navigateBack();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (gate || !policy) return gate;
  return (
    <Page>
      <Text className="page__title">个人信息保护指引</Text>
      <Text className="policy__version">{`版本 ${policy.version}`}</Text>
      {policy.sections.map((s) => (
        <View key={s.title} className="card">
          <Text className="card__title">{s.title}</Text>
          {s.paragraphs.map((p, i) => (
            <Text key={i} className="policy__paragraph">{p}</Text>
          ))}
        </View>
      ))}
      <View className="card">
        <Text className="card__title">需要您单独同意的敏感信息</Text>
        {policy.separate.map((s) => (
          <View key={s.purpose} className="policy__separate">
            <Text className="policy__paragraph policy__paragraph--strong">{s.title}</Text>
            <Text className="policy__paragraph">{s.why}</Text>
            <Text className="policy__paragraph">{s.ifRefused}</Text>
          </View>
        ))}
      </View>
      {error ? <Notice message={error} /> : null}
      {params.ask ? (
        <View className="page__actions">
          <Button className="btn btn--primary" id="agree-privacy" openType={(process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined) as never} onClick={onAgree} disabled={busy}>
            同意并继续
          </Button>
          <Button className="btn btn--secondary" onClick={() => { resolvePlatformPrivacy(false); void Taro.navigateBack(); }}>
            不同意
          </Button>
        </View>
      ) : (
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      )}
    </Page>
  );
}
