// Loads data for a screen: the answer, the error (an ApiError), whether it
// is loading, and a way to load again. Old answers are dropped when the
// inputs change before they arrive. Two answers mean "ask again", and a read
// is asked again before the screen shows the error: a server busy with other
// large requests (503 "busy": it limits how many run at once) after 0.5, 1,
// 2 and 4 seconds, as its message says; a database failing over to its
// standby (503 "unavailable") for about half a minute (0.5, 1, 2, 4, 8, 8,
// 8 s), the time pg_auto_failover takes with its default settings.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

const RETRY_DELAYS_MS: Record<string, number[]> = {
  busy: [500, 1000, 2000, 4000],
  unavailable: [500, 1000, 2000, 4000, 8000, 8000, 8000],
};

async function withRetry<T>(load: () => Promise<T>, stillWanted: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      const delays = e instanceof ApiError ? RETRY_DELAYS_MS[e.code] : undefined;
      if (!delays || attempt >= delays.length || !stillWanted()) throw e;
      await new Promise((r) => setTimeout(r, delays[attempt]));
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
    withRetry(load, () => n === seq.current)
      .then((d) => n === seq.current && setData(d))
      .catch((e) => n === seq.current && setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e))))
      .finally(() => n === seq.current && setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);
  useEffect(run, [run]);
  return { data, error, loading, reload: run };
}
