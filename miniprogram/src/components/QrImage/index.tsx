// A QR code as an image: qrcode-generator draws it as a GIF data URL, which both the weapp
// <Image> and the browser show without a canvas.
import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';

export function QrImage({ text, label }: { text: string; label: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return <Image className="holder-code__image" src={qr.createDataURL(6, 4)} mode="widthFix" ariaLabel={label} />;
}
