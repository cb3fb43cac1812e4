// Files the API hands over (the payout file, the figures' CSV). H5: given to the browser as a
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
