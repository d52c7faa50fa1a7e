// Participant development for officers: the employers not registered or
// under-declared, found by cross-matching the tax authority's wage data and
// the business register with the national record, ranked by the
// contributions at stake, each with its evidence and follow-up; coverage by
// commune (potential voluntary participants, lapsed HI cards, targets and
// progress) with the people behind each count; and the imports of the
// sources.
import { Alert, Button, FileButton, Group, Select, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, download, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, money, number, today } from '../../format';

type Finding = Schemas['DevelopmentFinding'];

const kindVi: Record<string, string> = { unregistered: 'Chưa đăng ký tham gia', under_declared: 'Đóng thiếu người, thiếu lương' };
const stageVi: Record<string, string> = {
  within_deadline: 'còn trong hạn đăng ký',
  late: 'quá hạn đăng ký (chậm đóng)',
  evasion: 'quá hạn hơn 60 ngày (trốn đóng)',
};
const followVi: Record<string, string> = {
  open: 'Chưa xử lý',
  contacted: 'Đã liên hệ',
  registered: 'Đã đăng ký',
  referred_inspection: 'Chuyển thanh tra',
  closed: 'Đã đóng',
};
const importKinds = [
  { value: 'tax_employers', label: 'Thuế: đơn vị (mã số thuế, số lao động, quỹ lương)' },
  { value: 'tax_workers', label: 'Thuế: người lao động có thu nhập (mã số thuế, số định danh, thu nhập)' },
  { value: 'business_register', label: 'Đăng ký doanh nghiệp (mã số, tên, tỉnh, xã, ngày thành lập, tình trạng)' },
  { value: 'commune_targets', label: 'Chỉ tiêu theo xã (BHXH tự nguyện, BHYT)' },
];

function asError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e));
}

