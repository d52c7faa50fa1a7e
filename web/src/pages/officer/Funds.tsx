// Funds for officers and leaders: the statements of every fund, the
// journal, the investment portfolio, the fund-balance model with its chart
// (reserve and, with the stochastic run, its percentiles), the scenarios
// side by side, the five-year forecast and the annual estimate.
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import { api, ApiError, call, download, type Schemas } from '../../api/client';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, money, number, thisMonth } from '../../format';

// Thousands of billions of dong ("nghìn tỷ"), as fund figures are read.
const trillion = (v: number) => `${number(v / 1e12, 1)} nghìn tỷ`;
const billion = (v: number) => `${number(v / 1e9, 1)} tỷ`;
const yearOr = (y: number | null | undefined) => (y == null ? 'không trong kỳ dự báo' : String(y));

function StatementsTab() {
  const [period, setPeriod] = useState(thisMonth().slice(0, 4));
  const valid = /^\d{4}(-\d{2}|-Q[1-4])?$/.test(period);
  const st = useApi(() => call(api.GET('/funds/statements', { params: { query: { period } } })), [period], valid);
  const tb = useApi(() => call(api.GET('/funds/trial-balance', { params: { query: { period } } })), [period], valid);
  const [error, setError] = useState<ApiError | null>(null);
  const statements = typeof st.data === 'object' ? st.data.statements : undefined;
  return (
    <>
      <Group align="flex-end" mb="md">
        <TextInput label="Kỳ báo cáo (năm, quý hoặc tháng)" description="Ví dụ 2026, 2026-Q3, 2026-10" value={period} onChange={(e) => setPeriod(e.currentTarget.value)} />
        <Button variant="light" disabled={!valid} onClick={() => void download('/funds/statements', { period, format: 'xlsx' }).catch(setError)}>
          Tải báo cáo (XLSX)
        </Button>
        <Button variant="light" disabled={!valid} onClick={() => void download(`/funds/statistics/${period.slice(0, 4)}`, { format: 'xlsx' }).catch(setError)}>
          Bảng thống kê năm {period.slice(0, 4)} (XLSX)
        </Button>
        {tb.data && (
          <Badge color={tb.data.balanced ? 'green' : 'red'} size="lg">
            {tb.data.balanced ? 'Sổ cân đối' : 'Sổ KHÔNG cân đối'}: Nợ {money(tb.data.total_debit)} · Có {money(tb.data.total_credit)}
          </Badge>
        )}
      </Group>
      <ErrorBox error={error ?? st.error} />
      {statements && (
        <DataTable<Schemas['FundStatement']>
          caption={`Thu, chi và số dư các quỹ — ${statements[0]?.span.label ?? ''}`}
          filter={false}
          data={statements}
          columns={[
            { accessorKey: 'fund_name', header: 'Quỹ' },
            { accessorKey: 'opening', header: 'Số dư đầu kỳ', cell: (c) => money(c.getValue()) },
            { accessorKey: 'revenue', header: 'Thu trong kỳ', cell: (c) => money(c.getValue()) },
            { accessorKey: 'expenditure', header: 'Chi trong kỳ', cell: (c) => money(c.getValue()) },
            { accessorKey: 'closing', header: 'Số dư cuối kỳ', cell: (c) => money(c.getValue()) },
          ]}
        />
      )}
    </>
  );
}

function JournalTab() {
  const [page, setPage] = useState(1);
  const entries = useApi(
    () => call(api.GET('/funds/entries', { params: { query: { limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } } })),
    [page],
  );
  return (
    <>
      <ErrorBox error={entries.error} />
      {entries.data && (
        <DataTable<Schemas['FundEntry']>
          caption="Sổ nhật ký các quỹ (mới nhất trước)"
          data={entries.data.entries}
          total={entries.data.page.total}
          page={page}
          onPage={setPage}
          columns={[
            { accessorKey: 'id', header: 'Số' },
            { accessorKey: 'posted_on', header: 'Ngày', cell: (c) => date(c.getValue()) },
            { id: 'source', header: 'Chứng từ', cell: (c) => `${c.row.original.source_kind} ${c.row.original.source_ref}` },
            { accessorKey: 'description', header: 'Diễn giải' },
            { accessorKey: 'total', header: 'Số tiền', cell: (c) => money(c.getValue()) },
            {
              id: 'state', header: 'Ghi chú',
              cell: (c) => (c.row.original.reversed_by ? `đã đảo (số ${c.row.original.reversed_by})` : c.row.original.reverses ? `đảo số ${c.row.original.reverses}` : ''),
            },
          ]}
        />
      )}
    </>
  );
}

