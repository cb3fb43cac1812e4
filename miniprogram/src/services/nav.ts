// Going back when there may be nowhere to go back to (a page opened from a share or a link).
import Taro from '@tarojs/taro';

export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: '/pages/index/index' });
}
