// An employer, a facility and a citizen: each role's main path, each
// screen checked for accessibility, and a role refused another's page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, launch, open, shot, URL } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test('an employer declares: a bad row is shown with its field, then the fixed declaration is accepted', async () => {
  const page = await open(browser, 'donvi');
  await page.getByRole('link', { name: 'Kê khai' }).click();
  await page.getByLabel('CCCD dòng 1').fill('12345');  // not 12 digits
  await page.getByLabel('Tiền lương dòng 1').fill('9000000');
  await page.getByLabel('Họ tên dòng 1').fill('Trần Thị Mai');
  await page.getByLabel('Ngày sinh dòng 1').fill('05/04/1990');
  await page.getByRole('button', { name: 'Nộp tờ khai' }).click();
  await page.locator('tr[data-row="1"][data-error="true"]').waitFor();
  await page.getByText('Tờ khai không được chấp nhận').waitFor();
  const err = await page.locator('tr[data-row="1"]').innerText();
  assert.match(err, /12 chữ số/);
  await accessible(page, 'a refused declaration');
  await shot(page, 'employer-declaration-error');
  await page.getByLabel('CCCD dòng 1').fill('001190045678');
  await page.getByRole('textbox', { name: 'Giới tính dòng 1' }).click();
  await page.getByRole('option', { name: 'Nữ' }).click();
  await page.getByRole('button', { name: 'Nộp tờ khai' }).click();
  await page.getByText(/Đã ghi tờ khai số \d+: 1 tăng/).waitFor();
  await page.getByRole('link', { name: 'Đối chiếu' }).click();
  await page.getByText('Phải đóng và đã đóng theo tháng').waitFor();
  await accessible(page, 'the employer\'s statement');
  await shot(page, 'employer-statement');
  await page.getByRole('tab', { name: 'Thông báo C12-TS' }).click();
  // This month's notice: the demo's late raise from 09/2026 (init --demo)
  // is an adjustment of earlier months, B.4, recorded now.
  await page.getByRole('table', { name: 'Thông báo C12-TS' }).waitFor();
  const now = await page.getByRole('table', { name: 'Thông báo C12-TS' }).innerText();
  assert.match(now, /B\.4\.1 Điều chỉnh tăng kỳ trước/);
  assert.match(now, /tháng 09\/2026 \(lao động \d+ → \d+\)/);
  await page.getByLabel('Tháng của thông báo C12-TS').fill('2026-10');
  await page.getByRole('table', { name: 'Thông báo C12-TS' }).waitFor();
  assert.match(await page.getByRole('table', { name: 'Thông báo C12-TS' }).innerText(), /Chuyển kỳ sau/);
  await accessible(page, 'the C12-TS notice');
  await shot(page, 'employer-c12');
  // The printable notice in the administrative layout (Decree 30/2020), after the
  // accessibility check: axe waits forever on a sandboxed frame.
  await page.getByRole('button', { name: 'Bản in' }).click();
  const printed = page.locator('iframe[title="Thông báo C12-TS, bản in"]');
  await printed.waitFor();
  const printedHtml = await printed.getAttribute('srcdoc');
  assert.match(printedHtml, /THÔNG BÁO KẾT QUẢ ĐÓNG BHXH, BHYT, BHTN, BHTNLĐ-BNN THÁNG 10\/2026/);
  assert.match(printedHtml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  await page.goto(URL + '/persons');
  await page.getByText('Không có quyền truy cập').waitFor();
  await page.context().close();
});

