// A page whose data could not be loaded: 重试 — or, when the server refused (403: a role removed,
// a place moved), 回到首页, where what is open to the person now is shown; retrying would not help.
import Taro from '@tarojs/taro';
import { ApiError } from '../../services/request';
import { Notice } from '../Notice';

export function LoadFailure({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const refused = error instanceof ApiError && error.status === 403;
  return (
    <Notice
      message={(error as Error).message || '加载失败，请重试'}
      actionText={refused ? '回到首页' : '重试'}
      onAction={refused ? () => void Taro.reLaunch({ url: '/pages/index/index' }) : onRetry}
    />
  );
}
