import { Tabs } from '@mantine/core';
import { DeclarationsView, EmployerHeader, PaymentsView, StatementView, WorkersView } from '../../components/EmployerViews';

export default function EmployerDetail({ code }: { code: string }) {
  return (
    <>
      <EmployerHeader code={code} />
      <Tabs defaultValue="statement" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="statement">Đối chiếu, nợ</Tabs.Tab>
          <Tabs.Tab value="declarations">Tờ khai</Tabs.Tab>
          <Tabs.Tab value="payments">Nộp tiền</Tabs.Tab>
          <Tabs.Tab value="workers">Người lao động</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="statement"><StatementView code={code} /></Tabs.Panel>
        <Tabs.Panel value="declarations"><DeclarationsView code={code} /></Tabs.Panel>
        <Tabs.Panel value="payments"><PaymentsView code={code} /></Tabs.Panel>
        <Tabs.Panel value="workers"><WorkersView code={code} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