function FindingDetail({ id, onChange }: { id: number; onChange: () => void }) {
  const [version, setVersion] = useState(0);
  const r = useApi(() => call(api.GET('/development/findings/{id}', { params: { path: { id: String(id) } } })), [id, version]);
  const [status, setStatus] = useState<string | null>('contacted');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    setError(null);
    try {
      await call(api.POST('/development/findings/{id}/follow-up', {
        params: { path: { id: String(id) } },
        body: { status: (status ?? 'contacted') as Finding['follow_up']['status'], note },
      }));
      setNote('');
      setVersion((v) => v + 1);
      onChange();
    } catch (e) {
      setError(asError(e));
    }
  };
  if (r.error) return <ErrorBox error={r.error} />;
  if (!r.data) return null;
  const f = r.data.finding;
  return (
    <section aria-label="Chi tiết đơn vị">
      <Title order={3} mb="xs">
        {f.name || f.tax_code} — MST {f.tax_code}
      </Title>
      <Table withTableBorder maw={760} mb="md">
        <Table.Tbody>
          <Table.Tr><Table.Th>Loại</Table.Th><Table.Td>{kindVi[f.kind]}</Table.Td></Table.Tr>
          {f.employer_code && <Table.Tr><Table.Th>Mã đơn vị BHXH</Table.Th><Table.Td>{f.employer_code}</Table.Td></Table.Tr>}
          <Table.Tr><Table.Th>Tỉnh / xã</Table.Th><Table.Td>{f.province} / {f.commune || '—'}</Table.Td></Table.Tr>
          {f.registered_on && (
            <Table.Tr>
              <Table.Th>Ngày thành lập</Table.Th>
              <Table.Td>
                {date(f.registered_on)}
                {f.days_past_deadline != null && f.days_past_deadline > 0 && ` · quá hạn ${number(f.days_past_deadline)} ngày, ${stageVi[f.stage] ?? ''}`}
              </Table.Td>
            </Table.Tr>
          )}
          <Table.Tr><Table.Th>Lao động theo thuế / đóng BHXH</Table.Th><Table.Td>{number(f.tax_workers)} / {number(f.si_workers)}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>Quỹ lương theo thuế / đóng BHXH</Table.Th><Table.Td>{money(f.tax_wage)} / {money(f.si_wage)}</Table.Td></Table.Tr>
          <Table.Tr>
            <Table.Th>Số tiền phải đóng ước tính</Table.Th>
            <Table.Td>{money(f.at_stake)}{f.estimated ? ' (ước theo số lao động đăng ký × lương tối thiểu vùng thấp nhất)' : ''}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {r.data.people.length > 0 && (
        <DataTable
          caption="Người lao động có thu nhập theo thuế nhưng chưa đóng BHXH tại đơn vị"
          data={r.data.people}
          filter={false}
          columns={[
            { accessorKey: 'cccd', header: 'Số định danh' },
            { accessorKey: 'full_name', header: 'Họ tên' },
            { accessorKey: 'income', header: 'Thu nhập trong năm', cell: (c) => money(c.getValue()) },
            { accessorKey: 'known', header: 'Có trong CSDL', cell: (c) => (c.getValue() ? 'Có' : 'Chưa') },
          ]}
        />
      )}
      <Title order={4} mt="md" mb="xs">Theo dõi</Title>
      {r.data.history.length === 0 ? (
        <Text size="sm" mb="xs">Chưa có kết quả theo dõi.</Text>
      ) : (
        <Table withTableBorder maw={760} mb="xs" aria-label="Lịch sử theo dõi">
          <Table.Tbody>
            {r.data.history.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td>{h.at.slice(0, 10).split('-').reverse().join('/')}</Table.Td>
                <Table.Td>{followVi[h.status]}</Table.Td>
                <Table.Td>{h.note}</Table.Td>
                <Table.Td>{h.by}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end">
        <Select label="Kết quả" value={status} onChange={setStatus} w={220}
          data={Object.entries(followVi).map(([value, label]) => ({ value, label }))} />
        <Textarea label="Ghi chú" autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} w={360} />
        <Button onClick={() => void save()}>Ghi kết quả theo dõi</Button>
      </Group>
      <ErrorBox error={error} />
    </section>
  );
}

function FindingsTab() {
  const [year, setYear] = useState(String(Number(today().slice(0, 4)) - 1));
  const [kind, setKind] = useState<string | null>(null);
  const [follow, setFollow] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const yearOk = /^\d{4}$/.test(year);
  const filter = { year: Number(year), ...(kind ? { kind } : {}), ...(follow ? { follow_up: follow } : {}) };
  const list = useApi(
    () => call(api.GET('/development/findings', {
      params: { query: { ...filter, kind: kind as Finding['kind'] | undefined, follow_up: follow as Finding['follow_up']['status'] | undefined, limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } },
    })),
    [year, kind, follow, page, version],
    yearOk,
  );
  const run = async () => {
    setError(null);
    setRunning(true);
    try {
      await call(api.POST('/development/matches', { body: { year: Number(year) } }));
      setPage(1);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(asError(e));
    } finally {
      setRunning(false);
    }
  };
  const exportCsv = async () => {
    setError(null);
    try {
      const q: Record<string, string> = { year };
      if (kind) q.kind = kind;
      if (follow) q.follow_up = follow;
      await download('/development/findings/export', q);
    } catch (e) {
      setError(asError(e));
    }
  };
  const r = list.data?.run;
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label="Năm thu nhập" value={year} onChange={(e) => { setYear(e.currentTarget.value); setPage(1); }} w={140} />
        <Select label="Loại" clearable placeholder="Tất cả" value={kind} onChange={(v) => { setKind(v); setPage(1); }} w={260}
          data={Object.entries(kindVi).map(([value, label]) => ({ value, label }))} />
        <Select label="Theo dõi" clearable placeholder="Tất cả" value={follow} onChange={(v) => { setFollow(v); setPage(1); }} w={200}
          data={Object.entries(followVi).map(([value, label]) => ({ value, label }))} />
        <Button onClick={() => void run()} loading={running} disabled={!yearOk}>Chạy đối chiếu</Button>
        <Button variant="default" onClick={() => void exportCsv()} disabled={!r}>Xuất CSV (Excel)</Button>
      </Group>
      <ErrorBox error={error ?? list.error} />
      {list.data && !r && <Alert color="gray">Chưa có lần đối chiếu nào cho năm {year}. Nhập dữ liệu thuế, đăng ký doanh nghiệp rồi bấm “Chạy đối chiếu”.</Alert>}
      {r && (
        <Alert color="blue" title={`Đối chiếu năm ${r.year}, tính đến ngày ${date(r.as_of)}`}>
          {number(r.unregistered)} đơn vị chưa đăng ký tham gia, {number(r.under_declared)} đơn vị đóng thiếu; số tiền phải đóng ước tính {money(r.at_stake)}.
          {' '}Trong danh sách đang lọc: {number(list.data?.page.total)} đơn vị, {money(list.data?.total_at_stake)}.
        </Alert>
      )}
      {list.data && r && (
        <DataTable<Finding>
          caption="Đơn vị xếp theo số tiền phải đóng; bấm một dòng để xem bằng chứng và ghi theo dõi"
          data={list.data.findings}
          total={list.data.page.total}
          page={page}
          onPage={setPage}
          onRowClick={(f) => setSelected(f.id)}
          columns={[
            { accessorKey: 'tax_code', header: 'Mã số thuế' },
            { accessorKey: 'name', header: 'Tên đơn vị' },
            { accessorKey: 'kind', header: 'Loại', cell: (c) => kindVi[c.getValue()] },
            { accessorKey: 'province', header: 'Tỉnh' },
            { accessorKey: 'commune', header: 'Xã' },
            { accessorKey: 'gap_people', header: 'Thiếu lao động', cell: (c) => number(c.getValue()) },
            { accessorKey: 'gap_wage', header: 'Thiếu quỹ lương', cell: (c) => money(c.getValue()) },
            { accessorKey: 'at_stake', header: 'Phải đóng ước tính', cell: (c) => money(c.getValue()) + (c.row.original.estimated ? ' (ước)' : '') },
            { accessorKey: 'stage', header: 'Hạn đăng ký', cell: (c) => stageVi[c.getValue()] ?? '' },
            { id: 'follow', header: 'Theo dõi', accessorFn: (f) => followVi[f.follow_up.status] },
          ]}
        />
      )}
      {selected != null && <FindingDetail id={selected} onChange={() => setVersion((v) => v + 1)} />}
    </Stack>
  );
}

