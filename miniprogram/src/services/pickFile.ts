// Choosing a spreadsheet to send (a street's ledger): H5 opens the browser's file chooser and reads
// the file as base64. The weapp build uses pickFile.weapp.ts (a file from a WeChat chat).
export interface PickedFile {
  fileName: string;
  contentBase64: string;
}

/** Resolves with the chosen file, or undefined when the person closed the chooser. */
export function pickSpreadsheet(): Promise<PickedFile | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.style.display = 'none';
    document.body.appendChild(input);
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(undefined);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(undefined);
      const reader = new FileReader();
      reader.onerror = () => reject(new Error('无法读取这个文件，请重新选择'));
      reader.onload = () => resolve({ fileName: file.name, contentBase64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.readAsDataURL(file);
    });
    input.click();
  });
}
