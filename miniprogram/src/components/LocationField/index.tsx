// Coordinates for a place: "use my position" first, typing them in as the fallback.
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { location } from '../../services/location';
import './index.scss';

export interface LocationFieldProps {
  lat: string;
  lng: string;
  onChange(lat: string, lng: string): void;
}

export function LocationField({ lat, lng, onChange }: LocationFieldProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [manual, setManual] = useState(false);

  async function locate() {
    setBusy(true);
    setError(undefined);
    try {
      const p = await location.current();
      onChange(String(p.lat), String(p.lng));
    } catch {
      setError('没能获取位置。请允许使用位置，或手动填写经纬度。');
      setManual(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="location-field">
      <Text className="location-field__now">{lat && lng ? `已定位：北纬 ${lat}，东经 ${lng}` : '还没有定位'}</Text>
      <Button className="btn btn--secondary location-field__button" onClick={locate} disabled={busy}>
        {busy ? '正在定位…' : '使用我现在的位置'}
      </Button>
      {error ? <Text className="location-field__error">{error}</Text> : null}
      {manual ? (
        <View className="location-field__manual">
          <Text className="location-field__label">纬度（如 26.0845）</Text>
          <Input className="text-input" type="digit" value={lat} placeholder="纬度" onInput={(e) => onChange(e.detail.value, lng)} />
          <Text className="location-field__label">经度（如 119.3012）</Text>
          <Input className="text-input" type="digit" value={lng} placeholder="经度" onInput={(e) => onChange(lat, e.detail.value)} />
        </View>
      ) : (
        <Text className="location-field__link" onClick={() => setManual(true)}>
          手动填写经纬度
        </Text>
      )}
    </View>
  );
}
