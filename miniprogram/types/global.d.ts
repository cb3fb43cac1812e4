/// <reference types="@tarojs/taro" />

declare module '*.scss';

/** Build-time constants from config/index.ts. */
declare const API_BASE: string;
declare const CLOUDBASE_ENV: string;
declare const MESSAGE_TEMPLATES: Record<'new_match' | 'application_update', string>;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
  }
}
