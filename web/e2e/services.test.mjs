// Public services: the desk officer sees the dossier due for an apology,
// apologises, returns another, and reads the slips and indicators; the
// citizen files a card exchange online, follows it and reads the receipt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, launch, open, shot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('an officer apologises for a dossier about to be late and prints its slip', async () => {
  const page = await open(browser, 'canbo');
  await page.getByRole('link', { name: 'Dịch vụ công' }).click();
  await page.getByText('Cần xin lỗi, hẹn lại', { exact: true }).click();
  const row = page.locator('tbody tr').filter({ hasText: 'Điều chỉnh thông tin' }).first();
  await row.waitFor({ timeout: 8000 });
  await row.click();
  await page.getByRole('table', { name: 'Quá trình giải quyết' }).waitFor();
  await accessible(page, 'a dossier with its steps');
  const due = page.getByLabel('Ngày hẹn mới');
  // A working day a week ahead (Monday to Friday).
  const d = new Date(Date.now() + 7 * 86400000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  await due.fill(d.toISOString().slice(0, 10));
  await page.getByLabel('Lý do chậm / từ chối').fill('Chờ xác minh quá trình công tác');
  await page.getByRole('button', { name: 'Xin lỗi, hẹn lại' }).click();
  await page.getByRole('button', { name: 'Xin lỗi, hẹn lại (Mẫu 04)' }).click();
  const slip = page.frameLocator('iframe[title="Phiếu in"]');
  await slip.getByText('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ').waitFor();
  await shot(page, 'services-apology');
  await page.getByRole('tab', { name: 'Chỉ số' }).click();
  await page.getByRole('table', { name: 'Chỉ số dịch vụ công' }).waitFor();
  assert.match(await page.getByRole('table', { name: 'Chỉ số dịch vụ công' }).innerText(), /Hồ sơ giải quyết đúng hạn/);
  await accessible(page, 'the service indicators');
  await page.getByRole('tab', { name: 'Thủ tục và lịch' }).click();
  await page.getByRole('table', { name: /Danh mục thủ tục hành chính/ }).waitFor();
  await page.context().close();
});

test('a citizen files a card exchange online and reads the receipt', async () => {
  const page = await open(browser, 'congdan');
  await page.getByRole('link', { name: 'Hồ sơ dịch vụ công' }).click();
  await page.getByRole('textbox', { name: 'Thủ tục' }).click();
  await page.getByRole('option', { name: /Đổi thẻ BHYT/ }).click();
  await page.getByLabel('Nơi đăng ký KCB ban đầu mới (mã 5 số)').fill('01003');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('table', { name: 'Quá trình giải quyết' }).waitFor();
  // Before the slip: axe cannot enter the slip's sandboxed frame (no scripts there).
  await accessible(page, 'the citizen\'s dossiers');
  await page.getByRole('button', { name: 'Giấy tiếp nhận, hẹn trả (Mẫu 01)' }).click();
  await page.frameLocator('iframe[title="Phiếu in"]').getByText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ').waitFor();
  await shot(page, 'citizen-dossier');
  await page.context().close();
});
