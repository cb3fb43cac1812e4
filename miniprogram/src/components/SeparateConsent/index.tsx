// A separate consent (单独同意, PIPL) asked on its own page before a sensitive item is collected:
// what, why, and what happens without it; agreeing records it, refusing says what is not available
// and leaves the rest of the app as it was.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { separateConsentTexts, SEPARATE_PURPOSES } from '@doorstep/shared';
import { agree } from '../../services/privacy';
import { Notice } from '../Notice';
import { Page } from '../Page';

export function SeparateConsent({ purpose, refusedText, onAgreed }: { purpose: (typeof SEPARATE_PURPOSES)[number]; refusedText: string; onAgreed(): void }) {
  const text = separateConsentTexts[purpose];
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<string>();

  async function give() {
    setError(undefined);
    try {
      await agree([purpose]);
      onAgreed();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Page>
      <Text className="page__title">{text.title}</Text>
      <View className="card">
        <Text className="consent__text">{text.why}</Text>
        <Text className="consent__text">{text.ifRefused}</Text>
      </View>
      {refused ? <Notice message={refusedText} /> : null}
      {error ? <Notice message={error} /> : null}
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={give}>
          同意，开始填写
        </Button>
        <Button className="btn btn--secondary" onClick={() => (refused ? Taro.navigateBack() : setRefused(true))}>
          {refused ? '返回' : '不同意'}
        </Button>
      </View>
    </Page>
  );
}
