// 我的: the person's own things in one place — 关怀模式, their registration and applications,
// 我的数据 (what we hold, a copy, consents, closing the account) and the privacy guide.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CareModeSwitch } from '../../components/CareModeSwitch';
import { goBack } from '../../services/nav';
import { loadSession } from '../../services/session';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../../pages/index/index.scss';

const LINKS = [
  { url: '/registration/mine/index', title: '我的求职登记', text: '已登记的信息和有效期' },
  { url: '/apply/index/index', title: '我的申请', text: '失业登记、就业登记、困难认定的办理进度' },
  { url: '/family/index/index', title: '亲情代办', text: '请家人帮您办事，或者为家里的老人办事；代办记录' },
  { url: '/privacy/data/index', title: '我的数据', text: '我们保存了您哪些信息、下载副本、撤回同意、注销账号' },
  { url: '/privacy/policy/index', title: '个人信息保护指引', text: '我们收集什么、为什么、保存多久' },
  { url: '/staff/join/index', title: '工作人员加入', text: '管理员邀请您做工作人员时，在这里输入加入码' },
];

export default function MinePage() {
  return (
    <Page>
      <Text className="page__title">我的</Text>
      <CareModeSwitch signedIn={!!loadSession()} />
      {LINKS.map((l) => (
        <View key={l.url} className="card home-card" onClick={() => Taro.navigateTo({ url: l.url })}>
          <Text className="home-card__title">{l.title}</Text>
          <Text className="home-card__text">{l.text}</Text>
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
