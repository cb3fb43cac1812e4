// Choosing a spreadsheet in the weapp: street staff receive their ledgers as files in WeChat chats,
// so the chooser is WeChat's 从聊天记录选择文件; the file is read from its temporary path as base64.
import Taro from '@tarojs/taro';
import type { PickedFile } from './pickFile';

export type { PickedFile } from './pickFile';

export async function pickSpreadsheet(): Promise<PickedFile | undefined> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
  } catch {
    return undefined; // closed without choosing
  }
  const file = chosen.tempFiles[0];
  if (!file) return undefined;
  const contentBase64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
  return { fileName: file.name, contentBase64 };
}
