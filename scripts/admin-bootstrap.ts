// `npm run admin:bootstrap -- --phone 13800000000 --area 3501 --name 张三`: a city's first
// administrator on the local stack (`npm start`'s DynamoDB Local), by the same function AWS runs
// through `aws lambda invoke` (README, Deploy). Prints the code the person accepts with.
import { parseArgs } from 'node:util';
import { stageEnvironment } from './lib/stageEnv';

async function main() {
  const { values } = parseArgs({ options: { phone: { type: 'string' }, area: { type: 'string' }, name: { type: 'string', default: '市级管理员' } } });
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMO_PORT ?? 8000}`;
  Object.assign(process.env, stageEnvironment('local', process.env.TABLE_NAME ?? 'doorstep-local', endpoint), { POWERTOOLS_LOG_LEVEL: 'WARN' });
  const { bootstrapAdmin } = await import('../functions/src/administration/bootstrap');
  const { code, areaName, expiresAt } = await bootstrapAdmin({ phone: values.phone, areaCode: values.area, name: values.name });
  console.log(`${areaName} 的首位管理员邀请已生成：手机号 ${values.phone}，加入码 ${code}（${expiresAt.slice(0, 10)} 前有效）。`);
  console.log('请此人用微信（本地：H5 页面）登录后，在 首页 → 工作人员加入 输入手机号和加入码。');
}

main().catch((err) => {
  console.error(`admin:bootstrap: ${(err as Error).message}`);
  console.error('用法：npm run admin:bootstrap -- --phone 13800000000 --area 3501 --name 张三（先运行 npm start）');
  process.exit(1);
});
