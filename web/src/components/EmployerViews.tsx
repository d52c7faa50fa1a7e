// What an employer's records look like, for the officer (any employer) and
// for the employer itself (its own): the statement with the rules used, the
// payments, the declarations, the workers.
import { Alert, Badge, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call } from '../api/client';
import { classification, date, money, today } from '../format';
import { DataTable } from './DataTable';
import { ErrorBox } from './ErrorBox';
import { useApi } from './useApi';
import {  } from './DateFields';
import { DayField } from './DateFields';

export function StatementView({ code }: { code: string }) {
  const [asOf, setAsOf] = useState(today());
  const r = useApi(() => call(api.GET('/employers/{code}/statement', { params: { path: { code }, query: { as_of: asOf } } })), [code, asOf], /^\d{4}-\d{2}-\d{2}$/.test(asOf));
  const s = r.data;
  return (
    <>
      <DayField label="Tính đến ngày" value={asOf} onChange={setAsOf} maw={220} mb="md" />
      <ErrorBox error={r.error} />
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
            <Card withBorder>
              <Text size="xs" c="dimmed">Phải đóng</Text>
              <Text fw={700}>{money(s.total_due)}</Text>
            </Card>
            <Card withBorder>
              <Text size="xs" c="dimmed">Đã đóng</Text>
              <Text fw={700}>{money(s.total_paid)}</Text>
            </Card>
            <Card withBorder>
              <Text size="xs" c="dimmed">Còn nợ</Text>
              <Text fw={700} c={s.balance > 0 ? 'red.8' : undefined}>{money(s.balance)}</Text>
            </Card>
            <Card withBorder>
              <Text size="xs" c="dimmed">Lãi chậm đóng</Text>
              <Text fw={700}>{money(s.interest)}</Text>
            </Card>
          </SimpleGrid>
          <Group mb="sm">
            <Badge color={s.classification === 'none' ? 'green' : s.classification === 'late' ? 'orange' : 'red'}>
              {classification[s.classification]}
            </Badge>
            <Text size="sm">
              {s.months_owed} tháng nợ{s.oldest_unpaid ? `, cũ nhất ${date(s.oldest_unpaid)}` : ''} · {s.law}
            </Text>
          </Group>
          {s.interest_rules.length > 0 && (
            <Alert color="blue" title="Quy định tính lãi đã áp dụng" mb="md">
              <List size="sm">
                {s.interest_rules.map((x) => (
                  <List.Item key={x}>{x}</List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">{s.allocation_rule}.</Text>
            </Alert>
          )}
          <DataTable
            caption="Phải đóng và đã đóng theo tháng"
            data={[...s.lines].reverse()}
            columns={[
              { accessorKey: 'month', header: 'Tháng', cell: (c) => date(c.getValue()) },
              { accessorKey: 'deadline', header: 'Hạn đóng', cell: (c) => date(c.getValue()) },
              { accessorKey: 'workers', header: 'Số lao động' },
              { accessorKey: 'due', header: 'Phải đóng', cell: (c) => money(c.getValue()) },
              { accessorKey: 'paid', header: 'Đã đóng', cell: (c) => money(c.getValue()) },
              { accessorKey: 'balance', header: 'Còn nợ', cell: (c) => money(c.getValue()) },
              { accessorKey: 'interest', header: 'Lãi', cell: (c) => money(c.getValue()) },
            ]}
          />
        </>
      )}
    </>
  );
}

export function PaymentsView({ code }: { code: string }) {
  const [page, setPage] = useState(1);
  const r = useApi(() => call(api.GET('/employers/{code}/payments', { params: { path: { code }, query: { limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } } })), [code, page]);
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Các lần nộp tiền"
          data={r.data.payments}
          total={r.data.page.total}
          page={page}
          onPage={setPage}
          columns={[
            { accessorKey: 'paid_on', header: 'Ngày nộp', cell: (c) => date(c.getValue()) },
            { accessorKey: 'amount', header: 'Số tiền', cell: (c) => money(c.getValue()) },
            { accessorKey: 'reference', header: 'Chứng từ' },
            { accessorKey: 'source', header: 'Nguồn' },
          ]}
        />
      )}
    </>
  );
}

export function DeclarationsView({ code }: { code: string }) {
  const r = useApi(() => call(api.GET('/employers/{code}/declarations', { params: { path: { code }, query: { limit: 100 } } })), [code]);
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Các tờ khai đã nộp"
          data={r.data.declarations}
          columns={[
            { accessorKey: 'id', header: 'Số' },
            { accessorKey: 'month', header: 'Kỳ', cell: (c) => date(c.getValue()) },
            { accessorKey: 'row_count', header: 'Số dòng' },
            { accessorKey: 'submitted_at', header: 'Nộp lúc', cell: (c) => date(c.getValue()) },
            { accessorKey: 'submitted_by', header: 'Người nộp' },
          ]}
        />
      )}
    </>
  );
}

export function WorkersView({ code }: { code: string }) {
  const r = useApi(() => call(api.GET('/employers/{code}/workers', { params: { path: { code }, query: { limit: 2000 } } })), [code]);
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption={`Người lao động (tháng ${date(r.data.as_of)})`}
          data={r.data.workers}
          columns={[
            { id: 'cccd', header: 'CCCD', accessorFn: (w) => w.person.cccd },
            { id: 'name', header: 'Họ và tên', accessorFn: (w) => w.person.full_name },
            { id: 'dob', header: 'Ngày sinh', accessorFn: (w) => date(w.person.dob) },
            { id: 'from', header: 'Từ tháng', accessorFn: (w) => date(w.periods[0]?.from) },
            { id: 'salary', header: 'Tiền lương', accessorFn: (w) => money(w.periods[w.periods.length - 1]?.salary) },
            { id: 'current', header: 'Trạng thái', accessorFn: (w) => (w.current ? 'Đang làm việc' : 'Đã nghỉ') },
          ]}
        />
      )}
    </>
  );
}

export function EmployerHeader({ code }: { code: string }) {
  const r = useApi(() => call(api.GET('/employers/{code}', { params: { path: { code } } })), [code]);
  if (r.error) return <ErrorBox error={r.error} />;
  if (!r.data) return null;
  return (
    <Title order={2} mb="md">
      {r.data.name} ({r.data.code})
    </Title>
  );
}
