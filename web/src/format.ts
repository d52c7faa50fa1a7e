// How the console writes numbers and dates: Vietnamese forms (1.234.567 đ,
// dd/mm/yyyy), whatever the browser's locale.
const num = new Intl.NumberFormat('vi-VN');

export function money(v: number | null | undefined): string {
  return v == null ? '—' : `${num.format(v)} đ`;
}
export function number(v: number | null | undefined, decimals = 0): string {
  if (v == null) return '—';
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
}
// "2025-07-01" → "01/07/2025"; "2025-07" → "07/2025"; timestamps in Vietnam's time.
export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}T/.test(iso)) {
    const d = new Date(iso);
    if (!isNaN(d.getTime()))
      return d.toLocaleString('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
      });
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return `${m[2]}/${m[1]}`;
  return iso;
}
// Today in Vietnam as YYYY-MM-DD.
export function today(): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
  return p.format(new Date());
}
export function thisMonth(): string {
  return today().slice(0, 7);
}

export const employerStatus: Record<string, string> = {
  active: 'Đang hoạt động', suspended: 'Tạm dừng', dissolved: 'Giải thể', bankrupt: 'Phá sản',
};
export const employerType: Record<string, string> = {
  enterprise: 'Doanh nghiệp', state_agency: 'Cơ quan nhà nước', cooperative: 'Hợp tác xã',
  household_business: 'Hộ kinh doanh', foreign_organisation: 'Tổ chức nước ngoài', other: 'Khác',
};
export const sex: Record<string, string> = { '1': 'Nam', '2': 'Nữ', '3': 'Chưa xác định' };
export const taskStatus: Record<string, string> = {
  not_started: 'Chưa bắt đầu', in_progress: 'Đang thực hiện', done: 'Hoàn thành', blocked: 'Vướng mắc',
};
export const indicatorStatus: Record<string, string> = {
  achieved: 'Đã đạt', on_track: 'Đúng lộ trình', behind: 'Chậm so với lộ trình', no_data: 'Chưa có số liệu',
  no_baseline: 'Chưa có mốc để so sánh',
};
export const classification: Record<string, string> = { none: 'Không nợ', late: 'Chậm đóng', evasion: 'Trốn đóng' };
export const fundName: Record<string, string> = {
  retirement: 'Hưu trí, tử tuất', sickness: 'Ốm đau, thai sản', accident: 'TNLĐ-BNN', unemployment: 'Thất nghiệp',
  health: 'Bảo hiểm y tế',
};
export const eligibilityCode: Record<string, string> = {
  '000': 'Thẻ hợp lệ', '001': 'Thẻ do BHXH Bộ Quốc phòng quản lý', '002': 'Thẻ do BHXH Bộ Công an quản lý',
  '003': 'Thẻ cũ hết giá trị sử dụng, đã được cấp thẻ mới', '004': 'Thẻ cũ còn giá trị sử dụng, đã được cấp thẻ mới',
  '010': 'Thẻ hết giá trị sử dụng hoặc chưa đến hạn', '050': 'Không có thông tin thẻ',
  '051': 'Mã thẻ không đúng', '052': 'Mã tỉnh trên thẻ không đúng', '053': 'Mã quyền lợi (mức hưởng) không đúng',
  '060': 'Họ tên không đúng', '061': 'Họ tên không đúng (đúng ký tự đầu)', '070': 'Ngày sinh không đúng',
  '110': 'Thẻ đã bị thu hồi', '120': 'Thẻ đã báo giảm (người có thẻ đã chết)',
  '121': 'Thẻ đã báo giảm, chuyển ngoại tỉnh', '122': 'Thẻ đã báo giảm, chuyển nội tỉnh',
  '123': 'Thẻ đã báo giảm do tăng lại cùng đơn vị', '124': 'Thẻ đã báo giảm, ngừng tham gia',
  '130': 'Trẻ em dưới 6 tuổi chưa có thẻ (được hưởng theo giấy khai sinh, CCCD)',
};
