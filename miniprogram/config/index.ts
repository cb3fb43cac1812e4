// Taro build configuration for the weapp (uploaded to WeChat) and h5 (local stack, browser tests).
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The shared workspace is TypeScript source: compile it with the app.
const sharedSource = path.resolve(__dirname, '..', '..', 'shared', 'src');

// zod reaches its locales through one index that webpack cannot trim: swap in a two-language one.
function onlyChineseZodLocales(chain: any, webpack: any) {
  chain.plugin('zod-locales').use(webpack.NormalModuleReplacementPlugin, [
    /locales[\\/]index\.js$/,
    (resource: { context: string; request: string }) => {
      if (/[\\/]zod[\\/]/.test(resource.context)) resource.request = path.resolve(__dirname, '..', '..', 'scripts', 'build', 'zodLocales.js');
    },
  ]);
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'doorstep-jobs',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // H5 talks to the API through the local stack's /api proxy; the weapp needs an absolute
      // https URL on a domain whitelisted in the WeChat console.
      API_BASE: JSON.stringify(
        process.env.TARO_APP_API_BASE ?? (process.env.TARO_ENV === 'h5' ? '/api' : 'https://api.doorstep-jobs.example.cn'),
      ),
      CLOUDBASE_ENV: JSON.stringify(process.env.TARO_APP_CLOUDBASE_ENV ?? ''),
      // Subscription-message template ids from the WeChat console (empty: nothing is asked).
      MESSAGE_TEMPLATES: JSON.stringify({
        new_match: process.env.TARO_APP_TEMPLATE_NEW_MATCH ?? '',
        application_update: process.env.TARO_APP_TEMPLATE_APPLICATION_UPDATE ?? '',
      }),
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Taro escapes every non-ASCII character by default (\uXXXX, 6 bytes where UTF-8 takes 3): the
    // Chinese of the pages would cost the main package about twice its size. WeChat reads UTF-8.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      optimizeMainPackage: { enable: true },
      webpackChain: onlyChineseZodLocales,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedSource] },
      router: { mode: 'hash' },
      webpackChain: onlyChineseZodLocales,
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  };
  return config;
});
