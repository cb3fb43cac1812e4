// 个人信息保护指引 at first use: a short summary in plain words, the full guide one tap away, and
// two clear choices. In WeChat the 同意 button is also the platform's privacy agreement
// (open-type agreePrivacyAuthorization), so location and photo APIs work after it.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { privacySummary } from '@doorstep/shared';
import { agreeToGuide } from '../../services/privacy';
import { resolvePlatformPrivacy } from '../../services/platformPrivacy';
import { a11yRole } from '../a11y';
import { CareModeSwitch } from '../CareModeSwitch';
import './index.scss';

export function PrivacyDialog({ onAgreed }: { onAgreed(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState(false);

  async function onAgree() {
    setBusy(true);
    setError(undefined);
    try {
      await agreeToGuide();
      onAgreed();
    } catch (err) {
      setError((err as Error).message || '没有保存成功，请重试');
    } finally {
      setBusy(false);
    }
  }

  function onRefuse() {
    resolvePlatformPrivacy(false);
    if (process.env.TARO_ENV === 'weapp') void Taro.exitMiniProgram();
    else setRefused(true);
  }

  return (
    <View className="privacy-dialog" {...a11yRole('dialog')} aria-label="个人信息保护指引">
      <View className="privacy-dialog__sheet">
        <Text className="privacy-dialog__title">个人信息保护指引</Text>
        {/* Large text for reading the guide itself: a display setting, kept before any agreement. */}
        <CareModeSwitch signedIn compact />
        {refused ? (
          <View>
            <Text className="privacy-dialog__text">您没有同意，需要填写个人信息的服务（求职登记、领券、报名、预约）暂时不能使用。</Text>
            <Text className="privacy-dialog__text">您可以随时重新阅读并同意。</Text>
            <Button className="btn btn--primary" onClick={() => setRefused(false)}>
              重新阅读
            </Button>
          </View>
        ) : (
          <View>
            <Text className="privacy-dialog__text">使用前，请您花一分钟了解我们怎样保护您的个人信息：</Text>
            {privacySummary.map((line, i) => (
              <Text key={i} className="privacy-dialog__item">{`${i + 1}. ${line}`}</Text>
            ))}
            <Text className="privacy-dialog__link" {...a11yRole('link')} onClick={() => Taro.navigateTo({ url: '/privacy/policy/index' })}>
              查看完整的《个人信息保护指引》
            </Text>
            {error ? <Text className="privacy-dialog__error" {...a11yRole('alert')}>{error}</Text> : null}
            <Button
              className="btn btn--primary"
              id="agree-privacy"
              openType={(process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined) as never}
              onClick={onAgree}
              disabled={busy}
            >
              {busy ? '正在保存…' : '同意并继续'}
            </Button>
            <Button className="btn btn--secondary" onClick={onRefuse} disabled={busy}>
              不同意
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}