function InvestmentsTab() {
  const p = useApi(() => call(api.GET('/funds/investments', {})), []);
  const y = useApi(() => call(api.GET('/funds/yield/{year}', { params: { path: { year: String(Number(thisMonth().slice(0, 4)) - 1) } } })), []);
  return (
    <>
      <ErrorBox error={p.error} />
      {p.data && (
        <Stack>
          <Text>
            Ngày {date(p.data.as_of)}: gốc {money(p.data.principal)}, lãi dự thu {money(p.data.accrued)}
            {y.data ? ` · lợi suất năm ${y.data.year}: ${number(y.data.yield_percent, 2)}%` : ''}
          </Text>
          <DataTable<Schemas['Investment']>
            caption="Danh mục đầu tư"
            filter={false}
            data={p.data.items}
            columns={[
              { accessorKey: 'reference', header: 'Mã' },
              { accessorKey: 'kind', header: 'Hình thức' },
              { accessorKey: 'issuer', header: 'Tổ chức' },
              { accessorKey: 'amount', header: 'Gốc', cell: (c) => money(c.getValue()) },
              { accessorKey: 'rate', header: 'Lãi suất (%/năm)', cell: (c) => number(c.getValue(), 2) },
              { accessorKey: 'matures_on', header: 'Đáo hạn', cell: (c) => date(c.getValue()) },
              { accessorKey: 'accrued', header: 'Lãi dự thu', cell: (c) => money(c.getValue()) },
            ]}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Table withTableBorder aria-label="Thang đáo hạn">
              <Table.Caption>Thang đáo hạn</Table.Caption>
              <Table.Thead><Table.Tr><Table.Th>Năm</Table.Th><Table.Th>Gốc đến hạn</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {p.data.ladder.map((l) => (
                  <Table.Tr key={l.year}><Table.Td>{l.year}</Table.Td><Table.Td>{money(l.amount)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Stack gap="xs">
              <Text fw={600}>Cơ cấu so với quy định</Text>
              {p.data.structure.map((s) => (
                <Text key={s.kind} c={s.problem ? 'red' : undefined}>
                  {s.name}: {number(s.share, 2)}%{s.max_share != null ? ` (tối đa ${number(s.max_share, 0)}%)` : ''}{s.problem ? ` — ${s.problem}` : ''}
                </Text>
              ))}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}

const KNOBS: { name: string; label: string; step: number }[] = [
  { name: 'retirement_age_male', label: 'Tuổi nghỉ hưu nam', step: 0.25 },
  { name: 'retirement_age_female', label: 'Tuổi nghỉ hưu nữ', step: 0.25 },
  { name: 'contribution_rate_pension', label: 'Tỷ lệ đóng quỹ hưu trí (%)', step: 0.5 },
  { name: 'pension_indexation_real', label: 'Điều chỉnh lương hưu trên lạm phát (%/năm)', step: 0.5 },
  { name: 'wage_growth_real', label: 'Tăng lương thực tế (%/năm)', step: 0.5 },
  { name: 'yield_real', label: 'Lợi suất đầu tư thực (%/năm)', step: 0.5 },
  { name: 'coverage_target', label: 'Tỷ lệ lực lượng lao động tham gia (mục tiêu, %)', step: 1 },
];

function ModelTab() {
  const scenarios = useApi(() => call(api.GET('/funds/scenarios', {})), []);
  const [scenario, setScenario] = useState<string>('');
  const [set, setSet] = useState<Record<string, number>>({});
  const [stochastic, setStochastic] = useState(false);
  const [result, setResult] = useState<Schemas['Projection'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call(api.POST('/funds/projection', { body: { scenario: scenario || undefined, set, stochastic } })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const chart = useMemo<ChartConfiguration | null>(() => {
    if (!result) return null;
    const labels = result.years.map((y) => String(y.year));
    const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
      { label: 'Số dư quỹ (nghìn tỷ đồng)', data: result.years.map((y) => y.reserve / 1e12), borderColor: '#1c5fa8', pointRadius: 0 },
    ];
    const s = result.stochastic;
    if (s) {
      datasets.push(
        { label: 'P95', data: s.reserve_percentiles.map((p) => p.p95 / 1e12), borderColor: '#2f9e44', borderDash: [4, 4], pointRadius: 0 },
        { label: 'P50', data: s.reserve_percentiles.map((p) => p.p50 / 1e12), borderColor: '#868e96', pointRadius: 0 },
        { label: 'P5', data: s.reserve_percentiles.map((p) => p.p5 / 1e12), borderColor: '#c92a2a', borderDash: [4, 4], pointRadius: 0 },
      );
    }
    return {
      type: 'line',
      data: { labels, datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
    } as ChartConfiguration;
  }, [result]);
  return (
    <Stack>
      <ErrorBox error={scenarios.error} />
      {scenarios.data && (
        <DataTable
          caption="Các kịch bản"
          filter={false}
          data={scenarios.data.scenarios}
          columns={[
            { accessorKey: 'title', header: 'Kịch bản' },
            { accessorKey: 'start_year', header: 'Năm đầu' },
            { accessorKey: 'deficit_year', header: 'Thu đóng thấp hơn chi từ', cell: (c) => yearOr(c.getValue()) },
            { accessorKey: 'depletion_year', header: 'Năm cạn quỹ', cell: (c) => yearOr(c.getValue()) },
            { accessorKey: 'payg_cost_rate', header: 'Chi phí PAYG năm đầu (%)', cell: (c) => number(c.getValue(), 2) },
            { accessorKey: 'gap', header: 'Phí bình quân chung GAP (%)', cell: (c) => number(c.getValue(), 2) },
          ]}
        />
      )}
      <Group align="flex-end">
        <Select
          label="Kịch bản"
          data={[{ value: '', label: 'Phương án cơ sở' }, ...(scenarios.data?.scenarios ?? []).filter((s) => s.scenario).map((s) => ({ value: s.scenario, label: s.title }))]}
          value={scenario}
          onChange={(v) => setScenario(v ?? '')}
          allowDeselect={false}
        />
        <Checkbox label="Chạy 1.000 kịch bản ngẫu nhiên" checked={stochastic} onChange={(e) => setStochastic(e.currentTarget.checked)} />
        <Button onClick={() => void run()} loading={busy}>Chạy mô hình</Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {KNOBS.map((k) => (
          <NumberInput
            key={k.name}
            label={k.label}
            step={k.step}
            decimalSeparator=","
            value={set[k.name] ?? ''}
            placeholder={result ? String((result.assumptions[k.name] as { value?: number } | undefined)?.value ?? '') : 'theo dữ liệu'}
            onChange={(v) => setSet((s) => {
              const n = { ...s };
              if (typeof v === 'number') n[k.name] = v; else delete n[k.name];
              return n;
            })}
          />
        ))}
      </SimpleGrid>
      <ErrorBox error={error} />
      {result && chart && (
        <>
          <Alert color={result.depletion_year ? 'red' : 'green'} title={`${result.title}: quỹ ${result.depletion_year ? `cạn năm ${result.depletion_year}` : 'không cạn trong kỳ dự báo'}`}>
            Thu đóng thấp hơn chi từ năm {yearOr(result.deficit_year)} · chi phí PAYG năm đầu {number(result.payg_cost_rate, 2)}% quỹ lương ·
            phí bình quân chung (GAP) {number(result.gap, 2)}% quỹ lương · số dư đầu {trillion(result.start_reserve)}
            {result.stochastic &&
              ` · ${number(result.stochastic.share_depleted, 1)}% kịch bản cạn quỹ; năm cạn quỹ P50 ${yearOr(result.stochastic.depletion_year_percentiles.p50)}`}
          </Alert>
          <Chart config={chart} label="Số dư quỹ hưu trí và tử tuất theo năm dự báo" height={320} />
          <DataTable<Schemas['ProjectionYear']>
            caption="Kết quả theo năm (5 năm một dòng)"
            filter={false}
            data={result.years.filter((_, i) => i % 5 === 0)}
            columns={[
              { accessorKey: 'year', header: 'Năm' },
              { accessorKey: 'contributors', header: 'Người đóng', cell: (c) => number(c.getValue()) },
              { accessorKey: 'pensioners', header: 'Người hưởng', cell: (c) => number(c.getValue()) },
              { accessorKey: 'revenue', header: 'Thu', cell: (c) => billion(c.getValue()) },
              { accessorKey: 'expenditure', header: 'Chi', cell: (c) => billion(c.getValue()) },
              { accessorKey: 'investment_income', header: 'Lãi đầu tư', cell: (c) => billion(c.getValue()) },
              { accessorKey: 'reserve', header: 'Số dư cuối năm', cell: (c) => billion(c.getValue()) },
              { accessorKey: 'dependency_ratio', header: 'Người hưởng / 100 người đóng', cell: (c) => number(c.getValue(), 1) },
            ]}
          />
          <Text size="sm" c="dimmed">
            Dân số gốc: {result.base}. {result.notes.join(' ')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function ForecastTab() {
  const month = useMemo(() => {
    const [y, m] = thisMonth().split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }, []);
  const medium = useApi(() => call(api.GET('/funds/forecast/medium', { params: { query: { month } } })), [month]);
  const year = Number(month.slice(0, 4)) + 1;
  const est = useApi(() => call(api.GET('/funds/estimates/{year}', { params: { path: { year: String(year) } } })), [year]);
  return (
    <Stack>
      <ErrorBox error={medium.error} />
      {medium.data && (
        <Table withTableBorder striped aria-label="Dự báo 5 năm">
          <Table.Caption>Dự báo thu, chi 5 năm tới (tỷ đồng)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Quỹ</Table.Th>
              {medium.data.funds[0]?.years.map((y) => <Table.Th key={y.year}>{y.year}: thu / chi</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {medium.data.funds.map((f) => (
              <Table.Tr key={f.fund}>
                <Table.Td>{f.fund_name}</Table.Td>
                {f.years.map((y) => <Table.Td key={y.year}>{number(y.revenue / 1e9, 1)} / {number(y.expenditure / 1e9, 1)}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {medium.data?.funds[0] && <Text size="sm" c="dimmed">Phương pháp: {medium.data.funds.find((f) => f.fund === 'retirement')?.method}</Text>}
      {est.error && est.error.status === 404 && <Text c="dimmed">Chưa lập dự toán năm {year}.</Text>}
      {est.data && (
        <DataTable<Schemas['FundEstimates']['rows'][number]>
          caption={`Dự toán năm ${est.data.year} (lần ${est.data.version}) và số thực hiện`}
          data={est.data.rows}
          columns={[
            { accessorKey: 'province', header: 'Tỉnh', cell: (c) => c.getValue() || 'Toàn quốc' },
            { accessorKey: 'fund', header: 'Quỹ' },
            { accessorKey: 'kind', header: 'Loại', cell: (c) => ({ revenue: 'Thu', expenditure: 'Chi', management_cost: 'Chi phí quản lý' } as Record<string, string>)[c.getValue()] ?? c.getValue() },
            { accessorKey: 'amount', header: 'Dự toán', cell: (c) => money(c.getValue()) },
            { accessorKey: 'actual', header: 'Thực hiện', cell: (c) => money(c.getValue()) },
            { accessorKey: 'done', header: 'Đạt (%)', cell: (c) => number(c.getValue(), 1) },
          ]}
        />
      )}
    </Stack>
  );
}

export default function Funds() {
  return (
    <>
      <Title order={2} mb="md">
        Quỹ BHXH, BHYT, BHTN
      </Title>
      <Tabs defaultValue="statements" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="statements">Báo cáo quỹ</Tabs.Tab>
          <Tabs.Tab value="journal">Sổ nhật ký</Tabs.Tab>
          <Tabs.Tab value="investments">Đầu tư</Tabs.Tab>
          <Tabs.Tab value="model">Mô hình cân đối</Tabs.Tab>
          <Tabs.Tab value="forecast">Dự báo, dự toán</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="statements"><StatementsTab /></Tabs.Panel>
        <Tabs.Panel value="journal"><JournalTab /></Tabs.Panel>
        <Tabs.Panel value="investments"><InvestmentsTab /></Tabs.Panel>
        <Tabs.Panel value="model"><ModelTab /></Tabs.Panel>
        <Tabs.Panel value="forecast"><ForecastTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}
