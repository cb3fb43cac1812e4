// One place that configures zod: every schema in the project is built from this export, so
// validation messages are Chinese (zh-CN locale) on both the Lambda side and the mini-program.
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
