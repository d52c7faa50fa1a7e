import { Title } from '@mantine/core';
import { useLocation } from 'wouter';
import { api, call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date } from '../../format';

export default function Programmes() {
  const r = useApi(() => call(api.GET('/programmes', { params: { query: { limit: 1000 } } })), []);
  const [, go] = useLocation();
  return (
    <>
      <Title order={2} mb="md">
        Chương trình, kế hoạch
      </Title>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Các quyết định đã nhập"
          data={r.data.programmes}
          onRowClick={(p) => go(`/programmes/${encodeURIComponent(p.number)}`)}
          columns={[
            { accessorKey: 'number', header: 'Số quyết định' },
            { accessorKey: 'date', header: 'Ngày', cell: (c) => date(c.getValue()) },
            { accessorKey: 'title', header: 'Trích yếu' },
            { id: 'tasks', header: 'Nhiệm vụ', accessorFn: (p) => p.counts.tasks },
            { id: 'indicators', header: 'Chỉ tiêu', accessorFn: (p) => p.counts.indicators },
          ]}
        />
      )}
    </>
  );
}
