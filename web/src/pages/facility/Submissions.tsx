import { Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, money } from '../../format';

export function SubmissionList({ facility }: { facility?: string }) {
  const [page, setPage] = useState(1);
  const [, go] = useLocation();
  const r = useApi(
    () => call(api.GET('/claims/submissions', { params: { query: { facility, limit: 50, cursor: page > 1 ? `o${(page - 1) * 50}` : undefined } } })),
    [facility, page],
  );
  return (
    <>
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Các lần gửi hồ sơ"
          data={r.data.submissions}
          total={r.data.page.total}
          page={page}
          onPage={setPage}
          onRowClick={(s) => go(`/claims/submissions/${encodeURIComponent(s.txn)}`)}
          columns={[
            { accessorKey: 'received_at', header: 'Nhận lúc', cell: (c) => date(c.getValue()) },
            { accessorKey: 'txn', header: 'Mã giao dịch' },
            { accessorKey: 'facility', header: 'Cơ sở' },
            { accessorKey: 'encounters', header: 'Số hồ sơ' },
            { accessorKey: 'claimed', header: 'Đề nghị', cell: (c) => money(c.getValue()) },
            { accessorKey: 'rejected', header: 'Xuất toán', cell: (c) => money(c.getValue()) },
          ]}
        />
      )}
    </>
  );
}

export default function Submissions() {
  const { user } = useAuth();
  return (
    <>
      <Title order={2} mb="md">
        Hồ sơ đã gửi
      </Title>
      <SubmissionList facility={user?.facility_code || undefined} />
    </>
  );
}
