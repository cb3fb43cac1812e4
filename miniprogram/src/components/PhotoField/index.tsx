// One photo to upload (a licence, a certificate): a big button, the picture once chosen, and
// the upload's progress or error on the line below.
import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { UploadPurpose } from '@doorstep/shared';
import { pickPhoto, uploadPhoto } from '../../services/uploads';
import './index.scss';

export interface PhotoFieldProps {
  purpose: UploadPurpose;
  /** The uploaded key, or '' */
  value: string;
  onChange(key: string): void;
  buttonText: string;
}

export function PhotoField({ purpose, value, onChange, buttonText }: PhotoFieldProps) {
  const [preview, setPreview] = useState<string>();
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});

  async function choose() {
    const photo = await pickPhoto();
    if (!photo) return;
    setState({ busy: true });
    try {
      const key = await uploadPhoto(purpose, photo);
      setPreview(photo.path);
      onChange(key);
      setState({});
    } catch (err) {
      setState({ error: (err as Error).message });
    }
  }

  return (
    <View className="photo-field">
      {value && preview ? <Image className="photo-field__preview" src={preview} mode="aspectFit" /> : null}
      <Button className="btn btn--secondary photo-field__button" onClick={choose} disabled={state.busy}>
        {state.busy ? '正在上传…' : value ? '换一张' : buttonText}
      </Button>
      <Text className={state.error ? 'photo-field__error' : 'photo-field__status'}>
        {state.error ?? (value ? '已上传' : '')}
      </Text>
    </View>
  );
}
