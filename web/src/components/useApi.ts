// Loads data for a screen: the answer, the error (an ApiError), whether it
// is loading, and a way to load again. Old answers are dropped when the
// inputs change before they arrive. A server busy with other large requests
// (503 "busy": it limits how many run at once) is asked again after 0.5, 1,
// 2 and 4 seconds, as its message says to, before the screen shows the error.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

async function withRetryWhenBusy<T>(load: () => Promise<T>, stillWanted: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'busy' || attempt >= 4 || !stillWanted()) throw e;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

export function useApi<T>(load: () => Promise<T>, deps: unknown[], enabled = true) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const seq = useRef(0);
  const run = useCallback(() => {
    if (!enabled) return;
    const n = ++seq.current;
    setLoading(true);
    setError(null);
    withRetryWhenBusy(load, () => n === seq.current)
      .then((d) => n === seq.current && setData(d))
      .catch((e) => n === seq.current && setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e))))
      .finally(() => n === seq.current && setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);
  useEffect(run, [run]);
  return { data, error, loading, reload: run };
}
