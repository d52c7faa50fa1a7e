// The inspector and the auditor: the risk ranking with each score's
// factors, an inspection concluded by another than the one who recorded its
// finding, the audit chain verified, and the auditor refused a write.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, launch, open, shot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('an inspector ranks employers by risk and reads why', async () => {
  const page = await open(browser, 'thanhtra');
  await page.getByRole('link', { name: 'Thanh tra, hậu kiểm' }).click();
  await page.getByRole('table', { name: 'Xếp hạng rủi ro' }).waitFor();
  const first = page.getByRole('table', { name: 'Xếp hạng rủi ro' }).locator('tbody tr').first();
  await first.click();
  await page.getByText(/điểm — Nợ \d+ tháng/).first().waitFor();
  assert.match(await first.innerText(), /Thanh tra đột xuất/);
  await accessible(page, 'the risk ranking');
  await shot(page, 'inspector-risk');
  await page.getByRole('tab', { name: 'Hậu kiểm giao dịch' }).click();
  await page.getByRole('button', { name: 'Chọn mẫu' }).click();
  await page.getByText(/Mẫu tái lập được/).waitFor();
  await accessible(page, 'a post-audit sample');
  await page.context().close();
});

test('an officer concludes the inspection another recorded, and the chain verifies', async () => {
  const page = await open(browser, 'lanhdao');
  await page.getByRole('link', { name: 'Thanh tra, hậu kiểm' }).click();
  await page.getByRole('tab', { name: 'Cuộc thanh tra' }).click();
  await page.getByText('25/QĐ-BHXH-TTr').click();
  await page.getByRole('button', { name: 'Kết luận thanh tra' }).click();
  await page.getByText(/Đã kết luận, đang thu hồi|Đã thu hồi đủ/).first().waitFor();
  await page.getByRole('link', { name: 'Kiểm soát' }).click();
  await page.getByRole('button', { name: 'Kiểm tra toàn bộ nhật ký' }).click();
  await page.getByText('Chuỗi nhật ký nguyên vẹn').waitFor();
  await accessible(page, 'the audit verification');
  await shot(page, 'control-audit');
  await page.getByRole('tab', { name: 'Chuyển đổi vị trí' }).click();
  await page.getByText('Quá hạn').first().waitFor();
  await page.getByRole('tab', { name: 'Khiếu nại, tố cáo' }).click();
  await page.getByText('Chậm giải quyết trợ cấp thai sản').waitFor();
  await page.context().close();
});

test('the auditor reads but cannot seal', async () => {
  const page = await open(browser, 'kiemtoan');
  await page.getByRole('link', { name: 'Kiểm soát' }).click();
  await page.getByRole('button', { name: 'Niêm phong hôm nay' }).click();
  await page.getByText(/không có quyền/i).first().waitFor();
  await page.context().close();
});
