import { Alert, List } from '@mantine/core';
import { ApiError, besideField } from '../api/client';

// 'rows[3].cccd' → 'Dòng 3, cccd: …'; other fields are named after the message.
function describe(error: ApiError): string {
  const m = /^rows\[(\d+)\]\.(\w+)$/.exec(error.field);
  if (m) return `Dòng ${m[1]}, ${m[2]}: ${besideField(error.message)}`;
  if (error.field && error.rows.length === 0 && !error.message.includes(`"${error.field}"`))
    return `${error.message} (trường: ${error.field})`;
  return error.message;
}

// An API error as people read it: the Vietnamese message, the field at
// fault, and each row's problem when a file or a table was refused.
export function ErrorBox({ error, title }: { error: ApiError | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title ?? 'Không thực hiện được'} role="alert" mb="md">
      {describe(error)}
      {error.rows.length > 0 && (
        <List size="sm" mt="xs">
          {error.rows.slice(0, 50).map((r, i) => (
            <List.Item key={i}>
              Dòng {r.row}, {r.field}: {besideField(r.message)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
