// The full 个人信息保护指引, served by the app with its version (GET /privacy/policy). Its own module:
// the mini-program reads it from the server, so its text stays out of the main package.
import { ACCOUNT_DELETION_COOLING_DAYS } from './privacy';

/** The full guide, served by the app with its version. */
export const privacyPolicySections: ReadonlyArray<{ title: string; paragraphs: readonly string[] }> = [
  {
    title: '一、我们收集哪些信息',
    paragraphs: [
      '登录：微信给我们的匿名标识（openid），用来认出您。',
      '求职登记：姓名、身份证号（单独同意）、手机号、户籍和常住地址、学历、求职意向。',
      '办理认定：失业、就业情况，困难认定的材料照片（单独同意）。',
      '找工作和培训：您的位置（每次使用前询问）、投递和报名记录、面试预约。',
      '评价和投诉：您填写的内容和照片。',
    ],
  },
  {
    title: '二、我们怎样使用',
    paragraphs: [
      '只为办理您申请的就业服务、发放和核销就业券、统计就业工作数据（统计数据不含可识别个人的信息）。',
      '不用于广告，不卖给任何人。',
    ],
  },
  {
    title: '三、谁能看到',
    paragraphs: [
      '办理您事项的社区、街道、区、市人社工作人员，以及您投递的单位（只看到您投递时提供的信息）。',
      '工作人员查看您的个人信息会留下记录。',
    ],
  },
  {
    title: '四、保存和保护',
    paragraphs: [
      '身份证号、银行账号加密保存；信息保存在中国境内。',
      `申请注销账号后有 ${ACCOUNT_DELETION_COOLING_DAYS} 天冷静期，期间可以撤销；期满后删除您的姓名、身份证号、手机号、住址、照片和填写的内容。`,
      '法律和审计要求保留的记录（就业券的资金往来、审核记录、统计数字）会保留，但不再含有能认出您的信息。',
    ],
  },
  {
    title: '五、您的权利',
    paragraphs: ['在「我的 → 我的数据」查看和下载您的信息、撤回同意、注销账号；更正信息请修改登记。撤回同意不影响撤回前已办理的事项。'],
  },
  {
    title: '六、联系我们',
    paragraphs: ['可到您所在社区的就业服务站咨询，或在“评价和投诉”里留言，我们会在 3 个工作日内答复。'],
  },
];
