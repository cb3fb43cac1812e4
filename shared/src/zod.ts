// One place that configures zod: every schema in the project is built from this export, so
// validation messages are Chinese (zh-CN locale) on both the Lambda side and the mini-program.
import * as z from 'zod/mini';
// The locale imported on its own: going through `z.locales` would pull every language into the
// mini-program bundle (~200 KB).
import zhCN from 'zod/v4/locales/zh-CN.js';

// zod marks `config` free of side effects, so a bundler that sees `z.config(…)` with its result
// unused drops the call: the settings are written into the object it returns instead.
Object.assign(z.config(), zhCN(), {
  // Plainer words than the locale's for the mistakes people make most: a missing answer (or a
  // blank box), something that is not a number, and a choice not on the list. Everything else
  // keeps the locale's message.
  customError: (issue: Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0]) => {
    if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return '此项为必填项';
    if (issue.code === 'invalid_type' && typeof issue.input === 'string' && issue.input.trim() === '') return '此项为必填项';
    if (issue.code === 'invalid_type' && issue.expected === 'number') return '请输入数字';
    if (issue.code === 'invalid_value') return '请从列表中选择';
    return undefined;
  },
} satisfies Partial<z.core.$ZodConfig>);

export { z };
