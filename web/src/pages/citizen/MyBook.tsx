// The citizen's own book, on a phone as on a desktop.
import { Loader, Title } from '@mantine/core';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { BookView } from '../../components/Book';
import { ErrorBox } from '../../components/ErrorBox';
import { NoticeView } from '../../components/Notice';
import { useApi } from '../../components/useApi';

export default function MyBook() {
  const { user } = useAuth();
  const cccd = user?.cccd ?? '';
  const book = useApi(() => call(api.GET('/persons/{cccd}/history', { params: { path: { cccd } } })), [cccd], !!cccd);
  return (
    <>
      <Title order={2} mb="md">
        Sổ BHXH của tôi
      </Title>
      <ErrorBox error={book.error} />
      {book.loading && <Loader aria-label="Đang tải" />}
      {book.data && <BookView book={book.data} />}
      {book.data && <NoticeView cccd={cccd} />}
    </>
  );
}
