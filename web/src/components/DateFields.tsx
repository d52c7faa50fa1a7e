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

export function DayField({ value, onChange, error, ...rest }: Props) {
  const [text, setText] = useTextField(value, isoToDay, parseDayText);
  const parsed = parseDayText(text);
  return (
    <TextInput
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      {...rest}
      value={text}
      error={error || (parsed === null && text.length >= 8 ? 'Ngày không hợp lệ (dd/mm/yyyy)' : undefined)}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const iso = parseDayText(t);
        if (iso !== null) onChange(iso);
      }}
    />
  );
}

export function MonthField({ value, onChange, error, ...rest }: Props) {
  const [text, setText] = useTextField(value, isoToMonth, parseMonthText);
  const parsed = parseMonthText(text);
  return (
    <TextInput
      placeholder="mm/yyyy"
      inputMode="numeric"
      {...rest}
      value={text}
      error={error || (parsed === null && text.length >= 6 ? 'Tháng không hợp lệ (mm/yyyy)' : undefined)}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const iso = parseMonthText(t);
        if (iso !== null) onChange(iso);
      }}
    />
  );
}
