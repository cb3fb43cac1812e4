// A photo a reviewer looks at (a licence, a piece of evidence, a site check): its label, the picture
// full width (tap to enlarge), a hint. Styles in staff/review/index.scss.
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { absoluteUrl } from '../../services/uploads';

export function ReviewPhoto({ url, label }: { url: string; label: string }) {
  const src = absoluteUrl(url);
  return (
    <View className="review-photo">
      <Text className="review-photo__label">{label}</Text>
      <Image className="review-photo__image" src={src} mode="aspectFit" onClick={() => Taro.previewImage({ urls: [src], current: src })} />
      <Text className="review-photo__hint">点击图片可放大</Text>
    </View>
  );
}
