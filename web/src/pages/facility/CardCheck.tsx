// The card check at the front desk: by CCCD or card code, with the name and
// date of birth as the portal asks; the portal's result code and what it means.
import { Alert, Button, Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { ErrorBox } from '../../components/ErrorBox';
import { date, eligibilityCode, today } from '../../format';
import { DayField } from '../../components/DateFields';

export default function CardCheck() {
  const { user } = useAuth();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [dob, setDob] = useState('');
  const [day, setDay] = useState(today());
  const [answer, setAnswer] = useState<Schemas['EligibilityAnswer'] | null>(null);
  const [history, setHistory] = useState<Schemas['PortalCardAnswer'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAnswer(null);
    setHistory(null);
    try {
      const query: Record<string, string> = { id: id.trim(), date: day };
      if (user?.facility_code) query.facility = user.facility_code;
      if (name.trim()) query.full_name = name.trim();
      if (dob.trim()) query.dob = dob.trim();
      const a = await call(api.GET('/eligibility', { params: { query: query as never } }));
      setAnswer(a);
      // The recent visits, asked the way the assessment portal is asked:
      // the card code, the name and the date of birth as printed.
      if (a.card) {
        const d = a.card.dob;
        const printed = d.length === 10 ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d.slice(0, 4);
        setHistory(await call(api.POST('/egw/KQNhanLichSuKCB2024', {
          body: { maThe: a.card.code, hoTen: a.card.full_name, ngaySinh: printed },
        })));
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', '', String(err)));
    }
  };
  return (
    <>
      <Title order={2} mb="md">
        Kiểm tra thẻ BHYT
      </Title>
      <form onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="md">
          <TextInput label="CCCD, mã số BHXH hoặc mã thẻ" value={id} onChange={(e) => setId(e.currentTarget.value)} error={error?.field === 'id' ? error.message : undefined} required />
          <TextInput label="Họ tên (để đối chiếu)" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Ngày sinh (để đối chiếu)" placeholder="YYYY-MM-DD" value={dob} onChange={(e) => setDob(e.currentTarget.value)} error={error?.field === 'dob' ? error.message : undefined} />
          <DayField label="Ngày khám" value={day} onChange={setDay} />
        </SimpleGrid>
        <Button type="submit">Kiểm tra</Button>
      </form>
      <ErrorBox error={error && !['id', 'dob'].includes(error.field) ? error : null} />
      {answer && (
        <Card withBorder mt="md" data-testid="eligibility-answer">
          <Alert color={answer.valid ? 'green' : 'red'} title={`Mã kết quả ${answer.code}: ${eligibilityCode[answer.code] ?? answer.message}`} role="status">
            {answer.message}
          </Alert>
          {answer.card && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
              <Text size="sm">Mã thẻ: <b>{answer.card.code}</b></Text>
              <Text size="sm">Họ tên: {answer.card.full_name}</Text>
              <Text size="sm">Ngày sinh: {date(answer.card.dob)}</Text>
              <Text size="sm">Hạn thẻ: {date(answer.card.valid_from)} – {date(answer.card.valid_to)}</Text>
              <Text size="sm">Nơi KCB ban đầu: {answer.card.registered_facility}{answer.registered_here ? ' (tại cơ sở này)' : ''}</Text>
              <Text size="sm">Mức hưởng: {answer.benefit_percent}%</Text>
              <Group><Text size="sm">Đủ 5 năm liên tục: {answer.five_years_reached ? 'Có' : 'Chưa'}</Text></Group>
            </SimpleGrid>
          )}
          {history && history.dsLichSuKCB2018.length > 0 && (
            <Table fz="sm" mt="sm" withTableBorder aria-label="Lịch sử khám chữa bệnh gần đây">
              <Table.Thead>
                <Table.Tr><Table.Th>Mã hồ sơ</Table.Th><Table.Th>Cơ sở</Table.Th><Table.Th>Vào</Table.Th><Table.Th>Ra</Table.Th><Table.Th>Bệnh chính</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.dsLichSuKCB2018.map((v) => (
                  <Table.Tr key={v.maHoSo + v.maCSKCB}>
                    <Table.Td>{v.maHoSo}</Table.Td>
                    <Table.Td>{v.maCSKCB}</Table.Td>
                    <Table.Td>{stamp(v.ngayVao)}</Table.Td>
                    <Table.Td>{stamp(v.ngayRa)}</Table.Td>
                    <Table.Td>{v.maBenh} {v.tenBenh}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </>
  );
}

// yyyyMMddHHmm → dd/mm/yyyy HH:mm
function stamp(s: string): string {
  return s.length === 12 ? `${s.slice(6, 8)}/${s.slice(4, 6)}/${s.slice(0, 4)} ${s.slice(8, 10)}:${s.slice(10, 12)}` : s;
}
