// One submission as reviewed: each encounter's amounts, its findings and
// its lines with what was approved and rejected.
import { Accordion, Badge, Group, Table, Text } from '@mantine/core';
import type { Schemas } from '../api/client';
import { money } from '../format';

export function SubmissionView({ result }: { result: Schemas['ClaimReviewResult'] }) {
  return (
    <>
      <Group mb="sm">
        <Text size="sm">Mã giao dịch: <b>{result.maGiaoDich}</b></Text>
        <Text size="sm">Cơ sở: {result.facility}</Text>
        <Text size="sm">{result.thongDiep}</Text>
      </Group>
      {result.errors.map((e, i) => (
        <Text key={i} c="red.8" size="sm">
          Lỗi cấu trúc {e.ma_lk} {e.field}: {e.message}
        </Text>
      ))}
      <Accordion multiple variant="separated">
        {result.encounters.map((e) => (
          <Accordion.Item key={e.ma_lk} value={e.ma_lk} data-ma-lk={e.ma_lk}>
            <Accordion.Control>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" fw={600}>{e.ma_lk} (lần {e.version})</Text>
                <Text size="sm">Đề nghị {money(e.claimed)} · chấp nhận {money(e.approved)}</Text>
                {e.rejected > 0 ? <Badge color="red">Xuất toán {money(e.rejected)}</Badge> : <Badge color="green">Chấp nhận</Badge>}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {e.findings.length > 0 && (
                <Table fz="sm" mb="sm" aria-label={`Lỗi phát hiện của hồ sơ ${e.ma_lk}`}>
                  <Table.Thead>
                    <Table.Tr><Table.Th>Quy tắc</Table.Th><Table.Th>Mức</Table.Th><Table.Th>Vị trí</Table.Th><Table.Th>Nội dung</Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.findings.map((f, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{f.rule}</Table.Td>
                        <Table.Td>{f.severity === 'reject' ? 'Xuất toán' : 'Cảnh báo'}</Table.Td>
                        <Table.Td>{f.table} {f.stt} {f.field}</Table.Td>
                        <Table.Td>{f.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Table fz="sm" aria-label={`Các dòng chi phí của hồ sơ ${e.ma_lk}`}>
                <Table.Thead>
                  <Table.Tr><Table.Th>Bảng</Table.Th><Table.Th>STT</Table.Th><Table.Th>Mã</Table.Th><Table.Th>Đề nghị</Table.Th><Table.Th>Chấp nhận</Table.Th><Table.Th>Xuất toán</Table.Th><Table.Th>Lý do</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.lines.map((l) => (
                    <Table.Tr key={l.table + l.stt}>
                      <Table.Td>{l.table}</Table.Td>
                      <Table.Td>{l.stt}</Table.Td>
                      <Table.Td>{l.code}</Table.Td>
                      <Table.Td>{money(l.claimed)}</Table.Td>
                      <Table.Td>{money(l.approved)}</Table.Td>
                      <Table.Td>{money(l.rejected)}</Table.Td>
                      <Table.Td>{l.reasons.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}
