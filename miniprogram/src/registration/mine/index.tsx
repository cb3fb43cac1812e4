// 我的求职登记: what the person registered, with the ID number masked, and a way to change it.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  educationLabels,
  fenToYuanText,
  getJobseekerRegistration,
  personCategoryLabels,
  professionalTitleLabels,
  qualificationLabels,
  shiftLabels,
  todayInChina,
  type JobseekerRegistration,
} from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { ApiError, request } from '../../services/request';
import { Page } from '../../components/Page';
import '../../styles/page.scss';

export default function MyRegistrationPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [registration, setRegistration] = useState<JobseekerRegistration | null>();
  const [error, setError] = useState<string>();

  async function load() {
    setError(undefined);
    try {
      setRegistration((await request(getJobseekerRegistration)).registration);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setRegistration(null);
      else setError((err as Error).message);
    }
  }

  useLoadOnShow(load, !!session, [session?.token]);

  const edit = () => Taro.navigateTo({ url: '/registration/form/index' });

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (error) return <Page><Notice message={error} actionText="重试" onAction={load} /></Page>;
  if (registration === undefined) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  if (registration === null) {
    return (
      <Page>
        <Text className="page__title">您还没有求职登记</Text>
        <Text className="page__lead">填写求职登记后，社区工作人员会为您推荐附近的工作和培训。</Text>
        <Button className="btn btn--primary" onClick={edit}>
          现在填写
        </Button>
      </Page>
    );
  }

  const r = registration;
  const expired = r.status === 'expired';
  return (
    <Page>
      <Notice
        kind={expired ? 'error' : 'info'}
        message={expired ? `登记已于 ${todayInChina(new Date(r.validUntil))} 过期，请核对后保存一次即可续期。` : `登记有效，有效期至 ${todayInChina(new Date(r.validUntil))}`}
      />
      <View className="card">
        <Text className="card__title">基本信息</Text>
        <DetailRow label="姓名" value={r.name} />
        <DetailRow label="身份证号" value={r.idNumberMasked} />
        <DetailRow label="性别" value={r.gender === 'male' ? '男' : '女'} />
        <DetailRow label="年龄" value={`${r.age} 岁`} />
        <DetailRow label="手机号码" value={r.phone} />
        <DetailRow label="文化程度" value={educationLabels[r.education]} />
        <DetailRow label="从业年限" value={`${r.yearsOfExperience} 年`} />
        {r.personCategory ? <DetailRow label="人员类别" value={personCategoryLabels[r.personCategory]} /> : null}
        {r.graduationDate ? <DetailRow label="毕业日期" value={r.graduationDate} /> : null}
        {r.qualificationLevel ? <DetailRow label="职业资格" value={qualificationLabels[r.qualificationLevel]} /> : null}
        {r.professionalTitle ? <DetailRow label="职称" value={professionalTitleLabels[r.professionalTitle]} /> : null}
      </View>
      <View className="card">
        <Text className="card__title">居住地址</Text>
        <DetailRow label="社区（村）" value={r.residence.areaName} />
        <DetailRow label="详细地址" value={r.residence.address} />
      </View>
      <View className="card">
        <Text className="card__title">求职意向</Text>
        <DetailRow label="想做的工种" value={r.intention.occupations.join('、')} />
        <DetailRow label="最低月薪" value={`${fenToYuanText(r.intention.minMonthlySalaryFen)} 元`} />
        <DetailRow label="上班距离" value={`离家 ${r.intention.maxDistanceKm} 公里以内`} />
        <DetailRow label="班次" value={shiftLabels[r.intention.shift]} />
        {r.resume ? <DetailRow label="个人简历" value={r.resume} /> : null}
      </View>
      <View className="page__actions">
        <Button className="btn btn--primary" onClick={edit}>
          修改登记
        </Button>
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
