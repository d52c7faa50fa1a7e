// Signing in: a user name and password; for an account with a second factor
// the code the system sent to its phone; and a citizen's first visit,
// opening an account tied to their CCCD (checked against the national
// record, proved with a code sent to their phone).
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAuth, type Challenge } from '../auth';
import { date } from '../format';

type Step =
  | { kind: 'password' }
  | { kind: 'enrol' }
  | { kind: 'code'; purpose: 'login' | 'enrolment'; challenge: Challenge };

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'client', '', String(err));
}

export function Login() {
  const { login, verify, enrol, confirmEnrolment, expired } = useAuth();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [form, setForm] = useState({ cccd: '', full_name: '', birth_date: '', phone: '', password: '', again: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const c = await login(username.trim(), password);
      if (c) {
        setCode('');
        setStep({ kind: 'code', purpose: 'login', challenge: c });
      }
    });
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (step.kind !== 'code') return;
    void run(() =>
      step.purpose === 'login' ? verify(step.challenge.challenge, code.trim()) : confirmEnrolment(step.challenge.challenge, code.trim()),
    );
  };
  const submitEnrolment = (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.again) {
      setError(new ApiError(422, 'invalid', 'again', 'Hai lần nhập mật khẩu không giống nhau'));
      return;
    }
    void run(async () => {
      const c = await enrol({
        cccd: form.cccd.trim(),
        full_name: form.full_name.trim(),
        birth_date: form.birth_date.trim(),
        phone: form.phone.trim(),
        password: form.password,
      });
      setCode('');
      setStep({ kind: 'code', purpose: 'enrolment', challenge: c });
    });
  };
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  const go = (s: Step) => {
    setError(null);
    setStep(s);
  };
  const set = (k: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value });

  return (
    <Center mih="100vh" p="md">
      <main>
        <Paper withBorder shadow="sm" p="xl" w={{ base: '100%', xs: 420 }} maw={460}>
          {step.kind === 'password' && (
            <form onSubmit={submitPassword} noValidate>
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
                  description="Công dân: số định danh cá nhân (12 chữ số)"
                  autoComplete="username"
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={fieldError('username')}
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
                <Text size="sm">
                  Công dân chưa có tài khoản?{' '}
                  <Anchor component="button" type="button" onClick={() => go({ kind: 'enrol' })}>
                    Đăng ký tài khoản giao dịch điện tử
                  </Anchor>
                </Text>
              </Stack>
            </form>
          )}

          {step.kind === 'code' && (
            <form onSubmit={submitCode} noValidate>
              <Stack>
                <Title order={1} size="h3">
                  Nhập mã xác thực
                </Title>
                <Alert color="blue" role="status">
                  Mã gồm 6 chữ số đã được gửi {step.challenge.channel === 'sms' ? 'bằng tin nhắn tới số' : 'tới hộp thư'}{' '}
                  <strong>{step.challenge.sent_to}</strong>, có hiệu lực đến {date(step.challenge.expires_at)}.
                </Alert>
                <TextInput
                  label="Mã xác thực"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={error?.message}
                  required
                />
                <Button type="submit" loading={busy}>
                  {step.purpose === 'login' ? 'Xác nhận' : 'Mở tài khoản'}
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={() => go({ kind: 'password' })}>
                  Quay lại đăng nhập
                </Anchor>
              </Stack>
            </form>
          )}

          {step.kind === 'enrol' && (
            <form onSubmit={submitEnrolment} noValidate>
              <Stack gap="sm">
                <Title order={1} size="h3">
                  Đăng ký tài khoản giao dịch điện tử
                </Title>
                <Text size="sm" c="dimmed">
                  Thông tin phải khớp với cơ sở dữ liệu quốc gia về bảo hiểm. Tên đăng nhập là số định danh cá nhân; mỗi lần
                  đăng nhập, hệ thống gửi mã xác thực tới số điện thoại dưới đây.
                </Text>
                {error && !['full_name', 'birth_date', 'phone', 'password', 'again'].includes(error.field) && (
                  <Alert color="red" role="alert">
                    {error.message}
                  </Alert>
                )}
                <TextInput label="Số định danh cá nhân (CCCD)" inputMode="numeric" maxLength={12} value={form.cccd}
                  onChange={set('cccd')} required />
                <TextInput label="Họ và tên" value={form.full_name} onChange={set('full_name')} error={fieldError('full_name')} required />
                <TextInput label="Ngày sinh" placeholder="dd/mm/yyyy" value={form.birth_date} onChange={set('birth_date')}
                  error={fieldError('birth_date')} required />
                <TextInput label="Số điện thoại di động" inputMode="tel" autoComplete="tel" value={form.phone} onChange={set('phone')}
                  error={fieldError('phone')} required />
                <PasswordInput label="Mật khẩu (ít nhất 10 ký tự)" autoComplete="new-password" value={form.password}
                  onChange={set('password')} error={fieldError('password')} required />
                <PasswordInput label="Nhập lại mật khẩu" autoComplete="new-password" value={form.again} onChange={set('again')}
                  error={fieldError('again')} required />
                <Button type="submit" loading={busy}>
                  Gửi mã xác thực
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={() => go({ kind: 'password' })}>
                  Đã có tài khoản: đăng nhập
                </Anchor>
              </Stack>
            </form>
          )}
        </Paper>
      </main>
    </Center>
  );
}
