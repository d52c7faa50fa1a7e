// The frame of every screen: the header (who is signed in, log out), the
// navigation of the role, and the messages of a lost connection or an
// expired session.
import { Alert, AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useAuth, type Role } from '../auth';

const nav: Record<Role, { to: string; label: string }[]> = {
  officer: [
    { to: '/', label: 'Tổng quan' },
    { to: '/persons', label: 'Người tham gia' },
    { to: '/employers', label: 'Đơn vị' },
    { to: '/collection', label: 'Thu và nợ' },
    { to: '/claims', label: 'Giám định BHYT' },
    { to: '/benefits', label: 'Chế độ BHXH' },
    { to: '/funds', label: 'Quỹ' },
    { to: '/programmes', label: 'Chương trình, nhiệm vụ' },
    { to: '/services', label: 'Dịch vụ công' },
    { to: '/development', label: 'Phát triển người tham gia' },
    { to: '/inspection', label: 'Thanh tra, hậu kiểm' },
    { to: '/control', label: 'Kiểm soát' },
  ],
  inspector: [
    { to: '/inspection', label: 'Thanh tra, hậu kiểm' },
    { to: '/control', label: 'Kiểm soát' },
  ],
  employer: [
    { to: '/statement', label: 'Đối chiếu' },
    { to: '/declaration', label: 'Kê khai' },
    { to: '/payments', label: 'Nộp tiền' },
    { to: '/workers', label: 'Người lao động' },
    { to: '/my-dossiers', label: 'Hồ sơ dịch vụ công' },
    { to: '/calculator', label: 'Tính thử chế độ' },
  ],
  facility: [
    { to: '/card-check', label: 'Kiểm tra thẻ BHYT' },
    { to: '/submit-claims', label: 'Gửi hồ sơ XML 130' },
    { to: '/submissions', label: 'Hồ sơ đã gửi' },
    { to: '/settlement', label: 'Quyết toán' },
  ],
  commune: [{ to: '/development', label: 'Phát triển người tham gia' }],
  citizen: [
    { to: '/my-book', label: 'Sổ BHXH của tôi' },
    { to: '/my-dossiers', label: 'Hồ sơ dịch vụ công' },
    { to: '/calculator', label: 'Tính thử chế độ' },
  ],
};

export function Layout({ children }: { children: ReactNode }) {
  const { user, role, logout, offline } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Mở danh mục" />
            <Title order={1} size="h4">
              BHXH Việt Nam
            </Title>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <Text size="sm" visibleFrom="sm" data-testid="who">
              {user?.display_name}
            </Text>
            <Button variant="light" size="xs" onClick={() => void logout()}>
              Đăng xuất
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Danh mục chức năng">
        {role &&
          nav[role].map((n) => (
            <NavLink
              key={n.to}
              component={Link}
              href={n.to}
              label={n.label}
              active={n.to === '/' ? location === '/' : location.startsWith(n.to)}
              onClick={close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {offline && (
          <Alert color="orange" mb="md" role="status">
            Mất kết nối tới máy chủ. Các số liệu có thể chưa cập nhật; thao tác sẽ thử lại khi có mạng.
          </Alert>
        )}
        <main>{children}</main>
      </AppShell.Main>
    </AppShell>
  );
}
