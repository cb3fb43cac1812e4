// 评价这次服务: on a finished service's card, the way to its rating sheet (rated once; a second
// try is told so on the sheet).
import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import type { ServiceType } from '@doorstep/shared';

export function RateButton({ type, id, title }: { type: ServiceType; id: string; title: string }) {
  return (
    <Button
      className="btn btn--secondary"
      onClick={(e) => {
        e.stopPropagation();
        void Taro.navigateTo({ url: `/feedback/rate/index?type=${type}&id=${id}&title=${encodeURIComponent(title)}` });
      }}
    >
      评价这次服务
    </Button>
  );
}
