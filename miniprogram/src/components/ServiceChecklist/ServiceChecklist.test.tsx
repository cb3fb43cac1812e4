import { fireEvent, render, screen } from '@testing-library/react';
import { ServiceChecklist } from './index';

describe('ServiceChecklist', () => {
  it('is folded until opened, then tells at once who can use the service and every document to bring', () => {
    render(<ServiceChecklist service="hardship_recognition" />);
    expect(screen.queryByText('□ 本人居民身份证（原件）')).toBeNull();
    fireEvent.click(screen.getByText('办「就业困难人员认定」要准备什么？'));
    expect(screen.getByText('· 已办理失业登记')).toBeTruthy();
    expect(screen.getByText('□ 本人居民身份证（原件）')).toBeTruthy();
    expect(screen.getByText('□ 残疾人证（申请「残疾人」的）')).toBeTruthy();
    fireEvent.click(screen.getByText('收起'));
    expect(screen.queryByText('□ 残疾人证（申请「残疾人」的）')).toBeNull();
  });
});
