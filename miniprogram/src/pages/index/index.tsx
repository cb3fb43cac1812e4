// Home: who we are, signing in, the 关怀模式 switch and every task the person can do — in 关怀模式
// only the five most used, in plain words, with the rest behind 更多服务.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { User } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { CareModeSwitch } from '../../components/CareModeSwitch';
import { PrivacyDialog } from '../../components/PrivacyDialog';
import { agreedHere, currentConsents } from '../../services/privacy';
import { useActingFor } from '../../hooks/useActingFor';
import { useCareMode } from '../../hooks/useCareMode';
import { useLoadOnShow } from '../../hooks/useLoadOnShow';
import { useSignedIn } from '../../hooks/useSignedIn';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

interface Task {
  url: string;
  title: string;
  text: string;
  /** Who sees it (everyone when absent). */
  for?: (user: User) => boolean;
  kind?: 'main' | 'staff';
  /** A family member acting for the person (亲情代办) may do it too. */
  proxy?: boolean;
}

const isStaff = (u: User) => u.roles.includes('staff');
const isDistrictUp = (u: User) => isStaff(u) && (u.level === 'district' || u.level === 'city');

const TASKS: Task[] = [
  { url: '/jobs/nearby/index', title: '附近的工作', text: '家附近 3 公里内正在招聘的岗位', kind: 'main', proxy: true },
  { url: '/jobs/nearby/index?mode=recommend', title: '为您推荐', text: '按您的求职意向挑选的岗位', proxy: true },
  { url: '/gigs/nearby/index', title: '零工', text: '家附近按次、按小时、按天的零活：接活、发活', proxy: true },
  { url: '/jobs/applications/index', title: '我的应聘', text: '投递过的岗位和单位的回复', proxy: true },
  { url: '/jobs/interviews/index', title: '我的面试', text: '预约的面试时间、地点和视频链接', proxy: true },
  { url: '/training/courses/index', title: '学技能', text: '附近的培训班、报名、我的培训、培训需求', proxy: true },
  { url: '/vouchers/wallet/index', title: '我的就业券', text: '领取就业券、出示券码、查看拨付', proxy: true },
  { url: '/feedback/ratings/index', title: '评价和投诉', text: '给办过的服务打分，提投诉或意见，看办理进度', proxy: true },
  { url: '/registration/form/index', title: '求职登记', text: '填写或修改您的求职信息', proxy: true },
  { url: '/registration/mine/index', title: '我的求职登记', text: '查看已登记的信息和有效期', proxy: true },
  { url: '/fairs/list/index', title: '招聘会', text: '家附近的招聘会：预约、签到、看中岗位点“我有意向”', proxy: true },
  { url: '/policies/list/index', title: '政策', text: '为您找到的政策、算一算能享受什么、你问我答', proxy: true },
  { url: '/points/nearby/index', title: '服务网点', text: '家附近的就业服务站：能办什么、要带什么材料、预约办事', proxy: true },
  { url: '/subsidies/list/index', title: '补贴申请', text: '能申请哪些补贴、在手机上申请、看办理进度和到账' },
  { url: '/subsidies/notices/index', title: '补贴公示', text: '拟发放补贴的名单，对名单有意见可以反映' },
  { url: '/apply/index/index', title: '我的申请', text: '失业登记、就业登记、就业困难人员认定和办理进度' },
  { url: '/family/index/index', title: '亲情代办', text: '请家人帮您办事，或者为家里的老人办事' },
  { url: '/privacy/mine/index', title: '我的', text: '关怀模式、我的数据、撤回同意、注销账号、隐私指引' },
  { url: '/employer/mine/index', title: '单位招聘', text: '单位入驻、发布岗位、查看应聘人员' },
  { url: '/employer/fairs/index', title: '参加招聘会', text: '申请招聘会展位，带上本单位的岗位', for: (u) => u.roles.includes('employer') },
  { url: '/training/manage/index', title: '培训班管理', text: '培训机构发布培训班、看花名册、记录结业', for: (u) => u.roles.includes('employer') },
  { url: '/vouchers/redeem/index', title: '核销就业券', text: '服务机构扫持券人的券码' },
  { url: '/vouchers/programmes/index', title: '就业券券种', text: '设立券种、审批预算、发放', for: (u) => u.roles.includes('finance') || isDistrictUp(u), kind: 'staff' },
  { url: '/vouchers/providers/index', title: '认定服务机构', text: '哪些单位可以核销就业券、服务费打到哪里', for: isDistrictUp, kind: 'staff' },
  { url: '/vouchers/batches/index', title: '结算拨付', text: '结算批次、拨付文件、银行回盘', for: (u) => u.roles.includes('finance'), kind: 'staff' },
  { url: '/staff/reviews/index', title: '审核工作台', text: '处理辖区内的入驻和登记申请', for: isStaff, kind: 'staff' },
  { url: '/staff/tasks/index', title: '待办任务', text: '回访、差评整改、申诉和投诉，按到期日排列', for: isStaff, kind: 'staff' },
  { url: '/staff/stats/index', title: '数据看板', text: '辖区的考核指标、服务量和各下级区域', for: (u) => isStaff(u) || u.roles.includes('finance'), kind: 'staff' },
  { url: '/staff/subsidy-programmes/index', title: '补贴项目', text: '设立补贴项目、审批预算、撤回', for: (u) => u.roles.includes('finance') || isDistrictUp(u), kind: 'staff' },
  { url: '/staff/subsidies/index', title: '补贴审核', text: '补贴申请的初审（入户核查）、复审和公示', for: isStaff, kind: 'staff' },
  { url: '/staff/subsidy-notices/index', title: '补贴公示与拨付', text: '公示收到的反映、公示结束后审批拨付和银行回盘', for: (u) => u.roles.includes('finance') || isDistrictUp(u), kind: 'staff' },
  { url: '/staff/ledger/index', title: '实名制台账', text: '辖区内每一个人：类别、就业状态和全部服务记录；导入街道台账', for: isStaff, kind: 'staff' },
  { url: '/staff/assistance/index', title: '就业援助台账', text: '就业困难人员的援助专员、援助方案、推荐岗位和办理期限', for: isStaff, kind: 'staff' },
  { url: '/staff/households/index', title: '零就业家庭台账', text: '辖区的零就业家庭：哪些还是零就业、几号前要帮一人就业', for: isStaff, kind: 'staff' },
  { url: '/staff/welfare-posts/index', title: '公益性岗位', text: '登记和核查公益性岗位、岗位储备和在岗人员（托底安置）', for: (u) => isStaff(u) && u.level !== 'city', kind: 'staff' },
  { url: '/staff/training-needs/index', title: '培训需求汇总', text: '辖区居民想学的工种和方便的时间', for: isStaff, kind: 'staff' },
  { url: '/staff/people/index', title: '人员与权限', text: '邀请、调整和移除本辖区的工作人员', for: (u) => u.roles.includes('admin'), kind: 'staff' },
  { url: '/staff/calendar/index', title: '工作日历', text: '录入明年的节假日安排，办理期限按它计算', for: (u) => u.roles.includes('admin') && u.level === 'city', kind: 'staff' },
  { url: '/staff/access/index', title: '访问记录', text: '本辖区工作人员查看个人信息的记录', for: (u) => u.roles.includes('admin'), kind: 'staff' },
  { url: '/staff/desk/index', title: '网点窗口', text: '今天的预约名单，登记到达、办结，开一次性告知单', for: (u) => isStaff(u) && (u.level === 'community' || u.level === 'street'), kind: 'staff' },
  { url: '/staff/fairs/index', title: '招聘会管理', text: '举办、发布招聘会，受理展位申请，入口签到', for: (u) => isStaff(u) && u.level !== 'community', kind: 'staff' },
  { url: '/staff/gigs/index', title: '零工驿站', text: '辖区的零工：核查、帮上门的人发布、处理举报和纠纷', for: isStaff, kind: 'staff' },
  { url: '/staff/points/index', title: '服务网点管理', text: '设立和修改辖区的服务网点：位置、开放时间、服务和窗口', for: isDistrictUp, kind: 'staff' },
  { url: '/staff/policies/index', title: '政策发布', text: '发布本辖区的政策，系统自动找到符合条件的人', for: isDistrictUp, kind: 'staff' },
  { url: '/staff/assist/index', title: '代办业务', text: '为本社区居民代办失业登记', for: (u) => isStaff(u) && u.level === 'community', kind: 'staff' },
];

