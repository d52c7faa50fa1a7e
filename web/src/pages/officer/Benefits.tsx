// Benefits for officers: the cases (prepared by one officer, decided by
// another), the register of beneficiaries, the monthly payroll with its
// checks and files, the deaths from the population database, and the
// calculator.
import { Alert, Badge, Button, Card, Drawer, Group, List, SegmentedControl, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, download, type Schemas } from '../../api/client';
import { BenefitCalculator, BenefitResultView } from '../../components/BenefitCalculator';
import { DataTable } from '../../components/DataTable';
import { MonthField } from '../../components/DateFields';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { FileSender } from '../../components/FileSender';
import { date, money, number, thisMonth } from '../../format';

const caseStatus: Record<string, { label: string; color: string }> = {
  prepared: { label: 'Chờ duyệt', color: 'yellow' },
  approved: { label: 'Đã duyệt', color: 'green' },
  rejected: { label: 'Từ chối', color: 'red' },
  superseded: { label: 'Đã điều chỉnh', color: 'gray' },
};

function CaseDrawer({ id, onClose, onDecided }: { id: number; onClose: () => void; onDecided: () => void }) {
  const c = useApi(() => call(api.GET('/benefits/cases/{id}', { params: { path: { id: String(id) } } })), [id]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (approve: boolean) => {
    setError(null);
    try {
      await call(api.POST('/benefits/cases/{id}/decision', {
        params: { path: { id: String(id) }, header: { 'Idempotency-Key': `decide-${id}-${Date.now()}` } },
        body: { approve, note: note || undefined },
      }));
      c.reload();
      onDecided();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  const v = c.data;
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" closeButtonProps={{ "aria-label": "Đóng" }} title={v ? `Hồ sơ số ${v.id}: ${v.regime_name}` : 'Hồ sơ'}>
      <ErrorBox error={c.error} />
      {v && (
        <Stack>
          <Text>
            {v.full_name} (CCCD {v.cccd}) · sự kiện ngày {date(v.event_date)} · lần {v.version}
          </Text>
          <Group>
            <Badge color={caseStatus[v.status]?.color}>{caseStatus[v.status]?.label ?? v.status}</Badge>
            <Text size="sm">Lập bởi {v.prepared_by}{v.decided_by ? ` · quyết định bởi ${v.decided_by}` : ''}</Text>
          </Group>
          <Text size="sm">
            Nhận tiền: {v.payee} — {v.bank_account ? `${v.bank}, tài khoản ${v.bank_account}` : v.cash_point || 'chưa đăng ký'}
          </Text>
          {v.excluded.length > 0 && (
            <Alert color="orange" title="Thời gian không được tính">
              {v.excluded.map((e, i) => <Text key={i} size="sm">{e}</Text>)}
            </Alert>
          )}
          {v.checks.length > 0 && (
            <Alert color="red" title="Kiểm tra">
              {v.checks.map((e, i) => <Text key={i} size="sm">{e}</Text>)}
            </Alert>
          )}
          {v.note && <Text size="sm">Ghi chú: {v.note}</Text>}
          {v.status === 'approved' && (
            <Text size="sm" c="dimmed">
              Điều chỉnh: ở thẻ Tính thử, lấy quá trình đóng của người này, tính lại và lập hồ sơ với ô «Điều chỉnh hồ sơ đã
              duyệt số» là {v.id}; khi được duyệt, bản này dừng từ tháng trước tháng hưởng của bản mới và phần chênh lệch các
              tháng đã chi được truy lĩnh.
            </Text>
          )}
          {v.status === 'prepared' && (
            <Card withBorder>
              <Textarea label="Ghi chú (bắt buộc khi từ chối)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Group mt="sm">
                <Button color="green" onClick={() => void decide(true)} disabled={!v.eligible}>Phê duyệt</Button>
                <Button color="red" variant="light" onClick={() => void decide(false)}>Từ chối</Button>
              </Group>
              <ErrorBox error={error} />
            </Card>
          )}
          {v.result && <BenefitResultView result={v.result} />}
        </Stack>
      )}
    </Drawer>
  );
}

function CasesTab() {
  const [status, setStatus] = useState('prepared');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const cases = useApi(
    async () =>
      (await call(api.GET('/benefits/cases', { params: { query: { status: status === 'all' ? undefined : (status as 'prepared'), limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } } }))) as {
        cases: Schemas['BenefitCase'][];
        page: { total: number };
      },
    [status, page],
  );
  return (
    <>
      <SegmentedControl mb="md" value={status} onChange={(v) => { setStatus(v); setPage(1); }} data={[
        { value: 'prepared', label: 'Chờ duyệt' }, { value: 'approved', label: 'Đã duyệt' },
        { value: 'rejected', label: 'Từ chối' }, { value: 'all', label: 'Tất cả' },
      ]} />
      <Button variant="light" mb="md" ml="md" onClick={() => void download('/benefits/cases', { format: 'xlsx', ...(status === 'all' ? {} : { status }) })}>
        Xuất danh sách (XLSX)
      </Button>
      <ErrorBox error={cases.error} />
      {cases.data && (
        <DataTable<Schemas['BenefitCase']>
          caption="Hồ sơ hưởng chế độ"
          data={cases.data.cases}
          total={cases.data.page.total}
          page={page}
          onPage={setPage}
          onRowClick={(r) => setOpen(r.id)}
          columns={[
            { accessorKey: 'id', header: 'Số' },
            { accessorKey: 'full_name', header: 'Họ tên' },
            { accessorKey: 'cccd', header: 'CCCD' },
            { accessorKey: 'regime_name', header: 'Chế độ' },
            { accessorKey: 'event_date', header: 'Sự kiện', cell: (c) => date(c.getValue()) },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => caseStatus[c.getValue()]?.label ?? c.getValue() },
            { accessorKey: 'monthly', header: 'Hằng tháng', cell: (c) => money(c.getValue()) },
            { accessorKey: 'lump_sum', header: 'Một lần', cell: (c) => money(c.getValue()) },
          ]}
        />
      )}
      {open !== null && <CaseDrawer id={open} onClose={() => setOpen(null)} onDecided={cases.reload} />}
    </>
  );
}

function BeneficiariesTab() {
  const [page, setPage] = useState(1);
  const list = useApi(() => call(api.GET('/benefits/beneficiaries', { params: { query: { limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } } })), [page]);
  return (
    <>
      <ErrorBox error={list.error} />
      {list.data && (
        <DataTable<Schemas['Beneficiary']>
          caption="Người hưởng hằng tháng"
          data={list.data.beneficiaries}
          total={list.data.page.total}
          page={page}
          onPage={setPage}
          columns={[
            { accessorKey: 'full_name', header: 'Họ tên' },
            { accessorKey: 'cccd', header: 'CCCD' },
            { accessorKey: 'regime_name', header: 'Chế độ' },
            { accessorKey: 'monthly', header: 'Mức hằng tháng', cell: (c) => money(c.getValue()) },
            { accessorKey: 'start', header: 'Từ tháng', cell: (c) => date(c.getValue()) },
            { accessorKey: 'end', header: 'Đến tháng', cell: (c) => date(c.getValue()) },
            { id: 'channel', header: 'Nhận qua', cell: (c) => (c.row.original.bank_account ? `${c.row.original.bank}` : 'Tiền mặt') },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => (c.getValue() === 'active' ? 'Đang hưởng' : `Dừng (${c.row.original.stop_reason === 'death' ? 'đã chết' : c.row.original.stop_reason})`) },
          ]}
        />
      )}
    </>
  );
}

