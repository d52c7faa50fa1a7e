// Charts with Chart.js: only the pieces used here are registered, so the
// bundle carries no more than bar and line charts.
import {
  BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement,
  Tooltip, type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export function Chart({ config, label, height = 280 }: { config: ChartConfiguration; label: string; height?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = new ChartJS(ref.current, config);
    return () => c.destroy();
  }, [config]);
  return (
    <div style={{ position: 'relative', height }}>
      <canvas ref={ref} role="img" aria-label={label} data-chart="drawn" />
    </div>
  );
}
