// A file's idempotency key: the SHA-256 of its text, so that the same file
// sent twice is applied once (XML 130 envelopes, the deaths list).
export async function fileKey(prefix: string, text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return prefix + Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}