function PayrollTab() {
  const [month, setMonth] = useState(thisMonth());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const payroll = useApi(() => call(api.GET('/benefits/payrolls/{month}', { params: { path: { month } } })), [month], /^\d{4}-\d{2}$/.test(month));
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(api.POST('/benefits/payrolls', { body: { month } }));
      payroll.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const p = typeof payroll.data === 'object' ? (payroll.data as Schemas['Payroll']) : undefined;
  return (
    <>
      <Group align="flex-end" mb="md">
        <MonthField label="Tháng chi trả" value={month} onChange={setMonth} />
        <Button onClick={() => void run()} loading={busy}>Chạy chi trả tháng này</Button>
        {p && (
          <>
            <Button variant="light" onClick={() => void download(`/benefits/payrolls/${month}/bank-file`, {}).catch(setError)}>Tệp chuyển khoản</Button>
            <Button variant="light" onClick={() => void download(`/benefits/payrolls/${month}/cash-list`, {}).catch(setError)}>Danh sách tiền mặt</Button>
            <Button variant="light" onClick={() => void download(`/benefits/payrolls/${month}`, { format: 'xlsx' }).catch(setError)}>Bảng tổng hợp (XLSX)</Button>
          </>
        )}
      </Group>
      <ErrorBox error={error} />
      {payroll.error && payroll.error.status === 404 && <Text c="dimmed">Chưa chi trả tháng {date(month)}.</Text>}
      {p && (
        <>
          <Alert color="green" title={`Tháng ${date(p.month)}: ${number(p.paid)} người, ${money(p.total)}`} mb="md">
            Dừng chi {number(p.withheld)} người; điều chỉnh mức hưởng theo nghị định cho {number(p.indexed)} người
            {p.back_paid > 0 && <>; truy lĩnh các tháng đã chi cho {number(p.back_paid)} người, {money(p.back_pay)} (đã gồm trong tổng)</>}.
          </Alert>
          <DataTable
            caption="Theo tỉnh (chỉ tiêu tỷ lệ chi không dùng tiền mặt)"
            filter={false}
            data={p.provinces}
            columns={[
              { accessorKey: 'province', header: 'Tỉnh' },
              { accessorKey: 'paid', header: 'Số người', cell: (c) => number(c.getValue()) },
              { accessorKey: 'amount', header: 'Số tiền', cell: (c) => money(c.getValue()) },
              { accessorKey: 'cashless', header: 'Qua tài khoản', cell: (c) => number(c.getValue()) },
              { accessorKey: 'cashless_pct', header: 'Tỷ lệ (%)', cell: (c) => number(c.getValue(), 1) },
              { accessorKey: 'urban', header: 'Ở đô thị', cell: (c) => number(c.getValue()) },
              {
                id: 'urban_pct',
                header: 'Đô thị qua tài khoản (%)',
                cell: (c) => (c.row.original.urban ? number((100 * c.row.original.urban_cashless) / c.row.original.urban, 1) : '—'),
              },
            ]}
          />
          <DataTable
            caption={`Kiểm tra (${number(p.findings_total)})`}
            data={p.findings}
            columns={[
              { accessorKey: 'rule_name', header: 'Quy tắc' },
              { accessorKey: 'cccd', header: 'CCCD' },
              { accessorKey: 'amount', header: 'Số tiền', cell: (c) => money(c.getValue()) },
              { accessorKey: 'withheld', header: 'Dừng chi', cell: (c) => (c.getValue() ? 'Có' : 'Không') },
              { accessorKey: 'detail', header: 'Chi tiết' },
            ]}
          />
        </>
      )}
    </>
  );
}

