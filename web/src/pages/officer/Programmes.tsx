// Programmes imported from the agency's decisions, and importing one from
// the file an officer has: text, Word .docx, PDF with a text layer, an HTML
// page saved from a legal-document website, or Markdown. The server
// recognises the kind from the content; "Đọc thử" shows what would be read
// without storing it, so unknown unit names can be mapped first.
import { Alert, Button, FileButton, Group, List, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorBox } from '../../components/ErrorBox';
import { useApi } from '../../components/useApi';
import { date, number as num } from '../../format';

// What the document is called, by its kind.
const DOCUMENTS: Record<string, string> = {
  decision: 'Quyết định',
  plan: 'Kế hoạch',
  programme: 'Chương trình',
  scheme: 'Đề án',
};

const KINDS: Record<string, string> = {
  text: 'văn bản',
  docx: 'Word .docx',
  pdf: 'PDF',
  html: 'trang HTML',
  markdown: 'Markdown',
};

function ImportResult({ p, stored }: { p: Schemas['ImportedProgramme']; stored: boolean }) {
  const unknown = p.tasks.filter((t) => t.unknown_units.length > 0);
  return (
    <Paper withBorder p="md" mb="md" aria-label="Kết quả đọc quyết định">
      <Text fw={600}>
        {DOCUMENTS[p.decision.kind ?? 'decision']} {p.decision.number} ngày {date(p.decision.date)} — đọc từ {KINDS[p.source_format ?? 'text']}
        {stored ? (p.stored?.replayed ? ' (đã có sẵn, không nhập lại)' : ' — đã nhập') : ' — đọc thử, chưa lưu'}
      </Text>
      <Text size="sm" mb="xs">
        {p.decision.title}
      </Text>
      <Text size="sm">
        {num(p.counts.tasks)} nhiệm vụ ({num(p.counts.groups)} nhóm), {num(p.counts.indicators)} chỉ tiêu,{' '}
        {num(p.counts.reports)} nghĩa vụ báo cáo
        {p.counts.stated_total != null ? `; văn bản ghi tổng số ${num(p.counts.stated_total)} nhiệm vụ` : ''}
      </Text>
      {unknown.length > 0 && (
        <Alert color="yellow" mt="sm" title={`${num(unknown.length)} nhiệm vụ có tên đơn vị chưa nhận ra`}>
          <List size="sm">
            {unknown.slice(0, 10).map((t) => (
              <List.Item key={t.key}>
                {t.key}: {t.unknown_units.join('; ')}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}

function ImportDecision({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ p: Schemas['ImportedProgramme']; stored: boolean } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const p = await call(
        api.POST('/programmes', {
          body: bytes as never,
          bodySerializer: (b: unknown) => b as Uint8Array,
          params: { query: { dry_run: dryRun } },
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      );
      setResult({ p, stored: !dryRun });
      if (!dryRun) onImported();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Nhập quyết định">
      <Title order={3} mb="xs">
        Nhập quyết định
      </Title>
      <Text size="sm" mb="xs">
        Văn bản, Word (.docx), PDF có lớp chữ, trang HTML lưu từ cổng văn bản, hoặc Markdown.
      </Text>
      <Group mb="md">
        <FileButton
          onChange={setFile}
          accept=".txt,.docx,.pdf,.html,.htm,.md,.markdown,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        >
          {(props) => (
            <Button variant="light" {...props}>
              Chọn tệp quyết định
            </Button>
          )}
        </FileButton>
        <Text size="sm">{file ? `${file.name} (${num(Math.ceil(file.size / 1024))} KB)` : 'Chưa chọn tệp'}</Text>
        <Button variant="default" onClick={() => void send(true)} disabled={!file} loading={busy}>
          Đọc thử
        </Button>
        <Button onClick={() => void send(false)} disabled={!file} loading={busy}>
          Nhập quyết định
        </Button>
      </Group>
      <ErrorBox error={error} />
      {result && <ImportResult p={result.p} stored={result.stored} />}
    </section>
  );
}

export default function Programmes() {
  const r = useApi(() => call(api.GET('/programmes', { params: { query: { limit: 1000 } } })), []);
  const [, go] = useLocation();
  return (
    <>
      <Title order={2} mb="md">
        Chương trình, kế hoạch
      </Title>
      <ImportDecision onImported={r.reload} />
      <ErrorBox error={r.error} />
      {r.data && (
        <DataTable
          caption="Các quyết định đã nhập"
          data={r.data.programmes}
          onRowClick={(p) => go(`/programmes/${encodeURIComponent(p.number)}`)}
          columns={[
            { accessorKey: 'number', header: 'Số quyết định' },
            { accessorKey: 'date', header: 'Ngày', cell: (c) => date(c.getValue()) },
            { accessorKey: 'title', header: 'Trích yếu' },
            { id: 'tasks', header: 'Nhiệm vụ', accessorFn: (p) => p.counts.tasks },
            { id: 'indicators', header: 'Chỉ tiêu', accessorFn: (p) => p.counts.indicators },
          ]}
        />
      )}
    </>
  );
}
