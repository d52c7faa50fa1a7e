import { Title } from '@mantine/core';
import { api, call } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { SubmissionView } from '../../components/SubmissionView';
import { useApi } from '../../components/useApi';

export default function Submission({ txn }: { txn: string }) {
  const id = decodeURIComponent(txn);
  const r = useApi(() => call(api.GET('/claims/submissions/{txn}', { params: { path: { txn: id } } })), [id]);
  return (
    <>
      <Title order={2} mb="md">
        Kết quả giám định
      </Title>
      <ErrorBox error={r.error} />
      {r.data && <SubmissionView result={r.data} />}
    </>
  );
}
