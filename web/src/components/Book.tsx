// A person's social-insurance book: who, the HI cards and their validity,
// the periods with their employers and salaries, the months counted per
// fund, and the months the employer has not paid.
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../api/client';
import { date, eligibilityCode, fundName, money, sex, today } from '../format';
import { DataTable } from './DataTable';

type Book = Schemas['Book'];

export function BookView({ book }: { book: Book }) {
  const p = book.person;
  const now = today();
  return (
    <Stack>
      <Card withBorder>
        <Title order={3} size="h4">
          {p.full_name}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          <Text size="sm">CCCD: {p.cccd}</Text>
          <Text size="sm">Mã số BHXH: {p.si_number || '—'}</Text>
          <Text size="sm">
            Ngày sinh: {date(p.dob)} · {sex[p.sex] ?? p.sex}
          </Text>
        </SimpleGrid>
        {p.deceased_on && (
          <Alert color="gray" mt="sm">
            Đã mất ngày {date(p.deceased_on)}
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Thẻ bảo hiểm y tế
        </Title>
        {book.cards.length === 0 && <Text size="sm">Chưa có thẻ.</Text>}
        {book.cards.map((c) => {
          const valid = c.status === 'active' && c.valid_from <= now && now <= c.valid_to;
          return (
            <Group key={c.code + c.valid_from} justify="space-between" wrap="wrap" mb={4}>
              <Text size="sm" ff="monospace">
                {c.code}
              </Text>
              <Text size="sm">
                {date(c.valid_from)} – {date(c.valid_to)} · nơi KCB ban đầu {c.facility}
              </Text>
              <Badge color={valid ? 'green' : 'gray'}>
                {valid ? 'Còn hiệu lực' : c.decrease_code ? `Đã báo giảm (${eligibilityCode[c.decrease_code] ?? c.decrease_code})` : 'Hết hiệu lực'}
              </Badge>
            </Group>
          );
        })}
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Số tháng đóng theo quỹ (đến hết tháng {date(book.counted_through)})
        </Title>
        <Table fz="sm" aria-label="Số tháng đóng theo quỹ">
          <Table.Tbody>
            {Object.entries(book.months_by_fund).map(([f, n]) => (
              <Table.Tr key={f}>
                <Table.Td>{fundName[f] ?? f}</Table.Td>
                <Table.Td ta="right">{n} tháng</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {book.unpaid_months.length > 0 ? (
        <Alert color="red" title={`Đơn vị chưa đóng đủ ${book.unpaid_months.length} tháng`} role="alert">
          {book.unpaid_months.map((m) => `${date(m.month)} (${m.employer_code}, ${money(m.due)})`).join('; ')}
        </Alert>
      ) : (
        <Alert color="green">Không có tháng nào đơn vị chưa đóng.</Alert>
      )}
      <DataTable
        caption="Quá trình tham gia"
        filter={false}
        data={book.periods}
        columns={[
          { accessorKey: 'from', header: 'Từ tháng', cell: (c) => date(c.getValue()) },
          { accessorKey: 'to', header: 'Đến tháng', cell: (c) => (c.getValue() ? date(c.getValue()) : 'nay') },
          { accessorKey: 'employer_name', header: 'Đơn vị', cell: (c) => c.getValue() || 'Tự nguyện / hộ gia đình' },
          { accessorKey: 'group', header: 'Đối tượng' },
          { accessorKey: 'salary', header: 'Tiền lương', cell: (c) => money(c.getValue()) },
          { accessorKey: 'months', header: 'Số tháng' },
        ]}
      />
    </Stack>
  );
}
