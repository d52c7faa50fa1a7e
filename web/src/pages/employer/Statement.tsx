import { Title } from '@mantine/core';
import { useAuth } from '../../auth';
import { StatementView } from '../../components/EmployerViews';

export default function Statement() {
  const { user } = useAuth();
  return (
    <>
      <Title order={2} mb="md">
        Đối chiếu phải đóng, đã đóng, còn nợ
      </Title>
      {user?.employer_code && <StatementView code={user.employer_code} />}
    </>
  );
}
