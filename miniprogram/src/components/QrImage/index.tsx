// A QR code as an image: qrcode-generator draws it as a GIF data URL, which both the weapp
// <Image> and the browser show without a canvas; whole, in a square box.
import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './index.scss';

export function QrImage({ text, label, className }: { text: string; label: string; className?: string }) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return <Image className={`qr-image${className ? ` ${className}` : ''}`} src={qr.createDataURL(6, 4)} mode="aspectFit" ariaLabel={label} />;
}
