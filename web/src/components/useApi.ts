// Loads data for a screen: the answer, the error (an ApiError), whether it
// is loading, and a way to load again. Old answers are dropped when the
// inputs change before they arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

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
    load()
      .then((d) => n === seq.current && setData(d))
      .catch((e) => n === seq.current && setError(e instanceof ApiError ? e : new ApiError(0, 'client', '', String(e))))
      .finally(() => n === seq.current && setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);
  useEffect(run, [run]);
  return { data, error, loading, reload: run };
}
