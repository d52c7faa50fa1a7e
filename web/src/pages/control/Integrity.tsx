// Control for auditors, inspectors and the personnel office: the
// tamper-evident audit trail (verify the chain, seal today's head, the
// seals), officials' asset declarations due and overdue, the rotation plan,
// and complaints and denunciations with their deadlines.
import { Alert, Badge, Button, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, number, today } from '../../format';

const declStatus: Record<string, string> = { submitted: 'Đã nộp', due: 'Chưa nộp, còn hạn', overdue: 'Quá hạn' };
const rotStatus: Record<string, string> = { due: 'Đến hạn', overdue: 'Quá hạn', not_due: 'Chưa đến hạn', exempt_retirement: 'Miễn (sắp nghỉ hưu)' };
const cmpStatus: Record<string, string> = { received: 'Mới nhận', accepted: 'Đã thụ lý', refused: 'Từ chối thụ lý', answered: 'Đã trả lời' };
const timeliness: Record<string, string> = { pending: 'Trong hạn', overdue: 'Quá hạn', on_time: 'Đúng hạn', late: 'Trễ hạn' };

function AuditTab() {
  const [version, setVersion] = useState(0);
  const seals = useApi(() => call(api.GET('/audit/seals', {})), [version]);
  const [report, setReport] = useState<Schemas['AuditVerification'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await call(api.GET('/audit/verify', {})));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const seal = async () => {
    setError(null);
    try {
      await call(api.POST('/audit/seals', {}));
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack>
      <Group>
        <Button loading={busy} onClick={() => void verify()}>Kiểm tra toàn bộ nhật ký</Button>
        <Button variant="light" onClick={() => void seal()}>Niêm phong hôm nay</Button>
      </Group>
      <ErrorBox error={error ?? seals.error} />
      {report && (
        <Alert color={report.ok ? 'green' : 'red'} title={report.ok ? 'Chuỗi nhật ký nguyên vẹn' : 'Phát hiện sai lệch'} role="status">
          Đã kiểm tra {number(report.rows)} dòng và {report.seals} niêm phong trong {number(report.seconds, 2)} giây; niêm phong hợp lệ gần nhất
          đến dòng {number(report.last_sealed_seq)}.
          {report.problems.map((p, i) => (
            <Text key={i} size="sm">• {p.message}</Text>
          ))}
        </Alert>
      )}
      {seals.data && (
        <>
          {seals.data.system_public_key && <Text size="sm">Khoá công khai của hệ thống (cho thanh tra): <code>{seals.data.system_public_key}</code></Text>}
          <DataTable<Schemas['AuditSeal']>
            caption="Các lần niêm phong đầu chuỗi nhật ký"
            filter={false}
            data={seals.data.seals}
            columns={[
              { accessorKey: 'day', header: 'Ngày', cell: (c) => date(c.getValue()) },
              { accessorKey: 'seq', header: 'Đến dòng', cell: (c) => number(c.getValue()) },
              { accessorKey: 'head_hash', header: 'Mã băm', cell: (c) => `${String(c.getValue()).slice(0, 16)}…` },
              { accessorKey: 'key_id', header: 'Khoá' },
              { accessorKey: 'sealed_by', header: 'Người niêm phong' },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

function DeclarationsTab() {
  const [year, setYear] = useState(today().slice(0, 4));
  const valid = /^\d{4}$/.test(year);
  const st = useApi(() => call(api.GET('/officials/asset-declarations', { params: { query: { year: Number(year) } } })), [year], valid);
  const overdue = st.data?.rows.filter((r) => r.status === 'overdue').length ?? 0;
  return (
    <Stack>
      <TextInput label="Năm kê khai" value={year} onChange={(e) => setYear(e.currentTarget.value)} w={160} />
      <ErrorBox error={st.error} />
      {st.data && (
        <>
          {overdue > 0 && <Badge color="red" size="lg">{overdue} người quá hạn kê khai</Badge>}
          <DataTable<Schemas['DeclarationDue']>
            caption={`Nghĩa vụ kê khai tài sản, thu nhập năm ${year} (Luật PCTN 2018, Nghị định 130/2020/NĐ-CP)`}
            data={st.data.rows}
            columns={[
              { id: 'code', header: 'Mã', cell: (c) => c.row.original.official.code },
              { id: 'name', header: 'Họ tên', cell: (c) => c.row.original.official.full_name },
              { id: 'unit', header: 'Đơn vị', cell: (c) => c.row.original.official.unit },
              { accessorKey: 'kind', header: 'Loại', cell: (c) => (c.getValue() === 'annual' ? 'Hằng năm' : 'Lần đầu') },
              { accessorKey: 'deadline', header: 'Hạn', cell: (c) => date(c.getValue()) },
              { accessorKey: 'status', header: 'Trạng thái', cell: (c) => declStatus[c.getValue()] },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

function RotationTab() {
  const [year, setYear] = useState(today().slice(0, 4));
  const valid = /^\d{4}$/.test(year);
  const plan = useApi(() => call(api.GET('/officials/rotation', { params: { query: { year: Number(year) } } })), [year], valid);
  return (
    <Stack>
      <TextInput label="Năm kế hoạch" value={year} onChange={(e) => setYear(e.currentTarget.value)} w={160} />
      <ErrorBox error={plan.error} />
      {plan.data && (
        <DataTable<Schemas['RotationRow']>
          caption={`Kế hoạch chuyển đổi vị trí công tác năm ${year} (Luật PCTN 2018 Điều 25, Nghị định 59/2019/NĐ-CP)`}
          data={plan.data.rows}
          columns={[
            { id: 'code', header: 'Mã', cell: (c) => c.row.original.official.code },
            { id: 'name', header: 'Họ tên', cell: (c) => c.row.original.official.full_name },
            { accessorKey: 'position_name', header: 'Vị trí' },
            { id: 'since', header: 'Từ ngày', cell: (c) => date(c.row.original.official.position_since) },
            { accessorKey: 'period_years', header: 'Thời hạn (năm)' },
            { accessorKey: 'due_on', header: 'Đến hạn', cell: (c) => date(c.getValue()) },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => rotStatus[c.getValue()] },
          ]}
        />
      )}
    </Stack>
  );
}

function ComplaintsTab() {
  const list = useApi(() => call(api.GET('/complaints', {})), []);
  return (
    <Stack>
      <ErrorBox error={list.error} />
      {list.data && (
        <DataTable<Schemas['Complaint']>
          caption="Đơn khiếu nại, tố cáo và hạn giải quyết"
          data={list.data.complaints}
          columns={[
            { accessorKey: 'id', header: 'Số' },
            { accessorKey: 'kind', header: 'Loại', cell: (c) => (c.getValue() === 'complaint' ? 'Khiếu nại' : 'Tố cáo') },
            { accessorKey: 'received_on', header: 'Ngày nhận', cell: (c) => date(c.getValue()) },
            { accessorKey: 'subject', header: 'Nội dung' },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => cmpStatus[c.getValue()] },
            {
              id: 'deadline', header: 'Hạn',
              cell: (c) => date(c.row.original.status === 'received' ? c.row.original.accept_by : c.row.original.resolve_by),
            },
            { accessorKey: 'timeliness', header: 'Tiến độ', cell: (c) => timeliness[c.getValue()] },
          ]}
        />
      )}
    </Stack>
  );
}

export default function Integrity() {
  return (
    <Tabs defaultValue="audit" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="audit">Nhật ký chống sửa đổi</Tabs.Tab>
        <Tabs.Tab value="declarations">Kê khai tài sản</Tabs.Tab>
        <Tabs.Tab value="rotation">Chuyển đổi vị trí</Tabs.Tab>
        <Tabs.Tab value="complaints">Khiếu nại, tố cáo</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="audit" pt="md"><AuditTab /></Tabs.Panel>
      <Tabs.Panel value="declarations" pt="md"><DeclarationsTab /></Tabs.Panel>
      <Tabs.Panel value="rotation" pt="md"><RotationTab /></Tabs.Panel>
      <Tabs.Panel value="complaints" pt="md"><ComplaintsTab /></Tabs.Panel>
    </Tabs>
  );
}
