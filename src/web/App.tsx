import { Badge, DirectionProvider, MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './AppRoutes';
import { LocaleProvider } from './i18n/LocaleProvider';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, sans-serif',
  focusRing: 'always',
  components: {
    // Status and role badges sit in table cells; a clipped word there is worse than a wider column.
    Badge: Badge.extend({ styles: { label: { overflow: 'visible' } } }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, retry: 1 },
  },
});

/** Providers in dependency order: data, then UI kit and direction, then language, then routes (each page a lazy chunk). */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection="rtl">
        <MantineProvider theme={theme}>
          <LocaleProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </LocaleProvider>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
