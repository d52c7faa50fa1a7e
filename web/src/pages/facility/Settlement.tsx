import { Button, Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { ErrorBox } from '../../components/ErrorBox';
import { money, number, today } from '../../format';

export function SettlementForm({ fixedFacility }: { fixedFacility?: string }) {
  const t = today();
  const [facility, setFacility] = useState(fixedFacility ?? '');
  const [quarter, setQuarter] = useState(`${t.slice(0, 4)}-Q${Math.floor((Number(t.slice(5, 7)) - 1) / 3) + 1}`);
  const [s, setS] = useState<Schemas['Settlement'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setS(await call(api.GET('/settlements', { params: { query: { facility, quarter } } })));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', '', String(err)));
    }
  };
  return (
    <>
      <form onSubmit={submit}>
        <Group align="flex-end" mb="md">
          <TextInput label="Cơ sở KCB" value={facility} onChange={(e) => setFacility(e.currentTarget.value)} disabled={!!fixedFacility} error={error?.field === 'facility' ? error.message : undefined} />
          <TextInput label="Quý (YYYY-Qn)" value={quarter} onChange={(e) => setQuarter(e.currentTarget.value)} error={error?.field === 'quarter' ? error.message : undefined} />
          <Button type="submit">Xem quyết toán</Button>
        </Group>
      </form>
      <ErrorBox error={error && !['facility', 'quarter'].includes(error.field) ? error : null} />
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
            <Card withBorder><Text size="xs" c="dimmed">Số hồ sơ</Text><Text fw={700}>{number(s.encounters)}</Text></Card>
            <Card withBorder><Text size="xs" c="dimmed">Đề nghị</Text><Text fw={700}>{money(s.claimed)}</Text></Card>
            <Card withBorder><Text size="xs" c="dimmed">Chấp nhận</Text><Text fw={700}>{money(s.approved)}</Text></Card>
            <Card withBorder><Text size="xs" c="dimmed">Còn phải thanh toán</Text><Text fw={700}>{money(s.to_settle)}</Text></Card>
          </SimpleGrid>
          <Table aria-label="Xuất toán theo lý do" fz="sm">
            <Table.Thead><Table.Tr><Table.Th>Lý do xuất toán</Table.Th><Table.Th>Số tiền</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {Object.entries(s.rejected_by_reason).map(([k, v]) => (
                <Table.Tr key={k}><Table.Td>{k}</Table.Td><Table.Td>{money(v)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </>
  );
}

export default function Settlement() {
  const { user } = useAuth();
  return (
    <>
      <Title order={2} mb="md">
        Quyết toán theo quý
      </Title>
      <SettlementForm fixedFacility={user?.facility_code || undefined} />
    </>
  );
}
