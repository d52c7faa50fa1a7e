// Sending an XML 130 envelope: read from a file, sent with the file's
// SHA-256 as its idempotency key (the same file twice is applied once), and
// each encounter's findings shown.
import { Button, FileButton, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { SubmissionView } from '../../components/SubmissionView';
import { fileKey } from '../../fileKey';

export default function SubmitClaims() {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Schemas['ClaimReviewResult'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const text = await file.text();
      const key = await fileKey('file-', text);
      setResult(
        await call(
          api.POST('/claims', {
            body: text as never,
            bodySerializer: (b: unknown) => b as string,
            params: { header: { 'Idempotency-Key': key } },
            headers: { 'Content-Type': 'application/xml' },
          }),
        ),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Title order={2} mb="md">
        Gửi hồ sơ giám định (XML 130)
      </Title>
      <Group mb="md">
        <FileButton onChange={setFile} accept=".xml,application/xml,text/xml">
          {(props) => (
            <Button variant="light" {...props}>
              Chọn tệp XML
            </Button>
          )}
        </FileButton>
        <Text size="sm">{file ? `${file.name} (${(file.size / 1024).toFixed(0)} KB)` : 'Chưa chọn tệp'}</Text>
        <Button onClick={() => void send()} disabled={!file} loading={busy}>
          Gửi hồ sơ
        </Button>
      </Group>
      <ErrorBox error={error} />
      {result && <SubmissionView result={result} />}
    </>
  );
}