// 关怀模式: the five things most people come for, in the plainest words.
const CARE_TASKS: Task[] = [
  { url: '/jobs/nearby/index', title: '找工作', text: '看看家附近哪里招人', kind: 'main', proxy: true },
  { url: '/registration/form/index', title: '求职登记', text: '告诉我们您想找什么工作', proxy: true },
  { url: '/vouchers/wallet/index', title: '就业券', text: '领券、给服务机构看券码', proxy: true },
  { url: '/training/courses/index', title: '学技能', text: '报名家附近的培训班', proxy: true },
  { url: '/jobs/interviews/index', title: '我的面试', text: '什么时候、在哪里面试', proxy: true },
];

function TaskCard({ task }: { task: Task }) {
  return (
    <View className={`card home-card${task.kind ? ` home-card--${task.kind}` : ''}`} onClick={() => Taro.navigateTo({ url: task.url })}>
      <Text className="home-card__title">{task.title}</Text>
      <Text className="home-card__text">{task.text}</Text>
    </View>
  );
}

export default function IndexPage() {
  const { session, error, busy, retry, refresh } = useSignedIn();
  useLoadOnShow(refresh, !!session);
  const care = useCareMode();
  const acting = useActingFor();
  const [more, setMore] = useState(false);
  // First use (or a new version of the guide): the privacy dialog before anything else, once the
  // server has said the guide is not agreed (not before: on a new phone it would flash for someone
  // who agreed elsewhere). Offline, this phone's own note decides.
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    // Acting for a family member: both of them agreed before the binding was made.
    if (!session || acting) return;
    currentConsents().then(
      (held) => setAsking(!held.has('privacy')),
      () => setAsking(!agreedHere()), // the server refuses personal writes anyway, and says why
    );
  }, [session?.token, acting]);
  const allowed = (t: Task) => (acting ? t.proxy === true : !t.for || !session || t.for(session.user));
  const mine = session ? TASKS.filter(allowed) : [];
  const simple = CARE_TASKS.filter(allowed);
  return (
    <Page>
      {asking ? <PrivacyDialog onAgreed={() => setAsking(false)} /> : null}
      <Text className="page__title">{acting ? `为「${acting.callName}」代办` : '家门口就业'}</Text>
      <Text className="page__lead">
        {acting ? `现在办的事都记在${acting.callName}的账号上，${acting.callName}能看到。办完请点「退出代办」。` : care ? '在家附近找工作、学技能。' : '在家附近 3 公里内找工作、学技能、办就业服务。'}
      </Text>
      <CareModeSwitch signedIn={!!session} />
      {error ? <Notice message={error} actionText="重新登录" onAction={retry} /> : null}
      {!session ? (
        <Button className="btn btn--primary" onClick={retry} disabled={busy}>
          {busy ? '正在登录…' : process.env.TARO_ENV === 'weapp' ? '微信一键登录' : '本地体验登录'}
        </Button>
      ) : care ? (
        <View>
          {simple.map((t) => (
            <TaskCard key={t.url} task={t} />
          ))}
          <Button className="btn btn--secondary" onClick={() => setMore(!more)}>
            {more ? '收起' : '更多服务'}
          </Button>
          {more ? (
            <View className="home__more">
              {mine.filter((t) => !CARE_TASKS.some((c) => c.url === t.url)).map((t) => (
                <TaskCard key={t.url} task={{ ...t, kind: t.kind === 'main' ? undefined : t.kind }} />
              ))}
            </View>
          ) : null}
        </View>
      ) : (
        <View>
          {mine.map((t) => (
            <TaskCard key={t.url} task={t} />
          ))}
        </View>
      )}
    </Page>
  );
}
