// WeChat's privacy authorisation (__usePrivacyCheck__ in app.json): when a privacy API (location,
// photos, scanning) is called before the person has agreed in WeChat, WeChat asks us to show our
// own guide; our 同意 button (open-type agreePrivacyAuthorization, id agree-privacy) then lets the
// call go on, and 不同意 refuses it.
import Taro from '@tarojs/taro';

type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void;
let pending: Resolve | undefined;

export function watchPlatformPrivacy(): void {
  const wxApi = (globalThis as unknown as { wx?: { onNeedPrivacyAuthorization?(listener: (resolve: Resolve) => void): void } }).wx;
  wxApi?.onNeedPrivacyAuthorization?.((resolve) => {
    pending = resolve;
    void Taro.navigateTo({ url: '/privacy/policy/index?ask=1' });
  });
}

export function resolvePlatformPrivacy(agreed: boolean): void {
  pending?.(agreed ? { event: 'agree', buttonId: 'agree-privacy' } : { event: 'disagree' });
  pending = undefined;
}
