// The employer's monthly declaration (D02-LT's join, leave and salary
// rows): entered as a table or read from a file (CSV with a header row, ','
// or ';', or the API's JSON), sent once with an idempotency key, and every
// refused row shown with its field and message next to it.
import { ActionIcon, Alert, Button, FileButton, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, besideField, call } from '../../api/client';
import { useAuth } from '../../auth';
import { ErrorBox } from '../../components/ErrorBox';
import { date, thisMonth } from '../../format';
import {  } from '../../components/DateFields';
import { DayField, MonthField } from '../../components/DateFields';

type Row = { action: string; cccd: string; effective_month: string; salary: string; group: string; full_name: string; dob: string; sex: string; facility: string };
const empty = (): Row => ({ action: 'join', cccd: '', effective_month: thisMonth(), salary: '', group: 'DN', full_name: '', dob: '', sex: '', facility: '' });

function parseCsv(text: string): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  if (!lines.length) return [];
  const sep = (lines[0].match(/;/g)?.length ?? 0) > (lines[0].match(/,/g)?.length ?? 0) ? ';' : ',';
  const head = lines[0].split(sep).map((h) => h.trim());
  return lines.slice(1).map((l) => {
    const cells = l.split(sep);
    const r = empty();
    head.forEach((h, i) => {
      if (h in r) (r as Record<string, string>)[h] = (cells[i] ?? '').trim();
    });
    return r;
  });
}