test('a facility checks a card and sends an envelope with a planted defect', async () => {
  const page = await open(browser, 'cosokcb');
  await page.getByLabel('CCCD, mã số BHXH hoặc mã thẻ').fill(process.env.BHXH_DEMO_CCCD);
  await page.getByLabel('Ngày khám').fill('20/11/2026');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByTestId('eligibility-answer').waitFor();
  const answer = await page.getByTestId('eligibility-answer').innerText();
  assert.match(answer, /Mã kết quả 000/);
  await accessible(page, 'the card check');
  await shot(page, 'facility-card-check');
  await page.getByRole('link', { name: 'Gửi hồ sơ XML 130' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp XML' }).click();
  await (await chooser).setFiles(process.env.BHXH_E2E_ENVELOPE);
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await page.locator('[data-ma-lk]').first().waitFor();
  await page.getByText(/Xuất toán/).first().waitFor();
  await page.locator('[data-ma-lk]').nth(2).getByRole('button').click();
  await page.getByText('ARITH-LINE-BV').first().waitFor();
  await accessible(page, 'a submission\'s review');
  await shot(page, 'facility-submission');
  await page.goto(URL + '/employers');
  await page.getByText('Không có quyền truy cập').waitFor();
  await page.context().close();
});

test('a citizen reads the book on a phone-sized screen', async () => {
  const page = await open(browser, 'congdan', { width: 390, height: 844 });
  await page.getByText('Sổ BHXH của tôi').first().waitFor();
  await page.getByText('Thẻ bảo hiểm y tế').waitFor();
  await page.getByText('Quá trình tham gia').waitFor();
  // The monthly notice of last month: what was due by fund, and the print.
  await page.getByRole('heading', { name: 'Thông báo hằng tháng' }).waitFor();
  await page.getByText(/Lập ngày \d{2}\/\d{2}\/\d{4} — căn cứ Luật 41\/2024\/QH15, Điều 10\.1\.c/).waitFor();
  await page.getByRole('table', { name: /Số phải đóng tháng/ }).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
  await accessible(page, 'the citizen\'s book');
  await shot(page, 'citizen-book-phone');
  await page.getByRole('button', { name: 'Bản in' }).click();
  await page.frameLocator('iframe[title="Thông báo hằng tháng, bản in"]').getByText(/THÔNG BÁO TÌNH HÌNH ĐÓNG BHXH, BHYT, BHTN THÁNG/).waitFor();
  await page.goto(URL + '/programmes');
  await page.getByText('Không có quyền truy cập').waitFor();
  await page.context().close();
});

test('a citizen tries the benefit calculator: the amount, the steps, an error beside its field', async () => {
  const page = await open(browser, 'congdan', { width: 390, height: 844 });
  await page.goto(URL + '/calculator');
  await page.getByLabel('Từ tháng, dòng 1').fill('01/1975');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText('đủ 13 tuổi', { exact: false }).first().waitFor();
  // Beside the row it names: the API counts rows from 1, as the form does.
  await page.locator('[data-row="1"]').getByText('đủ 13 tuổi', { exact: false }).waitFor();
  await page.getByLabel('Từ tháng, dòng 1').fill('01/2000');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText('Lương hưu hằng tháng').first().waitFor();
  await page.getByText('Cách tính').waitFor();
  await page.getByText(/45% cho 15 năm/).waitFor();
  // A man's maternity benefit is his leave when his wife gives birth.
  await page.getByRole('textbox', { name: 'Chế độ' }).click();
  await page.getByRole('option', { name: 'Thai sản' }).click();
  await page.getByRole('textbox', { name: 'Giới tính' }).click();
  await page.getByRole('option', { name: 'Nam' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Trường hợp' }).inputValue(), 'Lao động nam khi vợ sinh con');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText('Trợ cấp thai sản của lao động nam').first().waitFor();
  // His wife not insured or not qualifying: the birth grant is his.
  await page.getByLabel('Vợ không tham gia BHXH hoặc không đủ điều kiện hưởng chế độ thai sản').check();
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText(/Vợ không đủ điều kiện hưởng chế độ thai sản: cha được trợ cấp một lần/).first().waitFor();
  await page.getByRole('textbox', { name: 'Chế độ' }).click();
  await page.getByRole('option', { name: 'Hưu trí (lương hưu)' }).click();
  await accessible(page, 'the benefit calculator');
  // Her own record fills the form: the paid months by employer, the months
  // after the last collection assumed to go on (the box is ticked).
  await page.getByRole('button', { name: 'Lấy quá trình đóng từ sổ BHXH' }).click();
  await page.getByTestId('record-note').waitFor();
  assert.match(await page.getByTestId('record-note').innerText(), /tính đến hết tháng 10\/2026: \d+ dòng, có dòng giả định tiếp tục đóng/);
  await page.getByText(/^Nguồn: đơn vị /).first().waitFor();
  await page.getByText('Nguồn: giả định tiếp tục đóng với tiền lương tháng cuối').waitFor();
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText('Cách tính').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the calculator is ${overflow}px wider than the phone`);
  await accessible(page, 'the calculator filled from the record');
  await shot(page, 'citizen-calculator-phone');
  await page.context().close();
});

// A benefit year whose revaluation table the data does not hold (2022):
// the calculator says so, lays out a row per contribution year, and the
// coefficients typed from the circular give the amount, marked as given.
// The calculator on a desktop, set to a regime (`regime`: its name in the
// list; `dateLabel`: what its event date is called) on `date`, with one row
// of contributions.
async function calculatorFor(regime, dateLabel, date, from, to, salary) {
  const page = await open(browser, 'congdan', { width: 1280, height: 900 });
  await page.goto(URL + '/calculator');
  await page.getByRole('textbox', { name: 'Chế độ' }).click();
  await page.getByRole('option', { name: regime }).click();
  await page.getByLabel(dateLabel).fill(date);
  await page.getByLabel('Từ tháng, dòng 1').fill(from);
  await page.getByLabel('Đến tháng, dòng 1').fill(to);
  if (salary) await page.getByLabel('Tiền lương, dòng 1').fill(salary);
  return page;
}
const oneTimeCalculator = (date, from, to, salary) =>
  calculatorFor('BHXH một lần', 'Ngày đề nghị', date, from, to, salary);

test('the calculator takes a circular\'s coefficients for a year the data lacks', async () => {
  const page = await oneTimeCalculator('01/06/2022', '01/2011', '12/2012', '4.000.000');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByTestId('revaluation').waitFor();
  await page.getByRole('button', { name: 'Lập các dòng theo năm đóng' }).click();
  await page.getByLabel('Hệ số năm 2011').fill('1,6');
  await page.getByLabel('Hệ số năm 2012').fill('1,5');
  await page.getByRole('button', { name: 'Tính' }).click();
  // (12 × 4.000.000 × 1,6 + 12 × 4.000.000 × 1,5) / 24 = 6.200.000; two
  // years before 2014 at 1,5 months each: 18.600.000.
  await page.getByRole('table', { name: 'Các khoản được hưởng' }).getByText('18.600.000').waitFor();
  await page.getByText(/hệ số ghi trong yêu cầu/).first().waitFor();
  await accessible(page, 'the calculator with coefficients typed in');
  await shot(page, 'calculator-given-coefficients');
  await page.context().close();
});

// A pensioner settling abroad (41/2024 Art.76.2): 1996-2013 is 18 years ×
// 1,5 months, 2014-2021 is 8 years × 2 months = 43 months of her pension,
// less 0,5 for each of the 50 months drawn = 18 × 6.000.000 = 108.000.000.
test('a pensioner settling abroad is paid in months of her pension', async () => {
  const page = await oneTimeCalculator('10/03/2026', '01/1996', '12/2021');
  await page.getByRole('textbox', { name: 'Lý do' }).click();
  await page.getByRole('option', { name: 'Ra nước ngoài định cư' }).click();
  await page.getByLabel('Lương hưu đang hưởng (nếu có)').fill('6.000.000');
  await page.getByLabel('Số tháng đã hưởng lương hưu').fill('50');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByRole('table', { name: 'Các khoản được hưởng' }).getByText('108.000.000').waitFor();
  await page.getByText(/trừ 0,5 × 50 tháng đã hưởng/).first().waitFor();
  await accessible(page, 'the calculator for a pensioner settling abroad');
  await page.context().close();
});

// A mother who left work for infertility treatment (41/2024 Art.50.5): eight
// months paid in 2024 and none in the year before the birth on 10/04/2026.
// Without the box she is not eligible (6 of 12 needed); with it, 8 of the 24
// months count: 6 × 8.000.000 = 48.000.000, and the grant 2 × 2.340.000.
test('a mother treated for infertility counts six of twenty-four months', async () => {
  const page = await calculatorFor('Thai sản', 'Ngày sinh con', '10/04/2026', '05/2024', '12/2024');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText('Chưa đủ điều kiện hưởng').waitFor();
  await page.getByLabel('Nghỉ việc để điều trị vô sinh (từ 01/7/2025)').check();
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText('Đủ điều kiện hưởng', { exact: true }).waitFor();
  const amounts = page.getByRole('table', { name: 'Các khoản được hưởng' });
  await amounts.getByText('48.000.000').waitFor();
  await amounts.getByText('4.680.000').waitFor();
  await page.getByText(/8 tháng trong 24 tháng \(cần 6\)/).first().waitFor();
  await accessible(page, 'the calculator for a birth after infertility treatment');
  await page.context().close();
});

// Twins born on 10/03/2022 under the 2014 law, one dying two days later
// (Circular 59/2015 Art.10.3): the leave counts both, 7 × 6.000.000 =
// 42.000.000, and so does the grant, 2 × 2 × 1.490.000 (the ministry's
// letter 3432/LĐTBXH-BHXH, item 2.a). Both dead: the leave of Art.34.3
// from the last death (Circular 59/2015 Art.10.3), 4 × 6.000.000, and the
// grant all the same.
test('twins of whom one died: the leave counts both', async () => {
  const page = await calculatorFor('Thai sản', 'Ngày sinh con', '10/03/2022', '01/2021', '02/2022', '6.000.000');
  await page.getByLabel('Số con', { exact: true }).fill('2');
  await page.getByLabel('Con chết sau khi sinh').check();
  await page.getByLabel('Ngày con chết').fill('12/03/2022');
  await page.getByRole('button', { name: 'Tính' }).click();
  const amounts = page.getByRole('table', { name: 'Các khoản được hưởng' });
  await amounts.getByText('42.000.000').waitFor();
  await amounts.getByText('5.960.000').waitFor();
  await page.getByText(/tính theo số con được sinh ra, kể cả con đã chết/).first().waitFor();
  await page.getByLabel('Số con đã chết').fill('2');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText(/các con đều chết/).first().waitFor();
  await amounts.getByText('5.960.000').waitFor();
  await amounts.getByText('24.000.000').waitFor();
  // Her convalescence after the birth: 5 days at most a calendar year
  // (the letter, item 2.e), 3 already taken: 2 × 30% × 1.490.000 = 894.000.
  await page.getByRole('textbox', { name: 'Trường hợp' }).click();
  await page.getByRole('option', { name: 'Dưỡng sức sau thai sản' }).click();
  await page.getByLabel('Số con', { exact: true }).fill('1');
  await page.getByLabel('Số ngày dưỡng sức', { exact: true }).fill('5');
  await page.getByLabel('Số ngày đã nghỉ dưỡng sức trong năm').fill('3');
  await page.getByRole('button', { name: 'Tính' }).click();
  await amounts.getByText('894.000').waitFor();
  await page.getByText(/tối đa 5 ngày trong năm 2022, đã nghỉ 3/).first().waitFor();
  await accessible(page, 'the calculator for twins of whom one died');
  await page.context().close();
});

// A surrogate mother (41/2024 Art.54.3.a) on 8.000.000: without the date
// the child was handed over, the field says so; handed over 15 days after
// the birth, she is paid the 60 days' minimum, 8.000.000 / 30 × 60 =
// 16.000.000, and the birth grant 2 × 2.340.000.
test('a surrogate mother is paid at least sixty days', async () => {
  const page = await calculatorFor('Thai sản', 'Ngày sinh con', '10/08/2025', '01/2025', '07/2025');
  await page.getByRole('textbox', { name: 'Trường hợp' }).click();
  await page.getByRole('option', { name: 'Mang thai hộ: người mang thai hộ sinh con' }).click();
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText(/Cần ngày giao đứa trẻ/).first().waitFor();
  await page.getByLabel('Ngày giao đứa trẻ cho bên nhờ mang thai hộ').fill('25/08/2025');
  await page.getByRole('button', { name: 'Tính' }).click();
  const amounts = page.getByRole('table', { name: 'Các khoản được hưởng' });
  await amounts.getByText('16.000.000').waitFor();
  await amounts.getByText('4.680.000').waitFor();
  await page.getByText(/chưa đủ 60 ngày: hưởng đủ 60 ngày/).first().waitFor();
  await accessible(page, 'the calculator for a surrogate mother');
  await page.context().close();
});

test('a survivor\'s family is judged relative by relative', async () => {
  const page = await calculatorFor('Tử tuất', 'Ngày chết', '10/03/2026', '01/2005', '02/2026', '8.000.000');
  await page.getByRole('textbox', { name: 'Trường hợp' }).click();
  await page.getByRole('option', { name: 'Trợ cấp tuất hằng tháng' }).click();
  await page.getByLabel('Kê từng thân nhân để hệ thống xét điều kiện').check();
  await page.getByLabel('Ngày sinh, thân nhân 1').fill('20/05/2012');
  await page.getByRole('button', { name: 'Thêm thân nhân' }).click();
  await page.getByRole('textbox', { name: 'Quan hệ, thân nhân 2' }).click();
  await page.getByRole('option', { name: 'Cha đẻ, mẹ đẻ' }).click();
  await page.getByRole('textbox', { name: 'Giới tính, thân nhân 2' }).click();
  await page.getByRole('option', { name: 'Nam', exact: true }).click();
  await page.getByLabel('Ngày sinh, thân nhân 2').fill('1948');
  await page.locator('[data-relative="2"]').getByLabel('Không có người trực tiếp nuôi dưỡng').check();
  await page.getByRole('button', { name: 'Tính' }).click();
  // A son of 13 at 50% and a father of 78 with no carer at 70% of the
  // reference level 2.340.000: 1.170.000 + 1.638.000.
  const amounts = page.getByRole('table', { name: 'Các khoản được hưởng' });
  await amounts.getByText('2.808.000').waitFor();
  await page.getByText(/Đủ điều kiện: 2\/2 người/).first().waitFor();
  // The son turns 18 on 20/05/2030 and is paid through the month before,
  // 04/2030 (04/2026-04/2030, 49 months; the ministry's letter
  // 3432/LĐTBXH-BHXH, item 4.a); from 05/2030 the father alone: 1.638.000.
  await amounts.getByRole('row', { name: /2\.808\.000.*từ 04\/2026, 49 tháng/ }).waitFor();
  await amounts.getByRole('row', { name: /1\.638\.000.*từ 05\/2030/ }).waitFor();
  // A father already paid from two other deaths has his two rates
  // (58/2014 Art.68.2, 41/2024 Art.87.2): nothing more from this one.
  const others = page.getByLabel('Số người chết khác đang hưởng tuất, thân nhân 2');
  await others.fill('2');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText(/đã đủ 2 lần mức trợ cấp — không đủ điều kiện/).first().waitFor();
  await amounts.getByRole('row', { name: /1\.170\.000.*từ 04\/2026, 49 tháng/ }).waitFor();
  await others.fill('');
  // Under the 2024 law the family may take the lump sum instead
  // (Art.88.2.c names no exception): the choice is a step of the answer.
  await page.getByRole('textbox', { name: 'Trường hợp' }).click();
  await page.getByRole('option', { name: 'Trợ cấp tuất một lần' }).click();
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByText(/2 thân nhân đủ điều kiện hưởng tuất hằng tháng chọn hưởng trợ cấp tuất một lần/).waitFor();
  await page.getByRole('textbox', { name: 'Trường hợp' }).click();
  await page.getByRole('option', { name: 'Trợ cấp tuất hằng tháng' }).click();
  // A wife entered without her sex: the engine names the field.
  await page.getByRole('button', { name: 'Thêm thân nhân' }).click();
  await page.getByRole('textbox', { name: 'Quan hệ, thân nhân 3' }).click();
  await page.getByRole('option', { name: 'Vợ hoặc chồng', exact: true }).click();
  await page.getByLabel('Ngày sinh, thân nhân 3').fill('1980');
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.locator('[data-relative="3"]').getByText(/Cần giới tính của thân nhân/).waitFor();
  await accessible(page, 'the calculator with a survivor\'s family');
  await shot(page, 'calculator-survivor-relatives');
  await page.context().close();
});

test('the survivors of one who drew an occupational allowance', async () => {
  // Eight years of contributions, then a monthly occupational allowance of
  // 3.000.000 for a 65% loss; he had taken the one-time SI. His survivors'
  // lump sum is 3 months of the allowance (41/2024 Art.89.3): 9.000.000.
  const page = await calculatorFor('Tử tuất', 'Ngày chết', '10/03/2026', '01/2010', '12/2017', '6.000.000');
  await page.getByLabel('Trợ cấp TNLĐ-BNN hằng tháng người chết đang hưởng (đồng)').fill('3.000.000');
  await page.getByLabel('Tỷ lệ suy giảm KNLĐ của người chết (%)').fill('65');
  await page.getByLabel('Người chết đã hưởng BHXH một lần').check();
  await page.getByRole('button', { name: 'Tính' }).click();
  await page.getByRole('table', { name: 'Các khoản được hưởng' }).getByText('9.000.000').waitFor();
  await page.getByText(/đã hưởng BHXH một lần: 3 tháng × 3\.000\.000 đồng/).waitFor();
  await accessible(page, 'the calculator with an occupational allowance');
  await page.context().close();
});

test('a wrong password is refused and says so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL + '/');
  await page.getByLabel('Tên đăng nhập').fill('canbo');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau-roi');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();
  await accessible(page, 'the login page');
  await shot(page, 'login');
  await context.close();
});
