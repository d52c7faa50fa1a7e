// The monthly collection run with its progress, and the arrears report.
import { Alert, Button, Card, Group, Progress, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, employerStatus, employerType, money, number, thisMonth, today } from '../../format';
import {  } from '../../components/DateFields';
import { DayField, MonthField } from '../../components/DateFields';
import { useProvinceNames } from '../../components/useProvinces';

export default function Collection() {
  const provinceName = useProvinceNames();
  const [month, setMonth] = useState(thisMonth());
  const [job, setJob] = useState<Schemas['Job'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [asOf, setAsOf] = useState(today());
  const arrears = useApi(() => call(api.GET('/arrears', { params: { query: { as_of: asOf, top: 50 } } })), [asOf], /^\d{4}-\d{2}-\d{2}$/.test(asOf));

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const t = setInterval(async () => {
      try {
        setJob(await call(api.GET('/jobs/{id}', { params: { path: { id: job.id } } })));
      } catch (e) {
        setError(e instanceof ApiError ? e : null);
      }
    }, 500);
    return () => clearInterval(t);
  }, [job]);

  const start = async () => {
    setError(null);
    try {
      const j = await call(api.POST('/collections/jobs', { body: { month } }));
      setJob({ id: j.id, status: 'running', kind: 'collection', done: 0, total: 0, started_by: '', started_at: '', finished_at: null, result: null, error: null });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    }
  };
  const result = job?.status === 'done' ? (job.result as Schemas['CollectionRun']) : null;
  const pct = job && job.total > 0 ? Math.round((job.done * 100) / job.total) : 0;
  return (
    <>
      <Title order={2} mb="md">
        Thu và nợ
      </Title>
      <Card withBorder mb="lg">
        <Title order={3} size="h5" mb="sm">
          Tính số phải thu của tháng
        </Title>
        <Group align="flex-end">
          <MonthField label="Tháng" value={month} onChange={setMonth} error={error?.field === 'month' ? error.message : undefined} />
          <Button onClick={() => void start()} loading={job?.status === 'running'}>
            Chạy tính số phải thu
          </Button>
        </Group>
        <ErrorBox error={error && error.field !== 'month' ? error : null} />
        {job && (
          <div role="status" aria-live="polite">
            <Progress value={job.status === 'done' ? 100 : pct} mt="md" aria-label="Tiến độ tính số phải thu" animated={job.status === 'running'} />
            <Text size="sm" mt={4}>
              {job.status === 'running' && `Đang tính: ${number(job.done)} / ${number(job.total)} người lao động`}
              {job.status === 'failed' && `Không thành công: ${(job.error as { message?: string })?.message ?? ''}`}
            </Text>
          </div>
        )}
        {result && (
          <Alert color="green" mt="md" title={`Tháng ${date(result.month)}: phải thu ${money(result.total)}`}>
            {number(result.workers)} người lao động, {number(result.employers)} đơn vị ({result.law}); lần tính số {result.run_id}.
          </Alert>
        )}
      </Card>
      <Title order={3} size="h4" mb="sm">
        Báo cáo nợ đóng
      </Title>
      <DayField label="Tính đến ngày" value={asOf} onChange={setAsOf} maw={220} mb="md" />
      <ErrorBox error={arrears.error} />
      {arrears.data && (
        <>
          <DataTable
            caption="Nợ theo tỉnh"
            filter={false}
            data={Object.entries(arrears.data.by_province).map(([k, b]) => ({ k, ...b }))}
            columns={[
              { accessorKey: 'k', header: 'Tỉnh', cell: (c) => `${c.getValue()} – ${provinceName(c.getValue())}` },
              { accessorKey: 'employers', header: 'Đơn vị', cell: (c) => number(c.getValue()) },
              { accessorKey: 'owing_3plus_months', header: 'Nợ 3+ tháng', cell: (c) => number(c.getValue()) },
              { accessorKey: 'evasion', header: 'Trốn đóng', cell: (c) => number(c.getValue()) },
              { accessorKey: 'owed', header: 'Số nợ', cell: (c) => money(c.getValue()) },
              { accessorKey: 'interest', header: 'Lãi', cell: (c) => money(c.getValue()) },
            ]}
          />
          <DataTable
            caption="Đơn vị nợ nhiều nhất"
            data={arrears.data.top_debtors}
            columns={[
              { accessorKey: 'code', header: 'Mã' },
              { accessorKey: 'name', header: 'Tên' },
              { accessorKey: 'type', header: 'Loại hình', cell: (c) => employerType[c.getValue()] ?? c.getValue() },
              { accessorKey: 'status', header: 'Trạng thái', cell: (c) => employerStatus[c.getValue()] ?? c.getValue() },
              { accessorKey: 'months_owed', header: 'Số tháng nợ' },
              { accessorKey: 'balance', header: 'Còn nợ', cell: (c) => money(c.getValue()) },
            ]}
          />
        </>
      )}
    </>
  );
}
