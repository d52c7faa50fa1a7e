// Province names by code, for screens that receive codes. Both lists are
// asked for — before and after the 01/07/2025 merger — because records
// keep the code they were registered under (an employer registered in 2020
// carries a pre-merger code).
import { useCallback } from 'react';
import { api, call } from '../api/client';
import { useApi } from './useApi';

export function useProvinceNames() {
  const r = useApi(async () => {
    const [before, after] = await Promise.all([
      call(api.GET('/provinces', { params: { query: { date: '2025-06-30' } } })),
      call(api.GET('/provinces', {})),
    ]);
    const names: Record<string, string> = {};
    for (const p of before.provinces) names[p.code] = p.name;
    for (const p of after.provinces) names[p.code] = p.name;
    return names;
  }, []);
  const names = r.data;
  // Stable between renders until the names arrive, so charts keyed on it
  // are not rebuilt on every render.
  return useCallback((code: string) => names?.[code] ?? code, [names]);
}