function CommunesTab({ commune: oneCommune = false }: { commune?: boolean }) {
  const [asOf, setAsOf] = useState(today());
  const [province, setProvince] = useState('');
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && (province === '' || /^\d{2}$/.test(province));
  const r = useApi(
    () => call(api.GET('/development/communes', { params: { query: { as_of: asOf, ...(province ? { province } : {}) } } })),
    [asOf, province],
    ok,
  );
  const [commune, setCommune] = useState<Schemas['CommuneCoverage'] | null>(null);
  const [reason, setReason] = useState<'voluntary' | 'hi_lapsed'>('voluntary');
  const people = useApi(
    () => call(api.GET('/development/communes/{province}/{commune}/people', {
      params: { path: { province: commune?.province ?? '', commune: commune?.commune ?? '' }, query: { reason, as_of: asOf, limit: 1000 } },
    })),
    [commune?.province, commune?.commune, reason, asOf],
    commune != null,
  );
  const pct = (v: number | null) => (v == null ? '' : `${number(v, 1)}%`);
  return (
    <Stack>
      <Group>
        <TextInput label="Tính đến ngày" description="YYYY-MM-DD" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} />
        {!oneCommune && (
          <TextInput label="Mã tỉnh" description="để trống: mọi tỉnh được xem" value={province} onChange={(e) => setProvince(e.currentTarget.value)} w={160} />
        )}
      </Group>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable<Schemas['CommuneCoverage']>
          caption="Theo xã, phường; bấm một dòng để xem danh sách người"
          data={r.data.communes}
          onRowClick={setCommune}
          columns={[
            { accessorKey: 'province', header: 'Tỉnh' },
            { accessorKey: 'commune', header: 'Xã' },
            { accessorKey: 'residents', header: 'Dân cư trong CSDL', cell: (c) => number(c.getValue()) },
            { accessorKey: 'working_age', header: 'Trong độ tuổi lao động', cell: (c) => number(c.getValue()) },
            { accessorKey: 'compulsory', header: 'BHXH bắt buộc', cell: (c) => number(c.getValue()) },
            { accessorKey: 'voluntary', header: 'BHXH tự nguyện', cell: (c) => number(c.getValue()) },
            { accessorKey: 'potential_voluntary', header: 'Chưa tham gia (tiềm năng)', cell: (c) => number(c.getValue()) },
            { accessorKey: 'hi_lapsed', header: 'Thẻ BHYT hết hạn', cell: (c) => number(c.getValue()) },
            { accessorKey: 'voluntary_target', header: 'Chỉ tiêu tự nguyện', cell: (c) => (c.getValue() == null ? '' : number(c.getValue())) },
            { accessorKey: 'voluntary_progress', header: 'Đạt', cell: (c) => pct(c.getValue()) },
            { accessorKey: 'hi_progress', header: 'Đạt chỉ tiêu BHYT', cell: (c) => pct(c.getValue()) },
          ]}
        />
      )}
      {r.data && (
        <Text size="xs" c="dimmed">
          Độ tuổi lao động: từ {r.data.parameters.find((p) => p.key === 'working_age.min_years')?.value ?? '15'} tuổi đến tuổi nghỉ hưu theo Nghị định 135/2020/NĐ-CP; người đang hưởng lương hưu, trợ cấp hằng tháng không tính là tiềm năng.
        </Text>
      )}
      {commune && (
        <section aria-label="Danh sách người của xã">
          <Group align="flex-end" mb="xs">
            <Title order={3}>Xã {commune.commune}, tỉnh {commune.province}</Title>
            <Select value={reason} onChange={(v) => setReason((v ?? 'voluntary') as 'voluntary')} aria-label="Danh sách"
              data={[{ value: 'voluntary', label: 'Chưa tham gia BHXH (tiềm năng tự nguyện)' }, { value: 'hi_lapsed', label: 'Thẻ BHYT đã hết hạn' }]} w={340} />
          </Group>
          <ErrorBox error={people.error} />
          {people.data && (
            <DataTable
              caption={`${number(people.data.page.total)} người`}
              data={people.data.people}
              columns={[
                { accessorKey: 'cccd', header: 'Số định danh' },
                { accessorKey: 'full_name', header: 'Họ tên' },
                { accessorKey: 'dob', header: 'Ngày sinh', cell: (c) => date(c.getValue()) },
                { accessorKey: 'sex', header: 'Giới tính', cell: (c) => (c.getValue() === 'female' ? 'Nữ' : 'Nam') },
                { accessorKey: 'hi_valid_to', header: 'Thẻ BHYT có giá trị đến', cell: (c) => date(c.getValue()) },
              ]}
            />
          )}
        </section>
      )}
    </Stack>
  );
}

