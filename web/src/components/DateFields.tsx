// Date and month inputs that read and write dd/mm/yyyy and mm/yyyy whatever
// the browser's language (the native type=date follows the OS locale, which
// on an English machine shows mm/dd/yyyy). The value handed back is ISO
// (YYYY-MM-DD / YYYY-MM), or '' while the text is empty or incomplete.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (iso: string) => void };

function isoToDay(iso: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
function isoToMonth(iso: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[1]}` : '';
}
function validDay(y: number, mo: number, d: number) {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function useTextField(value: string, toText: (iso: string) => string, parse: (t: string) => string | null) {
  const [text, setText] = useState(toText(value));
  useEffect(() => {
    // Follow the parent's value unless the person is mid-typing the same date.
    if (parse(text) !== value) setText(toText(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return [text, setText] as const;
}

export function parseDayText(t: string): string | null {
  const s = t.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const d = +m[1], mo = +m[2], y = +m[3];
  if (!validDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
export function parseMonthText(t: string): string | null {
  const s = t.trim();
  if (s === '') return '';
  const m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m || +m[1] < 1 || +m[1] > 12) return null;
  return `${m[2]}-${m[1].padStart(2, '0')}`;
}

// One text field for a date form: the text shown for the ISO value, the
// parse back, when a text that does not parse is flagged (not mid-typing).
type Form = {
  toText: (iso: string) => string;
  parse: (t: string) => string | null;
  invalid: (t: string) => boolean;
  placeholder: string;
  message: string;
  description?: string;
};

function DateText({ value, onChange, error, spec: form, ...rest }: Props & { spec: Form }) {
  const [text, setText] = useTextField(value, form.toText, form.parse);
  return (
    <TextInput
      placeholder={form.placeholder}
      description={form.description}
      inputMode="numeric"
      {...rest}
      value={text}
      error={error || (form.parse(text) === null && form.invalid(text) ? form.message : undefined)}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const iso = form.parse(t);
        if (iso !== null) onChange(iso);
      }}
    />
  );
}

const dayForm: Form = {
  toText: isoToDay,
  parse: parseDayText,
  invalid: (t) => t.length >= 8,
  placeholder: 'dd/mm/yyyy',
  message: 'Ngày không hợp lệ (dd/mm/yyyy)',
};
const monthForm: Form = {
  toText: isoToMonth,
  parse: parseMonthText,
  invalid: (t) => t.length >= 6,
  placeholder: 'mm/yyyy',
  message: 'Tháng không hợp lệ (mm/yyyy)',
};

export function DayField(props: Props) {
  return <DateText {...props} spec={dayForm} />;
}

export function MonthField(props: Props) {
  return <DateText {...props} spec={monthForm} />;
}

// A birth date as the record may hold it: the day (dd/mm/yyyy), only the
// month (mm/yyyy) or only the year (yyyy) — many older people's papers give
// only the year. ISO back: YYYY-MM-DD, YYYY-MM or YYYY.
function isoToBirth(iso: string) {
  return isoToDay(iso) || isoToMonth(iso) || (/^\d{4}$/.test(iso) ? iso : '');
}
export function parseBirthText(t: string): string | null {
  const s = t.trim();
  if (/^\d{4}$/.test(s)) return s;
  const day = parseDayText(s);
  return day !== null ? day : parseMonthText(s);
}

// Flagged once it cannot be the start of a date any more (mid-typing
// "02/03/19" is neither form yet).
const birthForm: Form = {
  toText: isoToBirth,
  parse: parseBirthText,
  invalid: (t) => t.length >= 10 || /[^\d/.\- ]/.test(t),
  placeholder: 'dd/mm/yyyy',
  message: 'Ngày sinh không hợp lệ (dd/mm/yyyy, mm/yyyy hoặc yyyy)',
  description: 'Hoặc mm/yyyy, yyyy nếu giấy tờ chỉ ghi tháng, năm sinh',
};

export function BirthField(props: Props) {
  return <DateText {...props} spec={birthForm} />;
}
