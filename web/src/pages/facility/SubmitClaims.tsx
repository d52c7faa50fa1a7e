// Sending an XML 130 envelope: read from a file, sent with the file's
// SHA-256 as its idempotency key (the same file twice is applied once), and
// each encounter's findings shown.
import { Title } from '@mantine/core';
import { api, call, type Schemas } from '../../api/client';
import { FileSender } from '../../components/FileSender';
import { SubmissionView } from '../../components/SubmissionView';

export default function SubmitClaims() {
  return (
    <>
      <Title order={2} mb="md">
        Gửi hồ sơ giám định (XML 130)
      </Title>
      <FileSender<Schemas['ClaimReviewResult']> accept=".xml,application/xml,text/xml" contentType="application/xml"
        labels={['Chọn tệp XML', 'Gửi hồ sơ']} send={(init) => call(api.POST('/claims', init))}>
        {(result) => <SubmissionView result={result} />}
      </FileSender>
    </>
  );
}
