import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AreaPicker } from './index';
import { fakeLoadAreas } from '../../../test/areas';

describe('AreaPicker', () => {
  it('starts with the provinces and nothing below them', async () => {
    render(<AreaPicker value="" onChange={jest.fn()} loadAreas={fakeLoadAreas} />);

    await waitFor(() => expect(screen.getByText('请选择省份')).toBeTruthy());
    expect(screen.queryByText('城市')).toBeNull();
    expect(fakeLoadAreas).toHaveBeenCalledWith(undefined);
  });

  it('opens an existing registration with every level chosen', async () => {
    const { container } = render(<AreaPicker value="350102001001" onChange={jest.fn()} loadAreas={fakeLoadAreas} />);

    // The rows' chosen values (the picker wheels hold the same names, hidden).
    const chosen = () => Array.from(container.querySelectorAll('.choice-picker__value')).map((el) => el.textContent);
    await waitFor(() => expect(chosen()).toEqual(['福建省', '福州市', '鼓楼区', '鼓东街道', '中山社区']));
  });

  it('says plainly when a district has no community service yet', async () => {
    // Choosing is a picker gesture (covered by the browser test); start from a chain that runs
    // through 台江区, whose streets the dataset does not hold.
    render(<AreaPicker value="350103001001" onChange={jest.fn()} loadAreas={fakeLoadAreas} />);

    await waitFor(() => expect(screen.getByText(/暂未开通社区服务/)).toBeTruthy());
    expect(screen.getByText(/暂未开通社区服务/).textContent).toContain('福州市鼓楼区、北京市顺义区、合肥市蜀山区');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const failing = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue([]);
    render(<AreaPicker value="" onChange={jest.fn()} loadAreas={failing} />);

    await waitFor(() => expect(screen.getByText('点这里重试')).toBeTruthy());
    fireEvent.click(screen.getByText('点这里重试'));
    await waitFor(() => expect(failing).toHaveBeenCalledTimes(2));
  });
});
