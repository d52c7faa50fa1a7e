import '@mantine/core/styles.css';
import { Badge, createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthProvider } from './auth';

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  colors: {
    // A darker blue than Mantine's for text on white (contrast ≥ 4.5:1).
    blue: ['#e7f1fb', '#cfe1f5', '#9dc1ea', '#6a9fde', '#3f82d4', '#2670cd', '#1c5fa8', '#164e8c', '#0f3e71', '#082e55'],
  },
  primaryShade: 7,
  components: {
    // Status labels are Vietnamese phrases ("Chậm so với lộ trình"): let them
    // wrap in narrow table cells instead of being cut with an ellipsis, and
    // keep their case (upper case hides diacritics at badge size).
    Badge: Badge.extend({
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2, textTransform: 'none' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
      },
    }),
  },
});

// Text on light backgrounds and white text on filled ones at 4.5:1 or more
// (WCAG AA): Mantine's mid shades are too light for small text.
const dark: Record<string, string> = {
  red: '#a61e1e', green: '#1e6b30', teal: '#0b6b5d', blue: '#0f3e71', orange: '#9a4508', yellow: '#6e5200', gray: '#495057',
};
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': '#a61e1e',
    ...Object.fromEntries(Object.entries(dark).flatMap(([c, v]) => [[`--mantine-color-${c}-light-color`, v], [`--mantine-color-${c}-filled`, v], [`--mantine-color-${c}-text`, v]])),
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <AuthProvider>
        <App />
      </AuthProvider>
    </MantineProvider>
  </StrictMode>,
);