// The population database's deaths (CSV cccd,death_date): payment stops
// from the month after, what was paid later is to be recovered, and the
// funeral and survivors' cases are prepared for another officer to decide.
// The file's digest is the request's idempotency key, so sending it twice
// records it once.
function DeathsTab() {
  return (
    <>
      <Text size="sm" mb="sm">
        Danh sách người chết từ Cơ sở dữ liệu quốc gia về dân cư: tệp CSV hai cột <code>cccd,death_date</code> (ngày
        dd/mm/yyyy hoặc yyyy-mm-dd). Hệ thống dừng chi từ tháng sau tháng chết, tính tiền đã chi thừa cần thu hồi, lập hồ
        sơ trợ cấp mai táng và hồ sơ trợ cấp tuất để cán bộ khác duyệt. Một dòng lỗi thì không ghi dòng nào.
      </Text>
      <FileSender<Schemas['DeathsResult']> accept=".csv,text/csv" contentType="text/csv"
        labels={['Chọn tệp CSV', 'Gửi danh sách']} send={(init) => call(api.POST('/benefits/deaths', init))}>
        {(result) => (
          <Alert color="green" title={`Ghi nhận ${number(result.recorded)} người chết`} data-testid="deaths-result">
            <Text size="sm">
              {number(result.already)} người đã có trong dữ liệu; dừng chi {number(result.stopped)} chế độ; chi thừa cần
              thu hồi {money(result.overpaid)}; lập {number(result.cases_opened)} hồ sơ mai táng,{' '}
              {number(result.survivor_cases_opened)} hồ sơ tử tuất (xem thẻ Hồ sơ).
            </Text>
            {result.notes.length > 0 && (
              <List size="sm" mt="xs">
                {result.notes.map((n, i) => (
                  <List.Item key={i}>{n}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </FileSender>
    </>
  );
}

export default function Benefits() {
  return (
    <>
      <Title order={2} mb="md">
        Chế độ BHXH
      </Title>
      <Tabs defaultValue="cases" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="cases">Hồ sơ</Tabs.Tab>
          <Tabs.Tab value="beneficiaries">Người hưởng</Tabs.Tab>
          <Tabs.Tab value="payroll">Chi trả</Tabs.Tab>
          <Tabs.Tab value="deaths">Báo tử</Tabs.Tab>
          <Tabs.Tab value="calc">Tính thử</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cases"><CasesTab /></Tabs.Panel>
        <Tabs.Panel value="beneficiaries"><BeneficiariesTab /></Tabs.Panel>
        <Tabs.Panel value="payroll"><PayrollTab /></Tabs.Panel>
        <Tabs.Panel value="deaths"><DeathsTab /></Tabs.Panel>
        <Tabs.Panel value="calc"><BenefitCalculator /></Tabs.Panel>
      </Tabs>
    </>
  );
}
