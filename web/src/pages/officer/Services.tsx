// Public services for officers: the one-stop desk's dossiers (open, due for
// an apology, all) with each step — hand-over, documents requested,
// refusal, apology, result — and the slips; receiving at the desk; the
// service indicators with their method; feedback to answer; the procedure
// catalogue, the calendar and the deadline calculator.
import { Alert, Button, Group, Select, SegmentedControl, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { DossierView, dossierStatusVi, localTime, outcomeVi } from '../../components/DossierView';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, number, today } from '../../format';

type Row = Schemas['Dossier'];

function pct(s: { pct?: number | null }) {
  return s.pct == null ? 'chưa có số liệu' : `${number(s.pct, 1)}%`;
}

function Actions({ d, onChange }: { d: Row; onChange: (d: Row) => void }) {
  const [unit, setUnit] = useState('Phòng Quản lý thu - Sổ, thẻ');
  const [officer, setOfficer] = useState('');
  const [missing, setMissing] = useState('');
  const [reason, setReason] = useState('');
  const [newDue, setNewDue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const open = d.status === 'received' || d.status === 'processing' || d.status === 'supplement';
  if (!open) return null;
  const path = { params: { path: { id: String(d.id) } } };
  const act = async (f: () => Promise<Row>) => {
    setError(null);
    try {
      onChange(await f());
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack gap="xs" aria-label="Xử lý hồ sơ">
      <ErrorBox error={error} />
      {d.status !== 'supplement' && (
        <Group align="flex-end">
          <TextInput label="Chuyển cho đơn vị" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} w={260} />
          <TextInput label="Cán bộ nhận" value={officer} onChange={(e) => setOfficer(e.currentTarget.value)} />
          <Button variant="light" onClick={() => void act(() => call(api.POST('/dossiers/{id}/handover', { ...path, body: { to_unit: unit, to_officer: officer } })))}>
            Chuyển hồ sơ
          </Button>
        </Group>
      )}
      {d.status === 'supplement' ? (
        <Button variant="light" w={260} onClick={() => void act(() => call(api.POST('/dossiers/{id}/supplement-received', { ...path, body: {} })))}>
          Đã nhận đủ giấy tờ bổ sung
        </Button>
      ) : (
        <Group align="flex-end">
          <TextInput label="Giấy tờ cần bổ sung (cách nhau bởi ;)" value={missing} onChange={(e) => setMissing(e.currentTarget.value)} w={360} />
          <Button variant="light" onClick={() => void act(() => call(api.POST('/dossiers/{id}/supplement-request', {
            ...path, body: { missing: missing.split(';').map((s) => s.trim()).filter(Boolean) },
          })))}>Yêu cầu bổ sung</Button>
        </Group>
      )}
      {!d.apology_on && (
        <Group align="flex-end">
          <TextInput label="Ngày hẹn mới" description="YYYY-MM-DD" value={newDue} onChange={(e) => setNewDue(e.currentTarget.value)} />
          <TextInput label="Lý do chậm / từ chối" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={320} />
          <Button variant="light" color="orange" onClick={() => void act(() => call(api.POST('/dossiers/{id}/apology', { ...path, body: { new_due: newDue, reason } })))}>
            Xin lỗi, hẹn lại
          </Button>
        </Group>
      )}
      <Group>
        <Button variant="light" color="red" onClick={() => void act(() => call(api.POST('/dossiers/{id}/refusal', { ...path, body: { reasons: [reason].filter(Boolean) } })))}>
          Từ chối (nêu lý do ở trên)
        </Button>
        {d.status !== 'supplement' && (
          <Button onClick={() => void act(() => call(api.POST('/dossiers/{id}/result', { ...path, body: {} })))}>Trả kết quả</Button>
        )}
      </Group>
    </Stack>
  );
}

function DossiersTab() {
  const [view, setView] = useState('open');
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const query = view === 'open' ? { open: true } : view === 'apology' ? { needs_apology: true } : {};
  const list = useApi(() => call(api.GET('/dossiers', { params: { query: { ...query, limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } } })), [view, page, version]);
  const [selected, setSelected] = useState<Row | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const pick = async (id: number) => {
    setError(null);
    try {
      setSelected(await call(api.GET('/dossiers/{id}', { params: { path: { id: String(id) } } })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack>
      <SegmentedControl value={view} onChange={(v) => { setView(v); setPage(1); }} aria-label="Chọn danh sách"
        data={[{ value: 'open', label: 'Đang giải quyết' }, { value: 'apology', label: 'Cần xin lỗi, hẹn lại' }, { value: 'all', label: 'Tất cả' }]} />
      <ErrorBox error={list.error ?? error} />
      {list.data && (
        <DataTable<Schemas['DossierRow']>
          caption="Hồ sơ một cửa; bấm một dòng để xem và xử lý"
          data={list.data.dossiers}
          total={list.data.page.total}
          page={page}
          onPage={setPage}
          onRowClick={(r) => void pick(r.id)}
          columns={[
            { accessorKey: 'number', header: 'Mã hồ sơ' },
            { accessorKey: 'procedure_name', header: 'Thủ tục' },
            { accessorKey: 'filer_name', header: 'Người nộp' },
            { accessorKey: 'received_at', header: 'Nhận', cell: (c) => localTime(c.getValue()) },
            { accessorKey: 'due_on', header: 'Hẹn trả', cell: (c) => date(c.getValue()) },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => dossierStatusVi[c.getValue()] + (c.row.original.outcome ? ` (${outcomeVi[c.row.original.outcome]})` : '') },
            { accessorKey: 'working_days_left', header: 'Còn (ngày làm việc)', cell: (c) => (['returned', 'refused'].includes(c.row.original.status) ? '' : c.getValue()) },
            { accessorKey: 'holder_unit', header: 'Đang ở' },
          ]}
        />
      )}
      {selected && (
        <>
          <DossierView d={selected} />
          <Actions d={selected} onChange={(d) => { setSelected(d); setVersion((v) => v + 1); }} />
        </>
      )}
    </Stack>
  );
}

function ReceiveTab() {
  const procs = useApi(() => call(api.GET('/services/procedures', {})), []);
  const [procedure, setProcedure] = useState<string | null>('SO-01');
  const [filerKind, setFilerKind] = useState<string>('citizen');
  const [filerId, setFilerId] = useState('');
  const [filerName, setFilerName] = useState('');
  const [cccd, setCccd] = useState('');
  const [province, setProvince] = useState('01');
  const [payload, setPayload] = useState('{}');
  const [done, setDone] = useState<Row | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    setError(null);
    let p: unknown;
    try {
      p = JSON.parse(payload || '{}');
    } catch {
      setError(new ApiError(422, 'invalid', 'payload', 'Nội dung hồ sơ (payload) không phải JSON hợp lệ'));
      return;
    }
    try {
      setDone(await call(api.POST('/dossiers', {
        body: {
          procedure: procedure ?? '', province, filer_kind: filerKind as 'citizen', filer_id: filerId, filer_name: filerName,
          ...(cccd ? { cccd } : {}), ...(filerKind === 'employer' ? { employer_code: filerId } : {}), payload: p,
        },
        params: { header: { 'Idempotency-Key': `desk-${Date.now()}` } },
      })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack maw={720}>
      <Select label="Thủ tục" searchable value={procedure} onChange={setProcedure}
        data={(procs.data?.procedures ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))} />
      <Group>
        <Select label="Người nộp là" value={filerKind} onChange={(v) => setFilerKind(v ?? 'citizen')}
          data={[{ value: 'citizen', label: 'Cá nhân' }, { value: 'employer', label: 'Đơn vị' }]} />
        <TextInput label={filerKind === 'employer' ? 'Mã đơn vị' : 'Số định danh'} value={filerId} onChange={(e) => setFilerId(e.currentTarget.value)} />
        <TextInput label="Tên người nộp" value={filerName} onChange={(e) => setFilerName(e.currentTarget.value)} />
      </Group>
      <Group>
        <TextInput label="Số định danh người tham gia" description="nếu hồ sơ về một người" value={cccd} onChange={(e) => setCccd(e.currentTarget.value)} />
        <TextInput label="Mã tỉnh tiếp nhận" value={province} onChange={(e) => setProvince(e.currentTarget.value)} />
      </Group>
      <Textarea label="Nội dung hồ sơ (JSON)" description='Ví dụ đổi thẻ: {"facility":"01002"}; hưởng chế độ: {"event_date":"2026-11-20"}'
        autosize minRows={3} value={payload} onChange={(e) => setPayload(e.currentTarget.value)} />
      <Button onClick={() => void submit()} w={200}>Tiếp nhận hồ sơ</Button>
      <ErrorBox error={error} />
      {done && <Alert color="green">Đã tiếp nhận hồ sơ {done.number}, hẹn trả ngày {date(done.due_on)}.</Alert>}
      {done && <DossierView d={done} />}
    </Stack>
  );
}

function IndicatorsTab() {
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const r = useApi(() => call(api.GET('/services/indicators', { params: { query: { from, to } } })), [from, to], ok);
  return (
    <Stack>
      <Group>
        <TextInput label="Từ ngày" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="Đến ngày" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <ErrorBox error={r.error} />
      {r.data && (
        <>
          <Table withTableBorder aria-label="Chỉ số dịch vụ công">
            <Table.Tbody>
              <Table.Tr><Table.Td>Hồ sơ giải quyết đúng hạn</Table.Td><Table.Td>{pct(r.data.on_time)} ({r.data.on_time.numerator}/{r.data.on_time.denominator})</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Hồ sơ nộp trực tuyến</Table.Td><Table.Td>{pct(r.data.online_dossiers)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Thủ tục trực tuyến toàn trình</Table.Td><Table.Td>{pct(r.data.procedures_fully_online)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Mức độ hài lòng</Table.Td><Table.Td>{r.data.satisfaction_pct == null ? 'chưa có đánh giá' : `${number(r.data.satisfaction_pct, 1)}%`} (mục tiêu {r.data.satisfaction_target_pct == null ? '—' : `${number(r.data.satisfaction_target_pct, 0)}%`}; {r.data.ratings} phiếu)</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Phản ánh, kiến nghị trả lời đúng hạn</Table.Td><Table.Td>{pct(r.data.feedback_on_time)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Người tham gia có tài khoản điện tử</Table.Td><Table.Td>{pct(r.data.e_accounts)}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>Đang giải quyết (quá hạn)</Table.Td><Table.Td>{number(r.data.open)} ({number(r.data.open_overdue)})</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          <DataTable<Schemas['ProcedureTime']>
            caption="Theo thủ tục" filter={false} data={r.data.by_procedure}
            columns={[
              { accessorKey: 'code', header: 'Mã' }, { accessorKey: 'name', header: 'Thủ tục' },
              { accessorKey: 'finished', header: 'Có kết quả' }, { accessorKey: 'on_time', header: 'Đúng hạn' }, { accessorKey: 'late', header: 'Quá hạn' },
              { accessorKey: 'avg_working_days', header: 'Số ngày làm việc TB', cell: (c) => number(c.getValue(), 1) },
            ]} />
          <Stack gap={2}>{r.data.method.map((m) => <Text key={m} size="sm">{m}</Text>)}</Stack>
        </>
      )}
    </Stack>
  );
}

function FeedbackTab() {
  const [version, setVersion] = useState(0);
  const list = useApi(() => call(api.GET('/services/feedback', { params: { query: {} } })), [version]);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const reply = async (id: number) => {
    setError(null);
    try {
      await call(api.POST('/services/feedback/{id}/answer', { params: { path: { id: String(id) } }, body: { on: today(), answer } }));
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack>
      <ErrorBox error={list.error ?? error} />
      <Textarea label="Nội dung trả lời" value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} maw={640} />
      {list.data && (
        <DataTable<Schemas['Feedback']>
          caption="Phản ánh, kiến nghị theo hạn trả lời" data={list.data.feedback}
          columns={[
            { accessorKey: 'received_on', header: 'Ngày nhận', cell: (c) => date(c.getValue()) },
            { accessorKey: 'from_name', header: 'Người gửi' }, { accessorKey: 'subject', header: 'Nội dung' },
            { accessorKey: 'due_on', header: 'Hạn trả lời', cell: (c) => date(c.getValue()) },
            {
              id: 'st', header: 'Trả lời',
              cell: (c) => c.row.original.status === 'answered'
                ? `${date(c.row.original.answered_on)}${c.row.original.satisfied == null ? '' : c.row.original.satisfied ? ' · hài lòng' : ' · không hài lòng'}`
                : <Button size="xs" variant="light" onClick={() => void reply(c.row.original.id)}>Gửi trả lời</Button>,
            },
          ]} />
      )}
    </Stack>
  );
}

function CatalogueTab() {
  const procs = useApi(() => call(api.GET('/services/procedures', {})), []);
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  const cal = useApi(() => call(api.GET('/services/calendar', { params: { query: { year } } })), [year]);
  const [procedure, setProcedure] = useState<string | null>('600');
  const [at, setAt] = useState(`${today()}T09:00`);
  const dl = useApi(() => call(api.GET('/services/deadline', { params: { query: { procedure: procedure ?? '', received_at: at } } })), [procedure, at],
    !!procedure && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at));
  const unitVi: Record<string, string> = { working_days: 'ngày làm việc', days: 'ngày', days_excl_holidays: 'ngày (trừ ngày lễ)' };
  return (
    <Stack>
      <Group align="flex-end">
        <Select label="Tính ngày hẹn trả cho thủ tục" searchable value={procedure} onChange={setProcedure} w={360}
          data={(procs.data?.procedures ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))} />
        <TextInput label="Nhận lúc" description="YYYY-MM-DDTHH:MM, giờ Việt Nam" value={at} onChange={(e) => setAt(e.currentTarget.value)} />
      </Group>
      <ErrorBox error={dl.error} />
      {dl.data && (
        <Alert color="blue" title={`Hẹn trả: ${date(dl.data.due)}`}>
          Tính từ {date(dl.data.counted_from)}, {dl.data.amount} {unitVi[dl.data.unit]}. {dl.data.notes.join(' ')}
        </Alert>
      )}
      {procs.data && (
        <DataTable<Schemas['Procedure']>
          caption="Danh mục thủ tục hành chính" data={procs.data.procedures}
          columns={[
            { accessorKey: 'code', header: 'Mã' }, { accessorKey: 'name', header: 'Thủ tục' },
            { accessorKey: 'forms', header: 'Mẫu', cell: (c) => (c.getValue() as string[]).join(', ') },
            { accessorKey: 'deadline', header: 'Thời hạn', cell: (c) => `${c.getValue()} ${unitVi[c.row.original.deadline_unit]}` },
            { accessorKey: 'article', header: 'Căn cứ' },
            { accessorKey: 'fully_online', header: 'Toàn trình', cell: (c) => (c.getValue() ? 'có' : 'không') },
          ]} />
      )}
      <Group align="flex-end">
        <TextInput label="Lịch nghỉ năm" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value) || year)} w={120} />
        {cal.data && !cal.data.complete && <Text c="orange">Lịch năm này chưa đầy đủ</Text>}
      </Group>
      {cal.data && (
        <DataTable<Schemas['CalendarDay']>
          caption={`Ngày nghỉ lễ, Tết, nghỉ hoán đổi, làm bù năm ${year}`} filter={false} data={cal.data.days}
          columns={[
            { accessorKey: 'date', header: 'Ngày', cell: (c) => date(c.getValue()) },
            { accessorKey: 'kind', header: 'Loại', cell: (c) => ({ holiday: 'Nghỉ lễ', day_off: 'Nghỉ hoán đổi', working_day: 'Làm bù' } as Record<string, string>)[c.getValue()] },
            { accessorKey: 'name', header: 'Tên' }, { accessorKey: 'source', header: 'Căn cứ' },
          ]} />
      )}
    </Stack>
  );
}

export default function Services() {
  return (
    <Tabs defaultValue="dossiers" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="dossiers">Hồ sơ một cửa</Tabs.Tab>
        <Tabs.Tab value="receive">Tiếp nhận tại quầy</Tabs.Tab>
        <Tabs.Tab value="indicators">Chỉ số</Tabs.Tab>
        <Tabs.Tab value="feedback">Phản ánh, kiến nghị</Tabs.Tab>
        <Tabs.Tab value="catalogue">Thủ tục và lịch</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="dossiers" pt="md"><DossiersTab /></Tabs.Panel>
      <Tabs.Panel value="receive" pt="md"><ReceiveTab /></Tabs.Panel>
      <Tabs.Panel value="indicators" pt="md"><IndicatorsTab /></Tabs.Panel>
      <Tabs.Panel value="feedback" pt="md"><FeedbackTab /></Tabs.Panel>
      <Tabs.Panel value="catalogue" pt="md"><CatalogueTab /></Tabs.Panel>
    </Tabs>
  );
}
