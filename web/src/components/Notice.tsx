// The participant's monthly notice (Law 41/2024 Art. 10): the month's
// contributions by fund and party, whether the employer has paid, the months
// counted per fund, and the months an employer owes past their deadline —
// with the printable page.
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, fetchText } from '../api/client';
import { date, fundName, money } from '../format';
import { ErrorBox } from './ErrorBox';
import { useApi } from './useApi';

export function NoticeView({ cccd }: { cccd: string }) {
  // Empty: the API's default (last month, or the latest month collected).
  const [month, setMonth] = useState('');
  const ok = month === '' || /^\d{4}-\d{2}$/.test(month);
  const n = useApi(() => call(api.GET('/persons/{cccd}/notice', { params: { path: { cccd }, query: month ? { month } : {} } })), [cccd, month], ok && !!cccd);
  const [page, setPage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const print = async () => {
    setError(null);
    try {
      setPage(await fetchText(`/persons/${cccd}/notice/page`, { month: month || (n.data?.month ?? '') }));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  const d = n.data;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">Thông báo hằng tháng</Title>
        <Group align="flex-end">
          <TextInput label="Tháng đóng" description="YYYY-MM" value={month || (n.data?.month ?? '')} onChange={(e) => { setMonth(e.currentTarget.value); setPage(null); }} w={160} />
          <Button variant="light" onClick={() => void print()} disabled={!d}>Bản in</Button>
        </Group>
        <ErrorBox error={n.error ?? error} />
        {d && (
          <>
            <Text size="sm">Lập ngày {date(d.issued_on)} — căn cứ {d.law}.</Text>
            {d.contributions.length === 0 && <Text size="sm">Không có số phải đóng qua đơn vị trong tháng.</Text>}
            {d.contributions.map((c) => (
              <div key={c.employer_code}>
                <Text size="sm" fw={600}>
                  {c.employer_name} ({c.employer_code}) — {c.paid ? 'đã đóng đủ' : `chưa đóng đủ, hạn đóng ${date(c.deadline)}`}
                </Text>
                <Table fz="sm" withTableBorder aria-label={`Số phải đóng tháng ${date(d.month)}`}>
                  <Table.Thead>
                    <Table.Tr><Table.Th>Quỹ</Table.Th><Table.Th ta="right">Căn cứ đóng</Table.Th><Table.Th ta="right">Đơn vị đóng</Table.Th><Table.Th ta="right">Người lao động đóng</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {Object.keys(c.base).filter((f) => c.base[f] > 0).map((f) => (
                      <Table.Tr key={f}>
                        <Table.Td>{fundName[f] ?? f}</Table.Td>
                        <Table.Td ta="right">{money(c.base[f])}</Table.Td>
                        <Table.Td ta="right">{money(c.employer[f])}</Table.Td>
                        <Table.Td ta="right">{money(c.employee[f])}</Table.Td>
                      </Table.Tr>
                    ))}
                    <Table.Tr><Table.Th colSpan={3}>Tổng số phải đóng</Table.Th><Table.Th ta="right">{money(c.total)}</Table.Th></Table.Tr>
                  </Table.Tbody>
                </Table>
              </div>
            ))}
            {d.arrears.length > 0 ? (
              <Alert color="red" title={`Đơn vị nợ quá hạn: ${money(d.arrears_total)}`} role="alert">
                {d.arrears.map((a) => `${a.employer_name} (${a.employer_code}): ${date(a.from)}–${date(a.to)}, ${a.months} tháng, ${money(a.total)}`).join('; ')}
              </Alert>
            ) : (
              <Alert color="green">Không có tháng nào đơn vị nợ quá hạn.</Alert>
            )}
            {d.notes.map((t) => <Text key={t} size="xs" c="dimmed">{t}</Text>)}
          </>
        )}
        {page && <iframe title="Thông báo hằng tháng, bản in" srcDoc={page} sandbox="" style={{ width: '100%', height: 600, border: '1px solid #ccc' }} />}
      </Stack>
    </Card>
  );
}
