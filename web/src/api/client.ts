// The API client, typed from the OpenAPI document (schema.d.ts is generated
// by scripts/gen-api.mjs). Every call carries the session's token; an
// answer of 401 ends the session; errors come back as ApiError with the
// API's stable code, Vietnamese message and the field at fault.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths, components } from './schema';

export type Schemas = components['schemas'];

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    public field: string,
    message: string,
    public rows: { row: number; field: string; code: string; message: string }[] = [],
  ) {
    super(message);
  }
}

// A message shown beside the field it concerns does not need to repeat the
// field's technical path: 'Trường "rows[2].cccd" phải là …' → 'Phải là …'.
export function besideField(message: string): string {
  const rest = message.replace(/^Trường "[^"]*"\s*/, '');
  return rest === message ? message : rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

let token: string | null = sessionStorage.getItem('bhxh.token');
const listeners = new Set<(why: 'expired' | 'offline' | 'online') => void>();

export function setToken(t: string | null) {
  token = t;
  if (t) sessionStorage.setItem('bhxh.token', t);
  else sessionStorage.removeItem('bhxh.token');
}
export function getToken() {
  return token;
}
export function onSessionEvent(f: (why: 'expired' | 'offline' | 'online') => void) {
  listeners.add(f);
  return () => listeners.delete(f);
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    listeners.forEach((l) => l('online'));
    if (response.status === 401 && token) {
      setToken(null);
      listeners.forEach((l) => l('expired'));
    }
    return response;
  },
};

async function fetchWithOffline(input: Request): Promise<Response> {
  try {
    return await fetch(input);
  } catch (e) {
    listeners.forEach((l) => l('offline'));
    throw new ApiError(0, 'offline', '', 'Mất kết nối tới máy chủ. Kiểm tra mạng rồi thử lại.');
  }
}

export const api = createClient<paths>({ baseUrl: '/api/v1', fetch: fetchWithOffline });
api.use(auth);

type ErrorBody = { error?: { code: string; field: string; message: string }; errors?: ApiError['rows'] };

// The data of an answer, or an ApiError.
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const r = await p;
  if (r.response.ok && r.data !== undefined) return r.data;
  const body = (r.error ?? {}) as ErrorBody;
  const e = body.error;
  throw new ApiError(
    r.response.status,
    e?.code ?? 'http_' + r.response.status,
    e?.field ?? '',
    e?.message ?? `Lỗi ${r.response.status}`,
    body.errors ?? [],
  );
}

// A file answer (XLSX, HTML, CSV) downloaded as the server names it.
export async function download(path: string, params: Record<string, string>) {
  const q = new URLSearchParams(params).toString();
  const res = await fetchWithOffline(
    new Request(`/api/v1${path}?${q}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }),
  );
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(res.status, body.error?.code ?? 'http', body.error?.field ?? '', body.error?.message ?? `Lỗi ${res.status}`);
  }
  const blob = await res.blob();
  const cd = res.headers.get('Content-Disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : path.split('/').pop() ?? 'tep';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

// A page answer (an HTML slip) as text, for showing inside the console.
export async function fetchText(path: string, params: Record<string, string> = {}): Promise<string> {
  const q = new URLSearchParams(params).toString();
  const res = await fetchWithOffline(
    new Request(`/api/v1${path}${q ? `?${q}` : ''}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }),
  );
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(res.status, body.error?.code ?? 'http', body.error?.field ?? '', body.error?.message ?? `Lỗi ${res.status}`);
  }
  return res.text();
}
