import { Button, Group, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { employerStatus, employerType } from '../../format';
import { useProvinceNames } from '../../components/useProvinces';

const PAGE = 50;

export default function Employers() {
  const provinceName = useProvinceNames();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [, go] = useLocation();
  const r = useApi(() => call(api.GET('/employers', { params: { query: { q: query, limit: PAGE, cursor: page > 1 ? `o${(page - 1) * PAGE}` : undefined } } })), [query, page]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setQuery(q.trim());
  };
  return (
    <>
      <Title order={2} mb="md">
        Đơn vị sử dụng lao động
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" mb="md">
          <TextInput label="Mã đơn vị, mã số thuế hoặc tên" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
          <Button type="submit">Tìm</Button>
        </Group>
      </form>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable<Schemas['Employer']>
          caption="Đơn vị"
          data={r.data.employers}
          total={r.data.page.total}
          page={page}
          pageSize={PAGE}
          onPage={setPage}
          onRowClick={(e) => go(`/employers/${e.code}`)}
          columns={[
            { accessorKey: 'code', header: 'Mã' },
            { accessorKey: 'name', header: 'Tên đơn vị' },
            { accessorKey: 'type', header: 'Loại hình', cell: (c) => employerType[c.getValue()] ?? c.getValue() },
            { accessorKey: 'province', header: 'Tỉnh', cell: (c) => provinceName(c.getValue()) },
            { accessorKey: 'status', header: 'Trạng thái', cell: (c) => employerStatus[c.getValue()] ?? c.getValue() },
          ]}
        />
      )}
    </>
  );
}
