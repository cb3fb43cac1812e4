// Files the API hands over (the payout file, the figures' CSV, a copy of one's own data). H5: given to the browser as a
// download, with the BOM Excel needs to read UTF-8. The weapp cannot save a CSV: the pages that
// offer one say to use a computer.
import Taro from '@tarojs/taro';

export function saveCsv(fileName: string, content: string): void {
  if (process.env.TARO_ENV !== 'h5') {
    void Taro.showModal({ title: '请在电脑上导出', content: '小程序里不能保存表格文件，请在电脑浏览器中打开本系统后导出。', showCancel: false });
    return;
  }
  const blob = new Blob([`\uFEFF${content}`], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * A copy of the person's data to keep (我的数据). H5: a JSON download. Weapp: the file is written
 * to the mini-program's own storage and handed to WeChat's 发送给朋友/文件传输助手 sheet, from where
 * it can be saved or opened on a computer.
 */
export async function saveJson(fileName: string, data: unknown): Promise<void> {
  const content = JSON.stringify(data, null, 2);
  if (process.env.TARO_ENV === 'h5') {
    const blob = new Blob([content], { type: 'application/json;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, content, 'utf8');
  await Taro.shareFileMessage({ filePath, fileName });
}
