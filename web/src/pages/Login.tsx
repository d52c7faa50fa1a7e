import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAuth } from '../auth';

export function Login() {
  const { login, expired } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', '', String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" p="md">
      <main>
        <Paper withBorder shadow="sm" p="xl" w={{ base: '100%', xs: 380 }} maw={420}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h3">
                Đăng nhập
              </Title>
              <Text size="sm" c="dimmed">
                Hệ thống thông tin Bảo hiểm xã hội Việt Nam
              </Text>
              {expired && (
                <Alert color="yellow" role="status">
                  Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.
                </Alert>
              )}
              <TextInput
                label="Tên đăng nhập"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={error?.field === 'username' ? error.message : undefined}
                required
              />
              <PasswordInput
                label="Mật khẩu"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={error && error.field !== 'username' ? error.message : undefined}
                required
              />
              <Button type="submit" loading={busy}>
                Đăng nhập
              </Button>
            </Stack>
          </form>
        </Paper>
      </main>
    </Center>
  );
}
