import { Tabs, Title } from '@mantine/core';
import { useAuth } from '../../auth';
import { C12View } from '../../components/C12View';
import { StatementView } from '../../components/EmployerViews';

export default function Statement() {
  const { user } = useAuth();
  return (
    <>
      <Title order={2} mb="md">
        Đối chiếu phải đóng, đã đóng, còn nợ
      </Title>
      {user?.employer_code && (
        <Tabs defaultValue="statement" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="statement">Đối chiếu theo tháng</Tabs.Tab>
            <Tabs.Tab value="c12">Thông báo C12-TS</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="statement" pt="md"><StatementView code={user.employer_code} /></Tabs.Panel>
          <Tabs.Panel value="c12" pt="md"><C12View code={user.employer_code} /></Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