function ImportTab() {
  const [kind, setKind] = useState<string | null>('tax_employers');
  const [year, setYear] = useState(String(Number(today().slice(0, 4)) - 1));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Schemas['DevelopmentImport'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const send = async () => {
    if (!file || !kind) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
      setDone(await call(api.POST('/development/imports/{kind}', {
        params: { path: { kind: kind as 'tax_employers' }, query: kind === 'business_register' ? {} : { year: Number(year) } },
        body: bytes as never,
        bodySerializer: (b: unknown) => b as Uint8Array,
        headers: { 'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
      })));
    } catch (e) {
      setError(asError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={760}>
      <Text size="sm">
        Tệp CSV (dấu phẩy hoặc chấm phẩy, kể cả “CSV UTF-8” của Excel) hoặc XLSX, dòng đầu là tên cột — tiếng Việt (Mã số thuế, Số định danh cá nhân,
        Tổng thu nhập, Ngày thành lập, Tình trạng…) hoặc tên cột của hệ thống. Mọi dòng được kiểm tra; có dòng sai thì không lưu gì. Nhập lại cùng tệp không làm thay đổi dữ liệu.
      </Text>
      <Select label="Loại dữ liệu" value={kind} onChange={setKind} data={importKinds} />
      {kind !== 'business_register' && <TextInput label="Năm của dữ liệu" value={year} onChange={(e) => setYear(e.currentTarget.value)} w={160} />}
      <Group>
        <FileButton onChange={setFile} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => <Button variant="light" {...props}>Chọn tệp</Button>}
        </FileButton>
        <Text size="sm">{file ? file.name : 'Chưa chọn tệp'}</Text>
        <Button onClick={() => void send()} disabled={!file} loading={busy}>Nhập dữ liệu</Button>
      </Group>
      <ErrorBox error={error} />
      {done && (
        <Alert color="green">
          {done.replayed ? 'Tệp này đã được nhập trước đó, dữ liệu không đổi' : `Đã nhập ${number(done.rows)} dòng`}.
        </Alert>
      )}
    </Stack>
  );
}

export default function Development() {
  const { role, user } = useAuth();
  // A commune account works its commune's residents: the coverage tab only.
  if (role === 'commune')
    return (
      <>
        <Title order={2} mb="md">Phát triển người tham gia — xã {user?.commune}</Title>
        <CommunesTab commune />
      </>
    );
  return (
    <>
      <Title order={2} mb="md">Phát triển người tham gia</Title>
      <Tabs defaultValue="findings" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="findings">Đơn vị chưa tham gia, đóng thiếu</Tabs.Tab>
          <Tabs.Tab value="communes">Theo xã, phường</Tabs.Tab>
          <Tabs.Tab value="imports">Nhập dữ liệu thuế, đăng ký kinh doanh</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="findings"><FindingsTab /></Tabs.Panel>
        <Tabs.Panel value="communes"><CommunesTab /></Tabs.Panel>
        <Tabs.Panel value="imports"><ImportTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
