// One dossier as officers and filers see it: where it is, the deadline,
// each hand-over (the process-control record), the result, and the
// printable one-stop slips shown in the page.
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, fetchText, type Schemas } from '../api/client';
import { date } from '../format';
import { ErrorBox } from './ErrorBox';

export const dossierStatusVi: Record<string, string> = {
  received: 'Mới tiếp nhận', processing: 'Đang giải quyết', supplement: 'Chờ bổ sung giấy tờ', returned: 'Đã trả kết quả', refused: 'Từ chối',
};
export const outcomeVi: Record<string, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };
const actionVi: Record<string, string> = {
  receive: 'Tiếp nhận', handover: 'Chuyển xử lý', supplement_request: 'Yêu cầu bổ sung', supplement_received: 'Nhận bổ sung',
  apology: 'Xin lỗi, hẹn lại', refuse: 'Từ chối', return: 'Trả kết quả',
};
const slipVi: Record<string, string> = {
  '01': 'Giấy tiếp nhận, hẹn trả (Mẫu 01)', '02': 'Yêu cầu bổ sung (Mẫu 02)', '03': 'Từ chối (Mẫu 03)', '04': 'Xin lỗi, hẹn lại (Mẫu 04)',
  '05': 'Kiểm soát quá trình (Mẫu 05)',
};

// "2026-11-02T09:00" (Vietnam time as recorded) → "02/11/2026 09:00".
export function localTime(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : date(s);
}

export function DossierView({ d }: { d: Schemas['Dossier'] }) {
  const [slip, setSlip] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const slips = ['01', '05'];
  if (d.missing_documents.length) slips.push('02');
  if (d.status === 'refused') slips.push('03');
  if (d.apology_on) slips.push('04');
  const show = async (form: string) => {
    setError(null);
    try {
      setSlip(await fetchText(`/dossiers/${d.id}/slips/${form}`));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack gap="xs" aria-label={`Hồ sơ ${d.number}`}>
      <Group>
        <Text fw={600}>Hồ sơ {d.number}</Text>
        <Badge>{dossierStatusVi[d.status]}</Badge>
        {d.outcome && <Badge color={d.outcome === 'late' ? 'red' : 'green'}>{outcomeVi[d.outcome]}</Badge>}
      </Group>
      <Text size="sm">
        Thủ tục {d.procedure} · người nộp {d.filer_name} ({d.channel === 'online' ? 'trực tuyến' : 'tại quầy'}) · nhận {localTime(d.received_at)} ·
        hẹn trả <b>{date(d.due_on)}</b>
        {d.new_due_on ? ` · hẹn lại ${date(d.new_due_on)}${d.apology_late ? ' (xin lỗi muộn)' : ''}` : ''} · đang ở: {d.holder_unit}
      </Text>
      {d.deadline_notes.map((n) => <Text key={n} size="xs" c="dimmed">{n}</Text>)}
      {d.missing_documents.length > 0 && <Text size="sm">Giấy tờ cần bổ sung: {d.missing_documents.join('; ')}</Text>}
      {d.refusal_reasons.length > 0 && <Text size="sm" c="red">Lý do từ chối: {d.refusal_reasons.join('; ')}</Text>}
      <Table withTableBorder striped aria-label="Quá trình giải quyết">
        <Table.Caption>Quá trình giải quyết (phiếu kiểm soát)</Table.Caption>
        <Table.Thead>
          <Table.Tr><Table.Th>Thời điểm</Table.Th><Table.Th>Việc</Table.Th><Table.Th>Bên giao</Table.Th><Table.Th>Bên nhận</Table.Th><Table.Th>Ghi chú</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.steps.map((s) => (
            <Table.Tr key={s.seq}>
              <Table.Td>{localTime(s.at)}</Table.Td><Table.Td>{actionVi[s.action] ?? s.action}</Table.Td>
              <Table.Td>{s.from_unit}</Table.Td><Table.Td>{s.to_unit} ({s.to_officer})</Table.Td><Table.Td>{s.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.status === 'returned' && Object.keys(d.result as object).length > 0 && (
        <Text size="sm">Kết quả đã ghi vào cơ sở dữ liệu: {JSON.stringify(d.result)}</Text>
      )}
      {d.attachments.length > 0 && (
        <Text size="sm">Tệp đính kèm: {d.attachments.map((a) => `${a.name} (${a.size} byte)`).join(', ')}</Text>
      )}
      <Group gap="xs">
        {slips.map((f) => <Button key={f} size="xs" variant="light" onClick={() => void show(f)}>{slipVi[f]}</Button>)}
      </Group>
      <ErrorBox error={error} />
      {slip && <iframe title="Phiếu in" srcDoc={slip} sandbox="" style={{ width: '100%', height: 520, border: '1px solid #ccc', background: '#fff' }} />}
    </Stack>
  );
}
