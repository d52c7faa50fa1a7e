// Shared by the end-to-end tests: Debian's Chromium through playwright-core,
// a login per role, the accessibility check (axe-core: no serious or
// critical violation), and screenshots for the documentation.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';

export const URL = process.env.BHXH_URL;
export const PASSWORD = 'Demo@2026bhxh';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

export async function open(browser, user, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(URL + '/');
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}

export async function accessible(page, what) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`), [],
                   `accessibility of ${what}`);
}

export async function shot(page, name) {
  if (process.env.BHXH_SHOTS) await page.screenshot({ path: `${process.env.BHXH_SHOTS}/${name}.png`, fullPage: false });
}
