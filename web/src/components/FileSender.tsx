// Sending a file the API takes as its body (an XML 130 envelope, the
// population database's deaths): chosen, read, and sent with the SHA-256 of
// its text as the idempotency key, so the same file sent twice is applied
// once. The page says what to send it to and shows the answer.
import { Button, FileButton, Group, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { ErrorBox } from './ErrorBox';
import { number } from '../format';

async function fileKey(prefix: string, text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return prefix + Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

// What api.POST takes to send the text as the body, as it is.
type RawInit = {
  body: never;
  bodySerializer: (b: unknown) => string;
  params: { header: { 'Idempotency-Key': string } };
  headers: { 'Content-Type': string };
};

export function FileSender<T>({ accept, contentType, labels, send, children }: {
  accept: string;
  contentType: string;
  labels: [string, string];  // the buttons that pick the file and send it
  send: (init: RawInit) => Promise<T>;
  children: (result: T) => ReactNode;  // the answer, as the page shows it
}) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const text = await file.text();
      const key = await fileKey('file-', text);
      setResult(
        await send({
          body: text as never,
          bodySerializer: (b: unknown) => b as string,
          params: { header: { 'Idempotency-Key': key } },
          headers: { 'Content-Type': contentType },
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Group mb="md">
        <FileButton onChange={setFile} accept={accept}>
          {(props) => (
            <Button variant="light" {...props}>
              {labels[0]}
            </Button>
          )}
        </FileButton>
        <Text size="sm">{file ? `${file.name} (${number(Math.round(file.size / 1024))} KB)` : 'Chưa chọn tệp'}</Text>
        <Button onClick={() => void run()} disabled={!file} loading={busy}>
          {labels[1]}
        </Button>
      </Group>
      <ErrorBox error={error} />
      {result !== null && children(result)}
    </>
  );
}
