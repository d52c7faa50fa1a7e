import { Title } from '@mantine/core';
import { api, call } from '../../api/client';
import { BookView } from '../../components/Book';
import { ErrorBox } from '../../components/ErrorBox';
import { NoticeView } from '../../components/Notice';
import { useApi } from '../../components/useApi';

export default function PersonDetail({ cccd }: { cccd: string }) {
  const book = useApi(() => call(api.GET('/persons/{cccd}/history', { params: { path: { cccd } } })), [cccd]);
  return (
    <>
      <Title order={2} mb="md">
        Sổ BHXH
      </Title>
      <ErrorBox error={book.error} />
      {book.data && <BookView book={book.data} />}
      {book.data && <NoticeView cccd={cccd} />}
    </>
  );
}
