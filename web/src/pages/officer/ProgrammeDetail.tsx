// One programme: its tasks with filters (unit, leader, overdue), progress
// posting, the deadline calendar, the annual report, the indicators.
import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Tabs, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, download, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, indicatorStatus, number, taskStatus, today } from '../../format';

type Task = Schemas['TaskState'];

function ProgressForm({ refId, task, onDone }: { refId: string; task: Task; onDone: () => void }) {
  const [unit, setUnit] = useState(task.lead_units[0]?.id ?? '');
  const [status, setStatus] = useState<string>('in_progress');
  const [percent, setPercent] = useState<number | string>(50);
  const [period, setPeriod] = useState(today().slice(0, 4));
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [key] = useState(() => crypto.randomUUID());
  const save = async () => {
    setError(null);
    try {
      const body: Record<string, unknown> = { unit, status, period, note };
      if (status !== 'done' && status !== 'not_started') body.percent = Number(percent);
      await call(api.POST('/programmes/{ref}/tasks/{key}/progress', { params: { path: { ref: refId, key: task.key }, header: { 'Idempotency-Key': key } }, body: body as never }));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    }
  };
  const fe = (f: string) => (error?.field === f ? error.message : undefined);
  const units = [...task.lead_units, ...task.coordinating_units].map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <ErrorBox error={error && !['unit', 'status', 'percent', 'period', 'note'].includes(error.field) ? error : null} />
      <Select label="Đơn vị báo cáo" data={units.length ? units : [{ value: unit, label: unit }]} value={unit} onChange={(v) => setUnit(v ?? '')} searchable error={fe('unit')} />
      <Select label="Trạng thái" mt="sm" value={status} onChange={(v) => setStatus(v ?? 'in_progress')} allowDeselect={false}
        data={Object.entries(taskStatus).map(([value, label]) => ({ value, label }))} error={fe('status')} />
      {status !== 'done' && status !== 'not_started' && (
        <NumberInput label="Tỷ lệ hoàn thành (%)" mt="sm" min={0} max={100} value={percent} onChange={setPercent} error={fe('percent')} />
      )}
      <TextInput label="Kỳ báo cáo (YYYY, YYYY-Hn, YYYY-Qn hoặc YYYY-MM)" mt="sm" value={period} onChange={(e) => setPeriod(e.currentTarget.value)} error={fe('period')} />
      <Textarea label="Kết quả thực hiện" mt="sm" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fe('note')} />
      <Button mt="md" onClick={() => void save()}>
        Ghi tiến độ
      </Button>
    </>
  );
}

function Tasks({ refId }: { refId: string }) {
  const [unit, setUnit] = useState('');
  const [leader, setLeader] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const [saved, setSaved] = useState('');
  const q: Record<string, unknown> = { limit: 2000 };
  if (unit) q.unit = unit;
  if (leader.trim().length >= 2) q.leader = leader.trim();
  if (overdue) q.overdue = true;
  const r = useApi(() => call(api.GET('/programmes/{ref}/tasks', { params: { path: { ref: refId }, query: q as never } })), [refId, unit, leader, overdue]);
  const units = useApi(() => call(api.GET('/units')), []);
  return (
    <>
      <Group align="flex-end" mb="md">
        <Select label="Đơn vị" placeholder="Tất cả" clearable searchable value={unit || null} onChange={(v) => setUnit(v ?? '')}
          data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} w={300} />
        <TextInput label="Lãnh đạo phụ trách" value={leader} onChange={(e) => setLeader(e.currentTarget.value)} w={220} />
        <Checkbox label="Chỉ nhiệm vụ quá hạn" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
      </Group>
      {saved && <Alert color="green" mb="md" role="status">{saved}</Alert>}
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption={`Nhiệm vụ (đến ngày ${date(r.data.as_of)})`}
          data={r.data.tasks}
          columns={[
            { accessorKey: 'key', header: 'Mã' },
            { accessorKey: 'content', header: 'Nội dung', cell: (c) => (c.getValue() as string).slice(0, 160) },
            {
              // A name the unit list does not know stays in its cell, marked
              // for mapping.
              id: 'lead', header: 'Chủ trì',
              accessorFn: (t) => [
                ...t.lead_units.map((u) => u.name),
                ...t.unknown_units
                  .filter((_, k) => t.unknown_unit_cells?.[k] === 'lead')
                  .map((n) => `${n} (chưa có trong danh mục)`),
              ].join(', '),
            },
            { id: 'when', header: 'Thời hạn', accessorFn: (t) => t.timeframe.text },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => taskStatus[c.getValue()] ?? c.getValue() },
            { id: 'overdue', header: 'Quá hạn', accessorFn: (t) => (t.overdue ? `${t.days_overdue} ngày` : t.missing_periods.length ? 'thiếu báo cáo' : '') },
            {
              id: 'act', header: 'Thao tác', enableSorting: false,
              cell: (c) => (
                <Button size="xs" variant="light" onClick={() => setEditing(c.row.original)} aria-label={`Báo cáo tiến độ nhiệm vụ ${c.row.original.key}`}>
                  Báo cáo
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal opened={!!editing} onClose={() => setEditing(null)} title={`Báo cáo tiến độ nhiệm vụ ${editing?.key ?? ''}`} size="lg">
        {editing && (
          <ProgressForm refId={refId} task={editing} onDone={() => { setSaved(`Đã ghi tiến độ nhiệm vụ ${editing.key}.`); setEditing(null); r.reload(); }} />
        )}
      </Modal>
    </>
  );
}

function Deadlines() {
  const t = today();
  const r = useApi(() => call(api.GET('/deadlines', { params: { query: { from: t } } })), []);
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Lịch hạn báo cáo và nhiệm vụ (một năm tới)"
          data={r.data.deadlines}
          columns={[
            { accessorKey: 'date', header: 'Ngày', cell: (c) => date(c.getValue()) },
            { accessorKey: 'days_left', header: 'Còn (ngày)' },
            { accessorKey: 'kind', header: 'Loại', cell: (c) => (c.getValue() === 'report' ? 'Báo cáo' : 'Nhiệm vụ') },
            { accessorKey: 'programme', header: 'Chương trình' },
            { accessorKey: 'name', header: 'Nội dung' },
          ]}
        />
      )}
    </>
  );
}