export default function Declaration() {
  const { user } = useAuth();
  const [month, setMonth] = useState(thisMonth());
  const [rows, setRows] = useState<Row[]>([empty()]);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const rowErrors = new Map<number, Map<string, string>>();
  for (const e of error?.rows ?? []) {
    if (!rowErrors.has(e.row)) rowErrors.set(e.row, new Map());
    rowErrors.get(e.row)!.set(e.field, besideField(e.message));
  }
  // A row refused by the request's schema names it in the field: "rows[3].cccd".
  const m = error ? /^rows\[(\d+)\]\.(\w+)$/.exec(error.field) : null;
  if (m) {
    const n = Number(m[1]);
    if (!rowErrors.has(n)) rowErrors.set(n, new Map());
    rowErrors.get(n)!.set(m[2], besideField(error!.message));
  }
  const set = (i: number, k: keyof Row, v: string) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
    setKey(crypto.randomUUID());  // changed content: a new submission
  };
  const load = async (f: File | null) => {
    if (!f) return;
    const text = await f.text();
    try {
      if (f.name.endsWith('.json')) {
        const j = JSON.parse(text);
        setMonth(j.month ?? month);
        setRows((j.rows ?? []).map((r: Record<string, unknown>) => ({ ...empty(), ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '')])) })));
      } else {
        setRows(parseCsv(text));
      }
      setError(null);
      setKey(crypto.randomUUID());
    } catch {
      setError(new ApiError(0, 'file', 'file', 'Không đọc được tệp: cần CSV có dòng tiêu đề hoặc JSON của tờ khai'));
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const body = {
        employer_code: user!.employer_code,
        month,
        rows: rows.map((r) => {
          // KL, OF, TS, ON are the D02-LT change codes sent as such (the server maps them).
          const plan = ['KL', 'OF', 'TS', 'ON'].includes(r.action);
          const o: Record<string, unknown> = { ...(plan ? { plan: r.action } : { action: r.action }), cccd: r.cccd.trim(), effective_month: r.effective_month };
          if (r.salary.trim()) o.salary = Number(r.salary.replace(/[.\s]/g, ''));
          if (r.action === 'join') {
            o.group = r.group || 'DN';
            if (r.full_name.trim()) Object.assign(o, { full_name: r.full_name.trim(), dob: r.dob, sex: r.sex });
            if (r.facility.trim()) o.facility = r.facility.trim();
          }
          return o;
        }),
      };
      const res = await call(api.POST('/declarations', { body: body as never, params: { header: { 'Idempotency-Key': key } } }));
      const cards = res.cards.filter((c) => c.card_code).map((c) => `${c.cccd}: mã số BHXH ${c.si_number}, thẻ BHYT ${c.card_code} (${date(c.valid_from)}–${date(c.valid_to)})`);
      cards.push(...res.decreased_cards.map((c) => `${c.cccd}: thẻ BHYT ${c.card_code} báo giảm, còn giá trị đến ${date(c.valid_to)} (${c.code})`));
      setDone(
        [`Đã ghi tờ khai số ${res.declaration_id}: ${res.joined} tăng, ${res.left} giảm, ${res.salary_changes} điều chỉnh lương, ${res.suspended} tạm dừng, ${res.resumed} đi làm lại.`, ...cards, ...res.warnings].join('\n'),
      );
      setRows([empty()]);
      setKey(crypto.randomUUID());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const err = (i: number, f: string) => rowErrors.get(i + 1)?.get(f);
  return (
    <>
      <Title order={2} mb="md">
        Kê khai tăng, giảm, điều chỉnh lao động
      </Title>
      <Group align="flex-end" mb="md">
        <MonthField label="Kỳ kê khai" value={month} onChange={setMonth} maw={200} />
        <FileButton onChange={load} accept=".csv,.json,text/csv,application/json">
          {(props) => (
            <Button variant="light" {...props}>
              Đọc từ tệp CSV hoặc JSON
            </Button>
          )}
        </FileButton>
      </Group>
      {done && <Alert color="green" mb="md" role="status" style={{ whiteSpace: 'pre-line' }}>{done}</Alert>}
      <ErrorBox error={error} title="Tờ khai không được chấp nhận" />
      <Table.ScrollContainer minWidth={1000}>
        <Table withTableBorder aria-label="Các dòng kê khai">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dòng</Table.Th>
              <Table.Th>Loại</Table.Th>
              <Table.Th>CCCD</Table.Th>
              <Table.Th>Từ tháng</Table.Th>
              <Table.Th>Tiền lương</Table.Th>
              <Table.Th>Họ tên (người mới)</Table.Th>
              <Table.Th>Ngày sinh</Table.Th>
              <Table.Th>Giới tính</Table.Th>
              <Table.Th>Nơi KCB ban đầu</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i} data-row={i + 1} data-error={rowErrors.has(i + 1) ? 'true' : undefined}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Select aria-label={`Loại dòng ${i + 1}`} data={[{ value: 'join', label: 'Tăng' }, { value: 'leave', label: 'Giảm' }, { value: 'salary', label: 'Điều chỉnh lương' },
                      { value: 'KL', label: 'Nghỉ không lương (KL)' }, { value: 'OF', label: 'Nghỉ ốm dài ngày (OF)' },
                      { value: 'TS', label: 'Nghỉ thai sản (TS)' }, { value: 'ON', label: 'Đi làm lại (ON)' }]}
                    value={r.action} onChange={(v) => set(i, 'action', v ?? 'join')} allowDeselect={false} error={err(i, 'action')} w={150} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`CCCD dòng ${i + 1}`} value={r.cccd} onChange={(e) => set(i, 'cccd', e.currentTarget.value)} error={err(i, 'cccd')} w={150} />
                </Table.Td>
                <Table.Td>
                  <MonthField aria-label={`Từ tháng dòng ${i + 1}`} value={r.effective_month} onChange={(v) => set(i, 'effective_month', v)} error={err(i, 'effective_month')} w={150} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Tiền lương dòng ${i + 1}`} value={r.salary} onChange={(e) => set(i, 'salary', e.currentTarget.value)} error={err(i, 'salary')} w={130} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Họ tên dòng ${i + 1}`} value={r.full_name} onChange={(e) => set(i, 'full_name', e.currentTarget.value)} error={err(i, 'full_name')} disabled={r.action !== 'join'} w={180} />
                </Table.Td>
                <Table.Td>
                  <DayField aria-label={`Ngày sinh dòng ${i + 1}`} value={r.dob} onChange={(v) => set(i, 'dob', v)} error={err(i, 'dob')} disabled={r.action !== 'join'} w={130} />
                </Table.Td>
                <Table.Td>
                  <Select aria-label={`Giới tính dòng ${i + 1}`} data={[{ value: 'male', label: 'Nam' }, { value: 'female', label: 'Nữ' }]} value={r.sex || null}
                    onChange={(v) => set(i, 'sex', v ?? '')} error={err(i, 'sex')} disabled={r.action !== 'join'} w={100} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Nơi KCB ban đầu dòng ${i + 1}`} placeholder="mã 5 số" value={r.facility} onChange={(e) => set(i, 'facility', e.currentTarget.value)} error={err(i, 'facility')} disabled={r.action !== 'join'} w={100} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Xoá dòng ${i + 1}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group mt="md">
        <Button variant="default" onClick={() => setRows((rs) => [...rs, empty()])}>
          Thêm dòng
        </Button>
        <Button onClick={() => void submit()} loading={busy} disabled={!rows.length}>
          Nộp tờ khai
        </Button>
        <Text size="xs" c="dimmed">
          Gửi lại cùng nội dung không ghi hai lần (khoá chống gửi trùng).
        </Text>
      </Group>
    </>
  );
}
