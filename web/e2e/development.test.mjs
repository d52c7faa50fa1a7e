// Participant development: the officer reads the employers found by the
// tax cross-match, opens one with its evidence and records a follow-up,
// looks at a commune's potential participants, and imports a tax file (a
// wrong row refused with its line, then the corrected file).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, launch, open, shot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('an officer follows up an employer found by the tax cross-match', async () => {
  const page = await open(browser, 'canbo');
  await page.getByRole('link', { name: 'Phát triển người tham gia' }).click();
  const table = page.getByRole('table', { name: /Đơn vị xếp theo số tiền phải đóng/ });
  await table.waitFor({ timeout: 8000 });
  await page.getByText(/đơn vị chưa đăng ký tham gia, .* đơn vị đóng thiếu/).waitFor();
  const unregistered = table.locator('tbody tr').filter({ hasText: 'Chưa đăng ký tham gia' }).filter({ hasText: 'Thương mại Dịch vụ' }).first();
  await unregistered.click();
  const detail = page.getByRole('region', { name: 'Chi tiết đơn vị' });
  await detail.getByText(/quá hạn .* ngày, quá hạn hơn 60 ngày \(trốn đóng\)/).waitFor();
  await detail.getByLabel('Ghi chú').fill('Đã gọi điện, hẹn đơn vị đăng ký trong tháng');
  await detail.getByRole('button', { name: 'Ghi kết quả theo dõi' }).click();
  const history = detail.getByRole('table', { name: 'Lịch sử theo dõi' });
  await history.waitFor();
  assert.match(await history.innerText(), /Đã liên hệ[\s\S]*Đã gọi điện/);
  await accessible(page, 'the cross-match list and one employer');
  await shot(page, 'development-findings');

  // An under-declared employer lists the people paid for tax and not insured.
  const select = page.getByRole('textbox', { name: 'Loại' });
  await select.click();
  await page.getByRole('option', { name: 'Đóng thiếu người, thiếu lương' }).click();
  await table.locator('tbody tr').first().waitFor();
  const withPeople = table.locator('tbody tr').filter({ hasNotText: /\s0\s/ }).filter({ hasText: 'Đóng thiếu' });
  await withPeople.first().click();
  await detail.getByText(/Lao động theo thuế \/ đóng BHXH/).waitFor();

  await page.getByRole('tab', { name: 'Theo xã, phường' }).click();
  const communes = page.getByRole('table', { name: /Theo xã, phường/ });
  await communes.locator('tbody tr').first().waitFor();
  await communes.locator('tbody tr').first().click();
  const people = page.getByRole('region', { name: 'Danh sách người của xã' });
  await people.getByText(/\d+ người/).first().waitFor();
  await accessible(page, 'coverage by commune');
  await shot(page, 'development-communes');
  await page.context().close();
});

test('a tax file with a wrong row is refused with its line, the corrected one is imported once', async () => {
  const page = await open(browser, 'canbo');
  await page.getByRole('link', { name: 'Phát triển người tham gia' }).click();
  await page.getByRole('tab', { name: 'Nhập dữ liệu thuế, đăng ký kinh doanh' }).click();
  const send = async (text) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp' }).click();
    await (await chooser).setFiles({ name: 'thue.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
  };
  await send('Mã số thuế;Số lao động;Tổng quỹ lương\n0177777701;3;360.000.000\n01777777;2;1\n');
  await page.getByRole('alert').getByText(/Mã số thuế gồm 10 chữ số/).waitFor();
  await send('Mã số thuế;Số lao động;Tổng quỹ lương\n0177777701;3;360.000.000\n');
  await page.getByText('Đã nhập 1 dòng.').waitFor();
  await send('Mã số thuế;Số lao động;Tổng quỹ lương\n0177777701;3;360.000.000\n');
  await page.getByText('Tệp này đã được nhập trước đó, dữ liệu không đổi.').waitFor();
  await accessible(page, 'importing tax data');
  await page.context().close();
});

test('a commune officer sees only their commune and its people', async () => {
  const page = await open(browser, 'canboxa', { width: 390, height: 844 });
  await page.getByRole('heading', { name: /Phát triển người tham gia — xã \d+/ }).waitFor();
  const commune = (await page.getByRole('heading', { name: /Phát triển người tham gia — xã/ }).innerText()).match(/xã (\d+)/)[1];
  const communes = page.getByRole('table', { name: /Theo xã, phường/ });
  await communes.locator('tbody tr').first().waitFor();
  assert.equal(await communes.locator('tbody tr').count(), 1, 'one commune, their own');
  assert.match(await communes.locator('tbody tr').first().innerText(), new RegExp(commune));
  await communes.locator('tbody tr').first().click();
  await page.getByRole('region', { name: 'Danh sách người của xã' }).getByText(/\d+ người/).first().waitFor();
  // No tab of the province's employers, no import: not this account's work.
  assert.equal(await page.getByRole('tab').count(), 0);
  await accessible(page, 'the commune officer\'s coverage');
  await shot(page, 'development-commune-officer-phone');
  await page.context().close();
});
