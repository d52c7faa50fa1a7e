// Searching a person by name, typed with or without diacritics.
import { Button, Group, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, sex } from '../../format';
import { useProvinceNames } from '../../components/useProvinces';

type Person = Schemas['Person'];
const PAGE = 50;

export default function Persons() {
  const provinceName = useProvinceNames();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [, go] = useLocation();
  const r = useApi(
    () => call(api.GET('/persons', { params: { query: { q: query, limit: PAGE, cursor: page > 1 ? `o${(page - 1) * PAGE}` : undefined } } })),
    [query, page],
    query.length >= 2,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPage(1);
    setQuery(q.trim());
  };
  return (
    <>
      <Title order={2} mb="md">
        Người tham gia
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" mb="md">
          <TextInput label="Họ tên (không cần dấu)" value={q} onChange={(e) => setQ(e.currentTarget.value)} placeholder="nguyen van an" w={320} />
          <Button type="submit">Tìm</Button>
        </Group>
      </form>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable<Person>
          caption={`Kết quả tìm "${query}"`}
          data={r.data.persons}
          total={r.data.page.total}
          page={page}
          pageSize={PAGE}
          onPage={setPage}
          onRowClick={(p) => go(`/persons/${p.cccd}`)}
          columns={[
            { accessorKey: 'cccd', header: 'CCCD' },
            { accessorKey: 'full_name', header: 'Họ và tên' },
            { accessorKey: 'dob', header: 'Ngày sinh', cell: (c) => date(c.getValue()) },
            { accessorKey: 'sex', header: 'Giới tính', cell: (c) => sex[c.getValue()] ?? c.getValue() },
            { accessorKey: 'province', header: 'Tỉnh', cell: (c) => provinceName(c.getValue()) },
            { accessorKey: 'si_number', header: 'Mã số BHXH' },
          ]}
        />
      )}
    </>
  );
}
