import { render, screen } from '@testing-library/react';
import { FormField } from './index';

describe('FormField', () => {
  it('shows the hint under the field while there is no error', () => {
    render(<FormField label="身份证号" hint="性别和年龄会自动识别" required><span>input</span></FormField>);

    expect(screen.getByText('身份证号')).toBeTruthy();
    expect(screen.getByText('（必填）')).toBeTruthy();
    expect(screen.getByText('性别和年龄会自动识别')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts the error in place of the hint, announced as an alert, and marks the field', () => {
    const { container } = render(
      <FormField label="手机号码" hint="11位" error="请输入11位手机号码"><span>input</span></FormField>,
    );

    expect(screen.getByRole('alert').textContent).toBe('请输入11位手机号码');
    expect(screen.queryByText('11位')).toBeNull();
    expect(container.querySelector('.form-field--invalid')).not.toBeNull();
  });
});
