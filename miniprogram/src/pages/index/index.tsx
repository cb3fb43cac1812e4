// Home: who we are, signing in, and the first thing to do — the job-seeker registration.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Notice } from '../../components/Notice';
import { PrivacyDialog } from '../../components/PrivacyDialog';
import { agreedHere, currentConsents } from '../../services/privacy';
import { useSignedIn } from '../../hooks/useSignedIn';
import '../../styles/page.scss';
import './index.scss';

export default function IndexPage() {
  const { session, error, busy, retry } = useSignedIn();
  // First use (or a new version of the guide): the privacy dialog before anything else.
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!session) return;
    if (!agreedHere()) setAsking(true);
    currentConsents().then(
      (held) => setAsking(!held.has('privacy')),
      () => undefined, // offline: the server refuses personal writes anyway, and says why
    );
  }, [session?.token]);
  return (
    <View className="page">
      {asking ? <PrivacyDialog onAgreed={() => setAsking(false)} /> : null}
      <Text className="page__title">家门口就业</Text>
      <Text className="page__lead">在家附近 3 公里内找工作、学技能、办就业服务。</Text>
      {error ? <Notice message={error} actionText="重新登录" onAction={retry} /> : null}
      {!session ? (
        <Button className="btn btn--primary" onClick={retry} disabled={busy}>
          {busy ? '正在登录…' : process.env.TARO_ENV === 'weapp' ? '微信一键登录' : '本地体验登录'}
        </Button>
      ) : (
        <View>
          <View className="card home-card home-card--main" onClick={() => Taro.navigateTo({ url: '/jobs/nearby/index' })}>
            <Text className="home-card__title">附近的工作</Text>
            <Text className="home-card__text">家附近 3 公里内正在招聘的岗位</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/jobs/nearby/index?mode=recommend' })}>
            <Text className="home-card__title">为您推荐</Text>
            <Text className="home-card__text">按您的求职意向挑选的岗位</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/jobs/applications/index' })}>
            <Text className="home-card__title">我的应聘</Text>
            <Text className="home-card__text">投递过的岗位和单位的回复</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/jobs/interviews/index' })}>
            <Text className="home-card__title">我的面试</Text>
            <Text className="home-card__text">预约的面试时间、地点和视频链接</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/training/courses/index' })}>
            <Text className="home-card__title">学技能</Text>
            <Text className="home-card__text">附近的培训班、报名、我的培训、培训需求</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/vouchers/wallet/index' })}>
            <Text className="home-card__title">我的就业券</Text>
            <Text className="home-card__text">领取就业券、出示券码、查看拨付</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/feedback/ratings/index' })}>
            <Text className="home-card__title">评价和投诉</Text>
            <Text className="home-card__text">给办过的服务打分，提投诉或意见，看办理进度</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/pages/registration/form/index' })}>
            <Text className="home-card__title">求职登记</Text>
            <Text className="home-card__text">填写或修改您的求职信息</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/pages/registration/mine/index' })}>
            <Text className="home-card__title">我的求职登记</Text>
            <Text className="home-card__text">查看已登记的信息和有效期</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/apply/index/index' })}>
            <Text className="home-card__title">我的申请</Text>
            <Text className="home-card__text">失业登记、就业登记、就业困难人员认定和办理进度</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/privacy/mine/index' })}>
            <Text className="home-card__title">我的</Text>
            <Text className="home-card__text">我的数据、撤回同意、注销账号、隐私指引</Text>
          </View>
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/employer/mine/index' })}>
            <Text className="home-card__title">单位招聘</Text>
            <Text className="home-card__text">单位入驻、发布岗位、查看应聘人员</Text>
          </View>
          {session.user.roles.includes('employer') ? (
            <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/training/manage/index' })}>
              <Text className="home-card__title">培训班管理</Text>
              <Text className="home-card__text">培训机构发布培训班、看花名册、记录结业</Text>
            </View>
          ) : null}
          <View className="card home-card" onClick={() => Taro.navigateTo({ url: '/vouchers/redeem/index' })}>
            <Text className="home-card__title">核销就业券</Text>
            <Text className="home-card__text">服务机构扫持券人的券码</Text>
          </View>
          {session.user.roles.includes('finance') || (session.user.roles.includes('staff') && (session.user.level === 'district' || session.user.level === 'city')) ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/vouchers/programmes/index' })}>
              <Text className="home-card__title">就业券券种</Text>
              <Text className="home-card__text">设立券种、审批预算、发放</Text>
            </View>
          ) : null}
          {session.user.roles.includes('staff') && (session.user.level === 'district' || session.user.level === 'city') ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/vouchers/providers/index' })}>
              <Text className="home-card__title">认定服务机构</Text>
              <Text className="home-card__text">哪些单位可以核销就业券、服务费打到哪里</Text>
            </View>
          ) : null}
          {session.user.roles.includes('finance') ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/vouchers/batches/index' })}>
              <Text className="home-card__title">结算拨付</Text>
              <Text className="home-card__text">结算批次、拨付文件、银行回盘</Text>
            </View>
          ) : null}
          {session.user.roles.includes('staff') ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/staff/reviews/index' })}>
              <Text className="home-card__title">审核工作台</Text>
              <Text className="home-card__text">处理辖区内的入驻和登记申请</Text>
            </View>
          ) : null}
          {session.user.roles.includes('staff') ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/staff/tasks/index' })}>
              <Text className="home-card__title">待办任务</Text>
              <Text className="home-card__text">回访、差评整改、申诉和投诉，按到期日排列</Text>
            </View>
          ) : null}
          {session.user.roles.includes('staff') || session.user.roles.includes('finance') ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/staff/stats/index' })}>
              <Text className="home-card__title">数据看板</Text>
              <Text className="home-card__text">辖区的考核指标、服务量和各下级区域</Text>
            </View>
          ) : null}
          {session.user.roles.includes('staff') ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/staff/training-needs/index' })}>
              <Text className="home-card__title">培训需求汇总</Text>
              <Text className="home-card__text">辖区居民想学的工种和方便的时间</Text>
            </View>
          ) : null}
          {session.user.roles.includes('staff') && session.user.level === 'community' ? (
            <View className="card home-card home-card--staff" onClick={() => Taro.navigateTo({ url: '/staff/assist/index' })}>
              <Text className="home-card__title">代办业务</Text>
              <Text className="home-card__text">为本社区居民代办失业登记</Text>
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
