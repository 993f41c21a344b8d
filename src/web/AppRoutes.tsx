import { Route, Routes, matchPath } from 'react-router-dom';
import { lazyPage, type LazyPage } from './common/lazyPage';

// Every page is its own chunk: the public report page, read by anonymous people on any phone, must not
// download the case-management application, and signing in must not download the report form.
const fullHeight = { fullHeight: true };
const SignedInApp = lazyPage(async () => (await import('./SignedInApp')).SignedInApp, fullHeight);

/** The pages outside the signed-in frame; every other URL belongs to the signed-in application. */
const OUTSIDE_PAGES: { path: string; page: LazyPage }[] = [
  { path: '/login', page: lazyPage(async () => (await import('./auth/LoginPage')).LoginPage, fullHeight) },
  { path: '/login/2fa', page: lazyPage(async () => (await import('./auth/TwoFactorPage')).TwoFactorPage, fullHeight) },
  { path: '/login/enrol', page: lazyPage(async () => (await import('./auth/EnrolPage')).EnrolPage, fullHeight) },
  // First sign-in with a one-time activation code.
  { path: '/activate', page: lazyPage(async () => (await import('./auth/ActivationPage')).ActivationPage, fullHeight) },
  // Public reporting: no account, no session.
  { path: '/report', page: lazyPage(async () => (await import('./reports/public/PublicReportPage')).PublicReportPage, fullHeight) },
  { path: '/report/add', page: lazyPage(async () => (await import('./reports/public/PublicAdditionPage')).PublicAdditionPage, fullHeight) },
];

/**
 * Starts fetching the code of the page at `pathname`, so it downloads beside the session and the
 * language catalog instead of after them (the routes render once the catalog is in).
 */
export function preloadPage(pathname: string): void {
  const outside = OUTSIDE_PAGES.find(({ path }) => matchPath(path, pathname));
  (outside?.page ?? SignedInApp).preload();
}

/** Every URL of the app: the pages outside the frame, then the signed-in application for the rest. */
export function AppRoutes() {
  return (
    <Routes>
      {OUTSIDE_PAGES.map(({ path, page: Page }) => (
        <Route key={path} path={path} element={<Page />} />
      ))}
      <Route path="*" element={<SignedInApp />} />
    </Routes>
  );
}
