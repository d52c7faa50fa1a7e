// Online public services for citizens and employers: file a dossier of a
// procedure they may file fully online, follow it (where it is, when it is
// due, each step), read the receipt slip, rate the result on the agency's
// five factors, and — for citizens — send feedback and judge the answer.
import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { DossierView, dossierStatusVi, localTime, outcomeVi } from '../../components/DossierView';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date } from '../../format';

const factors: [keyof Ratings, string][] = [
  ['accessibility', 'Tiếp cận dịch vụ'], ['procedures', 'Thủ tục hành chính'], ['service_quality', 'Chất lượng phục vụ'],
  ['results', 'Kết quả giải quyết'], ['feedback_handling', 'Tiếp nhận, xử lý phản ánh'],
];
type Ratings = { accessibility: number; procedures: number; service_quality: number; results: number; feedback_handling: number };

function Rate({ d, onDone }: { d: Schemas['Dossier']; onDone: (d: Schemas['Dossier']) => void }) {
  const [r, setR] = useState<Ratings>({ accessibility: 5, procedures: 5, service_quality: 5, results: 5, feedback_handling: 5 });
  const [error, setError] = useState<ApiError | null>(null);
  if (d.rating || (d.status !== 'returned' && d.status !== 'refused')) return null;
  const send = async () => {
    setError(null);
    try {
      onDone(await call(api.POST('/dossiers/{id}/rating', { params: { path: { id: String(d.id) } }, body: r })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack gap="xs" aria-label="Đánh giá mức độ hài lòng">
      <Text fw={600}>Đánh giá mức độ hài lòng (1 = rất không hài lòng, 5 = rất hài lòng)</Text>
      <Group>
        {factors.map(([k, label]) => (
          <Select key={k} label={label} w={180} value={String(r[k])} onChange={(v) => setR({ ...r, [k]: Number(v ?? 5) })}
            data={['1', '2', '3', '4', '5']} />
        ))}
      </Group>
      <Button onClick={() => void send()} w={200}>Gửi đánh giá</Button>
      <ErrorBox error={error} />
    </Stack>
  );
}

function FileForm({ onFiled }: { onFiled: (d: Schemas['Dossier']) => void }) {
  const { user, role } = useAuth();
  const procs = useApi(() => call(api.GET('/services/procedures', {})), []);
  const mine = (procs.data?.procedures ?? []).filter((p) => p.fully_online && p.filers.includes(role === 'employer' ? 'employer' : 'citizen') && p.action !== 'declaration');
  const [code, setCode] = useState<string | null>(null);
  const [cccd, setCccd] = useState('');
  const [facility, setFacility] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [fromMonth, setFromMonth] = useState('');
  const [income, setIncome] = useState('');
  const [newName, setNewName] = useState('');
  const [newCommune, setNewCommune] = useState('');
  const [province, setProvince] = useState(user?.province ?? '01');
  const [error, setError] = useState<ApiError | null>(null);
  const p = mine.find((x) => x.code === code);
  const submit = async () => {
    if (!p) return;
    setError(null);
    const payload: Record<string, string> = {};
    if (p.action === 'hi_card_exchange') payload.facility = facility;
    if (p.action === 'benefit_case') payload.event_date = eventDate;
    if (p.action === 'voluntary_registration') {
      payload.from_month = fromMonth;
      payload.income = income.replace(/[.,\s]/g, '');
    }
    if (p.action === 'registered_info_correction') {
      if (newName) payload.full_name = newName;
      if (newCommune) payload.commune = newCommune;
    }
    try {
      onFiled(await call(api.POST('/dossiers', {
        body: { procedure: p.code, province, ...(role === 'employer' && cccd ? { cccd } : {}), payload },
        params: { header: { 'Idempotency-Key': `web-${Date.now()}` } },
      })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack maw={640} aria-label="Nộp hồ sơ trực tuyến">
      <Select label="Thủ tục" searchable value={code} onChange={setCode} placeholder="Chọn thủ tục"
        data={mine.map((x) => ({ value: x.code, label: `${x.name} (${x.deadline} ${x.deadline_unit === 'working_days' ? 'ngày làm việc' : 'ngày'})` }))} />
      {p && <Text size="sm" c="dimmed">Mẫu: {p.forms.join(', ') || '—'} · căn cứ {p.article}</Text>}
      {role === 'employer' && p && p.action !== 'none' && (
        <TextInput label="Số định danh của người lao động" value={cccd} onChange={(e) => setCccd(e.currentTarget.value)} />
      )}
      {p?.action === 'hi_card_exchange' && (
        <TextInput label="Nơi đăng ký KCB ban đầu mới (mã 5 số)" value={facility} onChange={(e) => setFacility(e.currentTarget.value)} />
      )}
      {p?.action === 'benefit_case' && (
        <TextInput label="Ngày phát sinh chế độ" description="YYYY-MM-DD" value={eventDate} onChange={(e) => setEventDate(e.currentTarget.value)} />
      )}
      {p?.action === 'voluntary_registration' && (
        <Group>
          <TextInput label="Đóng từ tháng" description="YYYY-MM" value={fromMonth} onChange={(e) => setFromMonth(e.currentTarget.value)} />
          <TextInput label="Mức thu nhập làm căn cứ đóng (đồng/tháng)" value={income} onChange={(e) => setIncome(e.currentTarget.value)} />
        </Group>
      )}
      {p?.action === 'registered_info_correction' && (
        <Group>
          <TextInput label="Họ tên đúng" description="để trống nếu không đổi" value={newName} onChange={(e) => setNewName(e.currentTarget.value)} />
          <TextInput label="Mã xã nơi cư trú mới" description="để trống nếu không đổi" value={newCommune} onChange={(e) => setNewCommune(e.currentTarget.value)} />
        </Group>
      )}
      <TextInput label="Mã tỉnh nơi nhận hồ sơ" value={province} onChange={(e) => setProvince(e.currentTarget.value)} w={200} />
      <Button onClick={() => void submit()} disabled={!p} w={200}>Nộp hồ sơ</Button>
      <ErrorBox error={error} />
    </Stack>
  );
}

function Feedback() {
  const { user } = useAuth();
  const [version, setVersion] = useState(0);
  const list = useApi(() => call(api.GET('/services/feedback', { params: { query: {} } })), [version]);
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack maw={720} aria-label="Phản ánh, kiến nghị">
      <Text fw={600}>Phản ánh, kiến nghị</Text>
      <TextInput label="Tóm tắt" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
      <Textarea label="Nội dung" value={content} onChange={(e) => setContent(e.currentTarget.value)} />
      <Button w={200} onClick={() => void act(() => call(api.POST('/services/feedback', {
        body: { province: user?.province ?? '01', subject, content }, params: { header: { 'Idempotency-Key': `fb-${Date.now()}` } },
      })))}>Gửi phản ánh</Button>
      <ErrorBox error={error ?? list.error} />
      {list.data?.feedback.map((f) => (
        <Alert key={f.id} color={f.status === 'answered' ? 'green' : 'gray'} title={`${f.subject} — gửi ${date(f.received_on)}, hạn trả lời ${date(f.due_on)}`}>
          {f.status === 'answered' ? (
            <Stack gap={4}>
              <Text size="sm">Trả lời ngày {date(f.answered_on)}: {f.answer}</Text>
              {f.satisfied == null ? (
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => void act(() => call(api.POST('/services/feedback/{id}/judgement', { params: { path: { id: String(f.id) } }, body: { satisfied: true } })))}>Hài lòng</Button>
                  <Button size="xs" variant="light" color="red" onClick={() => void act(() => call(api.POST('/services/feedback/{id}/judgement', { params: { path: { id: String(f.id) } }, body: { satisfied: false } })))}>Không hài lòng</Button>
                </Group>
              ) : <Text size="sm">{f.satisfied ? 'Bạn đã đánh giá: hài lòng' : 'Bạn đã đánh giá: không hài lòng'}</Text>}
            </Stack>
          ) : 'Đang chờ trả lời'}
        </Alert>
      ))}
    </Stack>
  );
}

export default function MyDossiers() {
  const { role } = useAuth();
  const [version, setVersion] = useState(0);
  const list = useApi(() => call(api.GET('/dossiers', { params: { query: { limit: 100 } } })), [version]);
  const [selected, setSelected] = useState<Schemas['Dossier'] | null>(null);
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
      <FileForm onFiled={(d) => { setSelected(d); setVersion((v) => v + 1); }} />
      <ErrorBox error={list.error ?? error} />
      {list.data && (
        <DataTable<Schemas['DossierRow']>
          caption="Hồ sơ của tôi; bấm một dòng để xem chi tiết" data={list.data.dossiers} filter={false}
          onRowClick={(r) => void pick(r.id)}
          columns={[
            { accessorKey: 'number', header: 'Mã hồ sơ' },
            { accessorKey: 'procedure_name', header: 'Thủ tục' },
            { accessorKey: 'received_at', header: 'Ngày nộp', cell: (c) => localTime(c.getValue()) },
            { accessorKey: 'due_on', header: 'Hẹn trả', cell: (c) => date(c.getValue()) },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => dossierStatusVi[c.getValue()] + (c.row.original.outcome ? ` (${outcomeVi[c.row.original.outcome]})` : '') },
          ]} />
      )}
      {selected && (
        <>
          <DossierView d={selected} />
          <Rate d={selected} onDone={(d) => { setSelected(d); setVersion((v) => v + 1); }} />
        </>
      )}
      {role === 'citizen' && <Feedback />}
    </Stack>
  );
}
