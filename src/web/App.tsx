import { Badge, DirectionProvider, MantineProvider, TextInput, Textarea, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './AppRoutes';
import { LocaleProvider } from './i18n/LocaleProvider';

const theme = createTheme({
  primaryColor: 'teal',
  // Teal 9 on white is 5:1, white on a teal 9 button too: shade 6 (Mantine's default) gave 2.55:1 buttons and
  // 3.9:1 links, below the 4.5:1 WCAG AA asks of body text.
  primaryShade: { light: 9, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, sans-serif',
  focusRing: 'always',
  components: {
    // Status and role badges sit in table cells; a clipped word there is worse than a wider column.
    Badge: Badge.extend({ styles: { label: { overflow: 'visible' } } }),
    // What a person types runs in its own direction: Arabic typed in the French interface runs right to left,
    // a Latin name typed in the Arabic one left to right (the first strong character decides, as in a browser's
    // address bar). Selects and pickers keep the page's direction: their labels are ours, already translated.
    // (On the input element itself: Mantine gives a `dir` prop to the field's wrapper, whose text is not the value.)
    TextInput: TextInput.extend({ defaultProps: { attributes: { input: { dir: 'auto' } } } }),
    Textarea: Textarea.extend({ defaultProps: { attributes: { input: { dir: 'auto' } } } }),
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
