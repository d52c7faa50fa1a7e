// The leader's overview: the strategy's indicators against their 2025 and
// 2030 targets, arrears by province and by age, today's cost alerts, and
// the programmes' overdue tasks.
import { Badge, Card, Grid, Group, List, Loader, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { api, call, type Schemas } from '../../api/client';
import { Chart } from '../../components/Chart';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, indicatorStatus, money, number } from '../../format';
import { useProvinceNames } from '../../components/useProvinces';

const STRATEGY = '249/QĐ-BHXH';
const statusColor: Record<string, string> = { achieved: 'green', on_track: 'teal', behind: 'red', no_data: 'gray', no_baseline: 'gray' };

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export default function Dashboard() {
  const provinceName = useProvinceNames();
  const ind = useApi(() => call(api.GET('/programmes/{ref}/indicators', { params: { path: { ref: STRATEGY } } })), []);
  const arrears = useApi(() => call(api.GET('/arrears', { params: { query: { top: 10 } } })), []);
  const alerts = useApi(async () => (await call(api.GET('/alerts', {}))) as Schemas['CostAlerts'], []);
  const followup = useApi(() => call(api.GET('/followup', {})), []);

  const indicators = ind.data?.indicators ?? [];
  const indChart = useMemo<ChartConfiguration>(() => {
    const shown = indicators.filter((i) => i.unit === '%' && (num(i.targets['2025']) != null || num(i.targets['2030']) != null));
    return {
      type: 'bar',
      data: {
        labels: shown.map((i) => `${i.key}. ${i.name.length > 38 ? i.name.slice(0, 36) + '…' : i.name}`),
        datasets: [
          { label: 'Mới nhất', data: shown.map((i) => i.latest ?? 0), backgroundColor: '#1c5fa8' },
          { label: 'Mục tiêu 2025', data: shown.map((i) => num(i.targets['2025']) ?? 0), backgroundColor: '#f08c00' },
          { label: 'Mục tiêu 2030', data: shown.map((i) => num(i.targets['2030']) ?? 0), backgroundColor: '#2f9e44' },
        ],
      },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { min: 0, max: 100 } } },
    };
  }, [indicators]);

  const byProvince = arrears.data ? Object.entries(arrears.data.by_province) : [];
  const arrearsChart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: byProvince.map(([k]) => provinceName(k)),
        datasets: [{ label: 'Số nợ (triệu đồng)', data: byProvince.map(([, b]) => Math.round(b.owed / 1e6)), backgroundColor: '#c92a2a' }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false },
    }),
    [arrears.data, provinceName],
  );
  const overdue = (followup.data?.groups ?? []).flatMap((g) => g.tasks.filter((t) => t.overdue).map((t) => ({ ...t, unit: g.name })));

  return (
    <>
      <Title order={2} mb="md">
        Tổng quan
      </Title>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Chỉ tiêu Chiến lược ({STRATEGY}, Phụ lục I)
            </Title>
            <ErrorBox error={ind.error} />
            {ind.loading ? <Loader size="sm" aria-label="Đang tải chỉ tiêu" /> : <Chart config={indChart} label="Chỉ tiêu so với mục tiêu 2025 và 2030" height={360} />}
            <Table mt="sm" fz="sm" aria-label="Đánh giá chỉ tiêu">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Chỉ tiêu</Table.Th>
                  <Table.Th>Mới nhất</Table.Th>
                  <Table.Th>Đánh giá</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicators.map((i) => (
                  <Table.Tr key={i.key}>
                    <Table.Td>
                      {i.key}. {i.name}
                    </Table.Td>
                    <Table.Td>{i.latest == null ? '—' : `${number(i.latest, 2)} (${i.latest_year})`}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[i.status] ?? 'gray'} variant="light">
                        {indicatorStatus[i.status] ?? i.status}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder mb="md">
            <Title order={3} size="h5" mb="xs">
              Nợ đóng theo tỉnh
            </Title>
            <ErrorBox error={arrears.error} />
            {arrears.data && (
              <>
                <Chart config={arrearsChart} label="Số nợ đóng theo tỉnh, triệu đồng" height={200} />
                <SimpleGrid cols={2} mt="sm">
                  <Text size="sm">Tổng nợ: <b>{money(arrears.data.total.owed)}</b></Text>
                  <Text size="sm">Lãi chậm đóng: <b>{money(arrears.data.total.interest)}</b></Text>
                </SimpleGrid>
                <Table mt="sm" fz="sm" aria-label="Đơn vị nợ theo số tháng nợ">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Số tháng nợ</Table.Th>
                      <Table.Th>Đơn vị</Table.Th>
                      <Table.Th>Số nợ</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {['1-2', '3-5', '6-11', '12+'].map((k) => (
                      <Table.Tr key={k}>
                        <Table.Td>{k} tháng</Table.Td>
                        <Table.Td>{number(arrears.data!.by_age[k]?.employers ?? 0)}</Table.Td>
                        <Table.Td>{money(arrears.data!.by_age[k]?.owed ?? 0)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Card>
          <Card withBorder mb="md">
            <Title order={3} size="h5" mb="xs">
              Cảnh báo chi phí KCB {alerts.data ? `ngày ${date(alerts.data.day)}` : ''}
            </Title>
            <ErrorBox error={alerts.error} />
            {alerts.data && alerts.data.alerts.length === 0 && <Text size="sm">Không có cảnh báo.</Text>}
            <List size="sm" spacing={4}>
              {alerts.data?.alerts.slice(0, 6).map((a, k) => (
                <List.Item key={k}>
                  <b>{a.facility_name || a.facility}</b>: {a.message}
                </List.Item>
              ))}
            </List>
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                Nhiệm vụ quá hạn
              </Title>
              <Badge color={overdue.length ? 'red' : 'green'}>{overdue.length}</Badge>
            </Group>
            <ErrorBox error={followup.error} />
            <List size="sm" spacing={4}>
              {overdue.slice(0, 6).map((t) => (
                <List.Item key={t.programme + t.key}>
                  <Link href={`/programmes/${encodeURIComponent(t.programme)}`}>
                    {t.programme} {t.key}
                  </Link>{' '}
                  — {t.unit}, quá hạn {t.days_overdue} ngày
                </List.Item>
              ))}
            </List>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
