// The C12-TS notice of one month, as VSS sends it to an employer: brought
// forward, this month, paid, allocated, carried forward — by fund group.
import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, download, fetchText, type Schemas } from '../api/client';
import { ErrorBox } from './ErrorBox';
import { useApi } from './useApi';
import { date, money, thisMonth } from '../format';

type Cols = Schemas['C12Columns'];

function Row({ label, v }: { label: string; v?: Cols }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{v ? money(v.bhxh) : ''}</Table.Td>
      <Table.Td ta="right">{v ? money(v.bhyt) : ''}</Table.Td>
      <Table.Td ta="right">{v ? money(v.bhtn) : ''}</Table.Td>
      <Table.Td ta="right">{v ? money(v.bhtnld) : ''}</Table.Td>
      <Table.Td ta="right">{v ? money(v.cong) : ''}</Table.Td>
    </Table.Tr>
  );
}
function Total({ label, v }: { label: string; v: number }) {
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td colSpan={4} />
      <Table.Td ta="right">{money(v)}</Table.Td>
    </Table.Tr>
  );
}

export function C12View({ code }: { code: string }) {
  const [month, setMonth] = useState(thisMonth());
  const valid = /^\d{4}-\d{2}$/.test(month);
  const r = useApi(() => call(api.GET('/employers/{code}/c12', { params: { path: { code }, query: { month } } })), [code, month], valid);
  const j = typeof r.data === 'object' ? r.data : undefined;  // format=json: the notice, not a file
  const [page, setPage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const failed = (e: unknown) => setError(e instanceof ApiError ? e : null);
  const print = async () => {
    setError(null);
    try {
      setPage(await fetchText(`/employers/${code}/c12`, { month, format: 'html' }));
    } catch (e) {
      failed(e);
    }
  };
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label="Tháng của thông báo C12-TS" description="YYYY-MM" value={month} onChange={(e) => { setMonth(e.currentTarget.value); setPage(null); }} />
        <Button variant="light" disabled={!j} onClick={() => void print()}>Bản in</Button>
        <Button variant="light" disabled={!j} onClick={() => { setError(null); void download(`/employers/${code}/c12`, { month, format: 'xlsx' }).catch(failed); }}>
          Tải XLSX
        </Button>
      </Group>
      <ErrorBox error={r.error ?? error} />
      {j && (
        <>
          <Table withTableBorder striped aria-label="Thông báo C12-TS">
            <Table.Caption>
              Thông báo kết quả đóng BHXH, BHYT, BHTN, BHTNLĐ-BNN (C12-TS) tháng {date(j.month)} — {j.employer_name}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Chỉ tiêu</Table.Th><Table.Th ta="right">BHXH</Table.Th><Table.Th ta="right">BHYT</Table.Th>
                <Table.Th ta="right">BHTN</Table.Th><Table.Th ta="right">BHTNLĐ-BNN</Table.Th><Table.Th ta="right">Cộng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Row label={`A. Kỳ trước mang sang — lao động: ${j.a.headcount}`} />
              <Row label="Thừa" v={j.a.overpaid} />
              <Row label="Thiếu" v={j.a.underpaid} />
              <Total label="Thiếu lãi" v={j.a.interest_owed} />
              <Row label={`B. Phát sinh trong kỳ — lao động: ${j.b.headcount} (tăng ${j.b.up}, giảm ${j.b.down})`} />
              <Row label="Quỹ lương" v={j.b.wage_fund} />
              <Row label="Số phải đóng" v={j.b.due} />
              <Row label="B.4.1 Điều chỉnh tăng kỳ trước" v={j.b.adjustments.up} />
              <Row label="— trong đó năm trước" v={j.b.adjustments.up_prior_year} />
              <Row label="B.4.2 Điều chỉnh giảm kỳ trước" v={j.b.adjustments.down} />
              <Row label="— trong đó năm trước" v={j.b.adjustments.down_prior_year} />
              <Row label="B.4.3 Điều chỉnh thuần" v={j.b.adjustments.net} />
              {j.b.adjustments.months.map((m) => (
                <Row
                  key={m.month}
                  label={`— tháng ${date(m.month)} (lao động ${m.workers_before} → ${m.workers_after})`}
                  v={m.amount}
                />
              ))}
              <Total label="Lãi chậm đóng phát sinh" v={j.b.interest} />
              {j.c.payments.map((p, i) => (
                <Total key={i} label={`C. ${p.reference}, ngày ${date(p.paid_on)}`} v={p.amount} />
              ))}
              <Total label="C. Tổng số tiền đã nộp trong kỳ" v={j.c.total} />
              <Total label="D. Phân bổ vào số phải đóng" v={j.d.to_contributions} />
              <Row label={`Đ. Chuyển kỳ sau — lao động: ${j.carried.headcount}`} />
              <Row label="Thừa" v={j.carried.overpaid} />
              <Row label="Thiếu" v={j.carried.underpaid} />
              <Total label="Thiếu lãi" v={j.carried.interest_owed} />
            </Table.Tbody>
          </Table>
          <Text size="sm">Nội dung chuyển tiền: {j.transfer_note}</Text>
        </>
      )}
      {page && <iframe title="Thông báo C12-TS, bản in" srcDoc={page} sandbox="" style={{ width: '100%', height: 700, border: '1px solid #ccc' }} />}
    </Stack>
  );
}