function Indicators({ refId }: { refId: string }) {
  const r = useApi(() => call(api.GET('/programmes/{ref}/indicators', { params: { path: { ref: refId } } })), [refId]);
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Chỉ tiêu, giá trị và lộ trình"
          data={r.data.indicators}
          columns={[
            { accessorKey: 'key', header: 'Mã' },
            { accessorKey: 'name', header: 'Chỉ tiêu' },
            { id: 'targets', header: 'Mục tiêu', accessorFn: (i) => Object.entries(i.targets).map(([y, v]) => `${y}: ${v}`).join('; ') },
            { id: 'latest', header: 'Mới nhất', accessorFn: (i) => (i.latest == null ? '—' : `${number(i.latest, 2)} (${i.latest_year})`) },
            { id: 'expected', header: 'Lộ trình', accessorFn: (i) => (i.expected == null ? '' : number(i.expected, 2)) },
            { id: 'method', header: 'Cách tính', accessorFn: (i) => i.values[i.values.length - 1]?.method ?? '' },
            {
              accessorKey: 'status', header: 'Đánh giá',
              cell: (c) => <Badge variant="light" color={c.getValue() === 'behind' ? 'red' : c.getValue() === 'no_data' ? 'gray' : 'green'}>{indicatorStatus[c.getValue()] ?? c.getValue()}</Badge>,
            },
          ]}
        />
      )}
    </>
  );
}

export default function ProgrammeDetail({ id: raw }: { id: string }) {
  const refId = decodeURIComponent(raw);
  const p = useApi(() => call(api.GET('/programmes/{ref}', { params: { path: { ref: refId } } })), [refId]);
  const [year, setYear] = useState(today().slice(0, 4));
  const [error, setError] = useState<ApiError | null>(null);
  const get = async (format: string) => {
    setError(null);
    try {
      await download(`/programmes/${encodeURIComponent(refId)}/report`, { year, format });
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <>
      <Title order={2} mb="xs">
        {refId}
      </Title>
      <ErrorBox error={p.error} />
      {p.data && <Title order={3} size="h5" fw={400} mb="md">{p.data.title}</Title>}
      <Tabs defaultValue="tasks" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="tasks">Nhiệm vụ</Tabs.Tab>
          <Tabs.Tab value="indicators">Chỉ tiêu</Tabs.Tab>
          <Tabs.Tab value="deadlines">Lịch hạn</Tabs.Tab>
          <Tabs.Tab value="report">Báo cáo năm</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tasks"><Tasks refId={refId} /></Tabs.Panel>
        <Tabs.Panel value="indicators"><Indicators refId={refId} /></Tabs.Panel>
        <Tabs.Panel value="deadlines"><Deadlines /></Tabs.Panel>
        <Tabs.Panel value="report">
          <Group align="flex-end">
            <TextInput label="Năm" value={year} onChange={(e) => setYear(e.currentTarget.value)} w={120} />
            <Button onClick={() => void get('xlsx')}>Tải báo cáo XLSX</Button>
            <Button variant="light" onClick={() => void get('html')}>Tải báo cáo HTML</Button>
          </Group>
          <ErrorBox error={error} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
