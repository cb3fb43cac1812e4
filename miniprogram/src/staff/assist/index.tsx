// 代办业务 (community staff): find a resident of the community by ID number, check who it is
// (masked), and file an application for them; it is recorded as assisted.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { fenToYuanText, findStaffPerson, type ResponseOf } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useSignedIn } from '../../hooks/useSignedIn';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

type Person = ResponseOf<typeof findStaffPerson>['person'];

export default function AssistPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [idNumber, setIdNumber] = useState('');
  const [person, setPerson] = useState<Person>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function find() {
    setBusy(true);
    setError(undefined);
    setPerson(undefined);
    try {
      setPerson((await request(findStaffPerson, { body: { idNumber: idNumber.trim().toUpperCase() } })).person);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在登录…</Text></Page>;
  if (session.user.level !== 'community') return <Page><Notice message="代办业务由社区工作人员办理。" /></Page>;

  return (
    <Page>
      <Text className="page__title">代办业务</Text>
      <Text className="page__lead">为本社区不方便用手机的居民代办申请、推荐岗位、预约面试、报名培训。只能查到本社区已做求职登记的居民。</Text>
      <View className="card">
        <FormField label="居民身份证号" error={error}>
          <Input className="text-input" type="idcard" maxlength={18} value={idNumber} placeholder="18位身份证号" onInput={(e) => setIdNumber(e.detail.value)} />
        </FormField>
        <Button className="btn btn--primary" onClick={find} disabled={busy || idNumber.trim().length < 15}>
          {busy ? '正在查找…' : '查找'}
        </Button>
      </View>
      {person ? (
        <View className="card">
          <Text className="card__title">{person.name}</Text>
          <DetailRow label="身份证号" value={person.idNumberMasked} />
          <DetailRow label="性别、年龄" value={`${person.gender === 'male' ? '男' : '女'}，${person.age} 岁`} />
          <DetailRow label="住址" value={`${person.residence.areaName} ${person.residence.address}`} />
          <DetailRow label="面试" value={`参加 ${person.interviews.attended} 次，预约后未到场 ${person.interviews.noShows} 次`} />
          <DetailRow label="零工" value={person.flexibleWork.days ? `干过 ${person.flexibleWork.days} 天，记下收入 ${fenToYuanText(person.flexibleWork.incomeFen)} 元` : '还没有'} />
          <View className="page__actions">
            <Button
              className="btn btn--primary"
              onClick={() => Taro.navigateTo({ url: `/apply/unemployment/index?for=${person.id}&name=${encodeURIComponent(person.name)}` })}
            >
              代办失业登记
            </Button>
            <Button
              className="btn btn--secondary"
              onClick={() =>
                Taro.navigateTo({
                  url: `/staff/refer/index?personId=${person.id}&name=${encodeURIComponent(person.name)}&lat=${person.residence.lat}&lng=${person.residence.lng}`,
                })
              }
            >
              推荐岗位（开推荐信）
            </Button>
            <Button
              className="btn btn--secondary"
              onClick={() =>
                Taro.navigateTo({
                  url: `/training/courses/index?personId=${person.id}&name=${encodeURIComponent(person.name)}&lat=${person.residence.lat}&lng=${person.residence.lng}`,
                })
              }
            >
              代报培训
            </Button>
          </View>
        </View>
      ) : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
