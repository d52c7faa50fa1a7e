import { Title } from '@mantine/core';
import { useAuth } from '../../auth';
import { WorkersView } from '../../components/EmployerViews';

export default function Workers() {
  const { user } = useAuth();
  return (
    <>
      <Title order={2} mb="md">
        Người lao động của đơn vị
      </Title>
      {user?.employer_code && <WorkersView code={user.employer_code} />}
    </>
  );
}
