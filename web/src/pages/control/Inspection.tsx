// Inspection for inspectors and officers: employers ranked by risk for the
// annual plan (each score explained by its factors), the inspections with
// their findings, fines and recovery, and the post-audit samples of
// electronic transactions.
import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, money, number, today } from '../../format';

const statusVi: Record<string, string> = { open: 'Đang thanh tra', concluded: 'Đã kết luận, đang thu hồi', recovered: 'Đã thu hồi đủ' };
const kindVi: Record<string, string> = { declaration: 'Kê khai của đơn vị', claims_envelope: 'Hồ sơ KCB BHYT', benefit_payment: 'Chi trả chế độ' };
const resultVi: Record<string, string> = { pending: 'Chưa kiểm tra', ok: 'Đúng', discrepancy: 'Có sai lệch' };

function RiskTab() {
  const [asOf, setAsOf] = useState(today());
  const [limit, setLimit] = useState<number>(50);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const r = useApi(() => call(api.GET('/inspection/risk', { params: { query: { as_of: asOf, limit } } })), [asOf, limit], valid);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label="Tính đến ngày" description="YYYY-MM-DD" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} />
        <NumberInput label="Số đơn vị" min={1} max={1000} value={limit} onChange={(v) => setLimit(Number(v) || 50)} />
      </Group>
      <ErrorBox error={r.error} />
      {r.data && (
        <>
          <Text>
            {number(r.data.employers)} đơn vị được chấm điểm; <b>{number(r.data.mandatory)}</b> đơn vị nợ từ 3 tháng trở lên phải thanh tra
            {r.data.tax_data ? '' : ' · chưa có dữ liệu lao động của cơ quan thuế (yếu tố "thiếu lao động" chưa tính)'}
          </Text>
          <Table withTableBorder striped aria-label="Xếp hạng rủi ro">
            <Table.Caption>Đơn vị theo điểm rủi ro (0–100), bấm một dòng để xem từng yếu tố</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Hạng</Table.Th><Table.Th>Mã</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Điểm</Table.Th>
                <Table.Th>Nợ (tháng)</Table.Th><Table.Th>Số nợ</Table.Th><Table.Th>Bắt buộc</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.data.ranking.map((e, i) => (
                <Fragment key={e.code}>
                  <Table.Tr onClick={() => setOpen(open === e.code ? null : e.code)} style={{ cursor: 'pointer' }}>
                    <Table.Td>{i + 1}</Table.Td><Table.Td>{e.code}</Table.Td><Table.Td>{e.name}</Table.Td>
                    <Table.Td>{number(e.score, 1)}</Table.Td><Table.Td>{e.months_owed}</Table.Td><Table.Td>{money(e.balance)}</Table.Td>
                    <Table.Td>{e.mandatory ? <Badge color="red">Thanh tra đột xuất</Badge> : ''}</Table.Td>
                  </Table.Tr>
                  {open === e.code && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Stack gap={2}>
                          {e.factors.map((f) => (
                            <Text key={f.factor} size="sm" c={f.points > 0 ? undefined : 'dimmed'}>
                              {number(f.points, 1)}/{number(f.weight, 0)} điểm — {f.explanation}
                              {f.source ? ` (${f.source})` : ''}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

function InspectionsTab() {
  const [version, setVersion] = useState(0);
  const list = useApi(() => call(api.GET('/inspection/inspections', {})), [version]);
  const [selected, setSelected] = useState<Schemas['Inspection'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [concludeOn, setConcludeOn] = useState(today());
  const conclude = async (id: number) => {
    setError(null);
    try {
      const r = await call(api.POST('/inspection/inspections/{id}/conclusion', { params: { path: { id: String(id) } }, body: { concluded_on: concludeOn } }));
      setSelected(r);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack>
      <ErrorBox error={list.error ?? error} />
      {list.data && (
        <DataTable<Schemas['Inspection']>
          caption="Các cuộc thanh tra (mới nhất trước); bấm một dòng để xem chi tiết"
          data={list.data.inspections}
          onRowClick={setSelected}
          columns={[
            { accessorKey: 'id', header: 'Số' },
            { accessorKey: 'employer_name', header: 'Đơn vị' },
            { accessorKey: 'decision_no', header: 'Quyết định' },
            { accessorKey: 'decided_on', header: 'Ngày', cell: (c) => date(c.getValue()) },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => statusVi[c.getValue()] ?? c.getValue() },
            { accessorKey: 'fines', header: 'Tiền phạt', cell: (c) => money(c.getValue()) },
            { accessorKey: 'outstanding', header: 'Còn phải thu', cell: (c) => money(c.getValue()) },
          ]}
        />
      )}
      {selected && (
        <Stack gap="xs" aria-label="Chi tiết cuộc thanh tra">
          <Text fw={600}>
            Cuộc thanh tra số {selected.id}: {selected.employer_name} ({selected.employer_code}) — {statusVi[selected.status]}
          </Text>
          {selected.findings.map((f) => (
            <Text key={f.id} size="sm">
              Sai phạm {f.id} (khoản {f.clause}): {f.description}; phải thu {money(f.total_due)}; {f.fine.explanation}; người ghi {f.recorded_by}
            </Text>
          ))}
          {selected.status === 'open' && (
            <Group align="flex-end">
              <TextInput label="Ngày kết luận" value={concludeOn} onChange={(e) => setConcludeOn(e.currentTarget.value)} />
              <Button onClick={() => void conclude(selected.id)}>Kết luận thanh tra</Button>
              <Text size="xs" c="dimmed">Người đã ghi sai phạm không được tự kết luận.</Text>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function PostAuditTab() {
  const [label, setLabel] = useState(`Hậu kiểm đến ${today()}`);
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const [result, setResult] = useState<Schemas['PostAudit'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const draw = async () => {
    setError(null);
    try {
      setResult(await call(api.POST('/inspection/post-audits', { body: { label, from, to } })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  const check = async (kind: string, ref: string, res: 'ok' | 'discrepancy') => {
    if (!result) return;
    setError(null);
    try {
      const note = res === 'discrepancy' ? window.prompt('Sai lệch gì?') ?? '' : '';
      setResult(await call(api.POST('/inspection/post-audits/{id}/results', {
        params: { path: { id: String(result.id) } }, body: { kind: kind as 'declaration', ref, result: res, note },
      })));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label="Tên đợt hậu kiểm" value={label} onChange={(e) => setLabel(e.currentTarget.value)} w={320} />
        <TextInput label="Từ ngày" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="Đến ngày" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button onClick={() => void draw()}>Chọn mẫu</Button>
      </Group>
      <ErrorBox error={error} />
      {result && (
        <>
          <Alert color="blue">
            Mẫu tái lập được (hạt giống {result.seed.slice(0, 16)}…): {result.strata.map((s) => `${kindVi[s.kind]} ${s.drawn}/${s.population}`).join(' · ')}.
            Chưa kiểm tra {result.pending}, đúng {result.ok}, có sai lệch {result.discrepancies}.
          </Alert>
          <DataTable<Schemas['PostAuditItem']>
            caption="Giao dịch được chọn để kiểm tra lại"
            data={result.items}
            columns={[
              { accessorKey: 'kind', header: 'Loại', cell: (c) => kindVi[c.getValue()] },
              { accessorKey: 'ref', header: 'Mã giao dịch' },
              { accessorKey: 'summary', header: 'Nội dung' },
              { accessorKey: 'result', header: 'Kết quả', cell: (c) => resultVi[c.getValue()] },
              {
                id: 'act', header: 'Ghi kết quả',
                cell: (c) => c.row.original.result === 'pending' ? (
                  <Group gap={4}>
                    <Button size="xs" variant="light" onClick={() => void check(c.row.original.kind, c.row.original.ref, 'ok')}>Đúng</Button>
                    <Button size="xs" variant="light" color="red" onClick={() => void check(c.row.original.kind, c.row.original.ref, 'discrepancy')}>Sai lệch</Button>
                  </Group>
                ) : c.row.original.note,
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

export default function Inspection() {
  return (
    <Tabs defaultValue="risk" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="risk">Xếp hạng rủi ro</Tabs.Tab>
        <Tabs.Tab value="inspections">Cuộc thanh tra</Tabs.Tab>
        <Tabs.Tab value="postaudit">Hậu kiểm giao dịch</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="risk" pt="md"><RiskTab /></Tabs.Panel>
      <Tabs.Panel value="inspections" pt="md"><InspectionsTab /></Tabs.Panel>
      <Tabs.Panel value="postaudit" pt="md"><PostAuditTab /></Tabs.Panel>
    </Tabs>
  );
}
