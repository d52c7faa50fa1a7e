// A citizen's electronic account: a person of the record opens one from the
// login page (the particulars checked against the record, the code read
// from the SMS gateway's pickup folder), lands in their own book, then logs
// in again with the CCCD, the password and a fresh code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { accessible, launch, shot, URL } from './browser.mjs';

const OUTBOX = process.env.BHXH_OUTBOX;
const PHONE = '0912345678';
const PASSWORD = 'MatKhau@2026x';

let browser;
before(async () => {
  assert.ok(OUTBOX, 'BHXH_OUTBOX (the server\'s --outbox-dir) is required');
  browser = await launch();
});
after(async () => browser?.close());

// The code of the newest message to PHONE that is not one of `seen`.
async function codeFor(seen) {
  for (let i = 0; i < 60; i++) {
    const files = (await readdir(OUTBOX).catch(() => [])).filter((f) => /^\d+-sms\.txt$/.test(f) && !seen.has(f));
    files.sort((a, b) => parseInt(b) - parseInt(a));
    for (const f of files) {
      const [to, ...body] = (await readFile(`${OUTBOX}/${f}`, 'utf8')).split('\n');
      if (to !== PHONE) continue;
      seen.add(f);
      const m = /(\d{6})/.exec(body.join('\n'));
      if (m) return m[1];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('no code reached the outbox folder');
}

// A living person of the demo record who is not the demo citizen.
async function someone() {
  const r = await fetch(`${URL}/api/v1/persons?q=nguyen&limit=50`, { headers: { Authorization: 'Bearer demo-officer-token' } });
  assert.equal(r.status, 200);
  const { persons } = await r.json();
  const p = persons.find((x) => !x.deceased_on && x.cccd !== process.env.BHXH_DEMO_CCCD && /^\d{4}-\d{2}-\d{2}$/.test(x.dob));
  assert.ok(p, 'a person to enrol');
  return p;
}

test('a citizen opens an electronic account and logs in with a code', async () => {
  const p = await someone();
  const [y, m, d] = p.dob.split('-');
  const seen = new Set();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(URL + '/');
  await page.getByRole('button', { name: 'Đăng ký tài khoản giao dịch điện tử' }).click();
  await page.getByLabel('Số định danh cá nhân (CCCD)').fill(p.cccd);
  await page.getByLabel('Họ và tên').fill(p.full_name.toLocaleLowerCase('vi'));
  // A wrong birth date: refused, said plainly, nothing sent.
  await page.getByLabel('Ngày sinh').fill(`${d}/${m}/${Number(y) + 1}`);
  await page.getByLabel('Số điện thoại di động').fill('0912 345 678');
  await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
  await page.getByRole('alert').filter({ hasText: 'không khớp với cơ sở dữ liệu' }).waitFor();
  await accessible(page, 'the enrolment form');
  await page.getByLabel('Ngày sinh').fill(`${d}/${m}/${y}`);
  await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
  await page.getByText('091****678').waitFor();
  await shot(page, 'identity-code-phone');
  const code = await codeFor(seen);
  // A wrong code first: the tries left are said.
  await page.getByLabel('Mã xác thực').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Mở tài khoản' }).click();
  await page.getByText('còn 4 lần thử').waitFor();
  await page.getByLabel('Mã xác thực').fill(code);
  await page.getByRole('button', { name: 'Mở tài khoản' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  await page.getByText('Sổ BHXH của tôi').first().waitFor();
  await page.getByText(p.cccd).first().waitFor();
  await accessible(page, 'the new account\'s book');

  // Again, as on any later day: CCCD, password, a new code.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByLabel('Tên đăng nhập').fill(p.cccd);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Nhập mã xác thực' }).waitFor();
  await accessible(page, 'the second factor');
  await page.getByLabel('Mã xác thực').fill(await codeFor(seen));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Sổ BHXH của tôi').first().waitFor();
  await context.close();
});
