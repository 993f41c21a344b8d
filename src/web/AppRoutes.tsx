import { Route, Routes } from 'react-router-dom';
import { AgenciesPage } from './admin/agencies/AgenciesPage';
import { UsersPage } from './admin/users/UsersPage';
import { AuditPage } from './audit/AuditPage';
import { ActivationPage } from './auth/ActivationPage';
import { EnrolPage } from './auth/EnrolPage';
import { LoginPage } from './auth/LoginPage';
import { TwoFactorPage } from './auth/TwoFactorPage';
import { RequireAuth, RequirePermission } from './auth/guards';
import { CasePage, CasesPage, NewCasePage } from './cases/lazyPages';
import { NotFoundPage } from './common/StatusPages';
import { HomePage } from './home/HomePage';
import { AppLayout } from './layout/AppLayout';
import { NotificationsPage } from './notifications/NotificationsPage';
import { ProfilePage } from './profile/ProfilePage';
import { ProvidersPage } from './providers/ProvidersPage';
import { PublicAdditionPage } from './reports/public/PublicAdditionPage';
import { PublicReportPage } from './reports/public/PublicReportPage';
import { ReportPage } from './reports/ReportPage';
import { ReportsPage } from './reports/ReportsPage';
import { ReferralPage } from './referrals/ReferralPage';
import { ReferralsPage } from './referrals/ReferralsPage';
import { NewScreeningPage } from './screening/NewScreeningPage';
import { ScreeningPage } from './screening/ScreeningPage';
import { ScreeningsPage } from './screening/ScreeningsPage';

/** Every URL of the app; signed-in pages sit inside the shell and check permissions there. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/login/2fa" element={<TwoFactorPage />} />
      <Route path="/login/enrol" element={<EnrolPage />} />
      {/* First sign-in with a one-time activation code. */}
      <Route path="/activate" element={<ActivationPage />} />
      {/* Public reporting: no account, no session. */}
      <Route path="/report" element={<PublicReportPage />} />
      <Route path="/report/add" element={<PublicAdditionPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="/admin/agencies"
          element={
            <RequirePermission permission="agency.list">
              <AgenciesPage />
            </RequirePermission>
          }
        />
        <Route
          path="/admin/users"
          element={
            <RequirePermission permission="user.list">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="/audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route
          path="/reports"
          element={
            <RequirePermission permission="report.list">
              <ReportsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/reports/:id"
          element={
            <RequirePermission permission="report.read">
              <ReportPage />
            </RequirePermission>
          }
        />
        <Route
          path="/screenings"
          element={
            <RequirePermission permission="screening.list">
              <ScreeningsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/screenings/new"
          element={
            <RequirePermission permission="screening.create">
              <NewScreeningPage />
            </RequirePermission>
          }
        />
        <Route
          path="/screenings/:id"
          element={
            <RequirePermission permission="screening.read">
              <ScreeningPage />
            </RequirePermission>
          }
        />
        <Route
          path="/cases"
          element={
            <RequirePermission permission="case.list">
              <CasesPage />
            </RequirePermission>
          }
        />
        <Route
          path="/cases/new"
          element={
            <RequirePermission permission="case.create">
              <NewCasePage />
            </RequirePermission>
          }
        />
        {/* No client-side guard: the server's 403 (or 404 outside scope) decides, and the page shows it. */}
        <Route path="/cases/:id" element={<CasePage />} />
        <Route
          path="/referrals"
          element={
            <RequirePermission permission="referral.list">
              <ReferralsPage />
            </RequirePermission>
          }
        />
        {/* As for cases: the server's answer (404 outside scope) decides. */}
        <Route path="/referrals/:id" element={<ReferralPage />} />
        {['/providers', '/providers/:id'].map((path) => (
          <Route
            key={path}
            path={path}
            element={
              <RequirePermission permission="provider.list">
                <ProvidersPage />
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
