import '@mantine/core/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadPage } from './AppRoutes';
import { loadCatalog } from './i18n/catalog-loader';
import { storedLocale } from './i18n/locale-context';

// The page's code and the likely catalog download beside the first requests (the session, the public
// config) instead of after them. A failure here is retried when the page or the catalog is needed.
preloadPage(window.location.pathname);
loadCatalog(storedLocale() ?? 'ar').catch(() => {});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
