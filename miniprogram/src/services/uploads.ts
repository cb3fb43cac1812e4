// Photos (licences, evidence): pick one, ask the API for an upload form, post the file to it.
// wx.uploadFile and Taro's H5 uploadFile both send multipart/form-data, which is what S3's
// presigned POST and the local stage's stand-in accept.
import Taro from '@tarojs/taro';
import { createUpload, UPLOAD_MAX_BYTES, type UploadPurpose } from '@doorstep/shared';
import { ApiError, request } from './request';

export interface PickedPhoto {
  path: string;
  size: number;
  contentType: 'image/jpeg' | 'image/png';
}

export async function pickPhoto(): Promise<PickedPhoto | undefined> {
  let res: Taro.chooseImage.SuccessCallbackResult;
  try {
    res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return undefined; // the person cancelled
  }
  const file = res.tempFiles[0] as Taro.chooseImage.ImageFile & { originalFileObj?: { type?: string } };
  const type = file.originalFileObj?.type ?? file.type ?? file.path;
  return { path: file.path, size: file.size, contentType: /png/i.test(type ?? '') ? 'image/png' : 'image/jpeg' };
}

/** Where an upload form lives: S3 gives an absolute URL, the local stage a path under the API. */
export function absoluteUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`;
}

export async function uploadPhoto(purpose: UploadPurpose, photo: PickedPhoto): Promise<string> {
  if (photo.size > UPLOAD_MAX_BYTES) throw new ApiError(400, 'invalid_input', '图片不能超过5MB，请换一张或截图后再传');
  const { upload } = await request(createUpload, { body: { purpose, contentType: photo.contentType, size: photo.size } });
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({ url: absoluteUrl(upload.url), filePath: photo.path, name: 'file', formData: upload.fields });
  } catch {
    throw new ApiError(0, 'network', '图片上传失败，请检查网络后重试');
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw new ApiError(res.statusCode, 'upload_failed', '图片上传失败，请重新选择图片');
  return upload.key;
}
