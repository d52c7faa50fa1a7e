import { Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';

const prices = () => call(api.GET('/drug-prices', {}));
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, money, number } from '../../format';
import { SettlementForm } from '../facility/Settlement';
import { SubmissionList } from '../facility/Submissions';
import {  } from '../../components/DateFields';
import { DayField } from '../../components/DateFields';

function Prices() {
  const [page, setPage] = useState(1);
  const r = useApi(async () => (await call(api.GET('/drug-prices', { params: { query: { limit: 100, cursor: page > 1 ? `o${(page - 1) * 100}` : undefined } } }))) as Exclude<Awaited<ReturnType<typeof prices>>, string>, [page]);
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Giá thuốc trúng thầu đang có hiệu lực"
          data={r.data.prices}
          total={r.data.page.total}
          page={page}
          pageSize={100}
          onPage={setPage}
          columns={[
            { accessorKey: 'facility_name', header: 'Cơ sở' },
            { accessorKey: 'drug_code', header: 'Mã thuốc' },
            { accessorKey: 'name', header: 'Tên thuốc' },
            { accessorKey: 'tt_thau', header: 'Gói thầu' },
            { accessorKey: 'unit_price', header: 'Đơn giá', cell: (c) => money(c.getValue()) },
            { accessorKey: 'valid_to', header: 'Hiệu lực đến', cell: (c) => date(c.getValue()) },
          ]}
        />
      )}
    </>
  );
}

function Alerts() {
  const [day, setDay] = useState('');
  const r = useApi(async () => (await call(api.GET('/alerts', { params: { query: day ? { date: day } : {} } }))) as Schemas['CostAlerts'], [day]);
  return (
    <>
      <DayField label="Ngày (trống: ngày gần nhất có hồ sơ)" value={day} onChange={setDay} maw={280} mb="md" />
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption={`Cảnh báo ngày ${date(r.data.day)} (${r.data.facilities_checked} cơ sở)`}
          data={r.data.alerts}
          columns={[
            { accessorKey: 'facility_name', header: 'Cơ sở' },
            { accessorKey: 'indicator', header: 'Chỉ số' },
            { accessorKey: 'value', header: 'Giá trị', cell: (c) => number(c.getValue(), 1) },
            { accessorKey: 'baseline_median', header: 'Mức thường', cell: (c) => number(c.getValue(), 1) },
            { accessorKey: 'rise_percent', header: 'Tăng (%)', cell: (c) => number(c.getValue(), 0) },
            { accessorKey: 'message', header: 'Diễn giải' },
          ]}
        />
      )}
    </>
  );
}

export default function Claims() {
  return (
    <>
      <Title order={2} mb="md">
        Giám định BHYT
      </Title>
      <Tabs defaultValue="submissions" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="submissions">Hồ sơ đã nhận</Tabs.Tab>
          <Tabs.Tab value="alerts">Cảnh báo chi phí</Tabs.Tab>
          <Tabs.Tab value="settlement">Quyết toán</Tabs.Tab>
          <Tabs.Tab value="prices">Giá thuốc trúng thầu</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="submissions"><SubmissionList /></Tabs.Panel>
        <Tabs.Panel value="alerts"><Alerts /></Tabs.Panel>
        <Tabs.Panel value="settlement"><SettlementForm /></Tabs.Panel>
        <Tabs.Panel value="prices"><Prices /></Tabs.Panel>
      </Tabs>
    </>
  );
}
