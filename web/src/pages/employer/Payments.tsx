import { Title } from '@mantine/core';
import { useAuth } from '../../auth';
import { PaymentsView } from '../../components/EmployerViews';

export default function Payments() {
  const { user } = useAuth();
  return (
    <>
      <Title order={2} mb="md">
        Các lần nộp tiền
      </Title>
      {user?.employer_code && <PaymentsView code={user.employer_code} />}
    </>
  );
}
