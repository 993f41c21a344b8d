import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePermission } from './auth/guards';
import { CasePage, CasesPage, NewCasePage } from './cases/lazyPages';
import { lazyPage } from './common/lazyPage';
import { NotFoundPage } from './common/StatusPages';
import { AppLayout } from './layout/AppLayout';

// Each page is fetched when first opened; the frame (header, navigation, bell) comes with this chunk.
const HomePage = lazyPage(async () => (await import('./home/HomePage')).HomePage);
const AgenciesPage = lazyPage(async () => (await import('./admin/agencies/AgenciesPage')).AgenciesPage);
const UsersPage = lazyPage(async () => (await import('./admin/users/UsersPage')).UsersPage);
const AuditPage = lazyPage(async () => (await import('./audit/AuditPage')).AuditPage);
const NotificationsPage = lazyPage(async () => (await import('./notifications/NotificationsPage')).NotificationsPage);
const ProfilePage = lazyPage(async () => (await import('./profile/ProfilePage')).ProfilePage);
const ProvidersPage = lazyPage(async () => (await import('./providers/ProvidersPage')).ProvidersPage);
const ReportPage = lazyPage(async () => (await import('./reports/ReportPage')).ReportPage);
const ReportsPage = lazyPage(async () => (await import('./reports/ReportsPage')).ReportsPage);
const ReferralPage = lazyPage(async () => (await import('./referrals/ReferralPage')).ReferralPage);
const ReferralsPage = lazyPage(async () => (await import('./referrals/ReferralsPage')).ReferralsPage);
const NewScreeningPage = lazyPage(async () => (await import('./screening/NewScreeningPage')).NewScreeningPage);
const ScreeningPage = lazyPage(async () => (await import('./screening/ScreeningPage')).ScreeningPage);
const ScreeningsPage = lazyPage(async () => (await import('./screening/ScreeningsPage')).ScreeningsPage);
// Behind the home tiles: the case manager's whole work list, the coordinator's de-identified lists.
const CaseWorkPage = lazyPage(async () => (await import('./home/CaseWorkPage')).CaseWorkPage);
const OverridesPage = lazyPage(async () => (await import('./oversight/OverridesPage')).OverridesPage);
const NationalReferralsPage = lazyPage(async () => (await import('./oversight/NationalReferralsPage')).NationalReferralsPage);
const NotReferredPage = lazyPage(async () => (await import('./oversight/NotReferredPage')).NotReferredPage);
const CoveragePage = lazyPage(async () => (await import('./coverage/CoveragePage')).CoveragePage);
const IndicatorSetsPage = lazyPage(async () => (await import('./admin/indicator-sets/IndicatorSetsPage')).IndicatorSetsPage);
const NewIndicatorSetPage = lazyPage(async () => (await import('./admin/indicator-sets/IndicatorSetEditor')).NewIndicatorSetPage);
const IndicatorSetPage = lazyPage(async () => (await import('./admin/indicator-sets/IndicatorSetEditor')).IndicatorSetPage);

/** A page behind a permission: the Forbidden page otherwise (the server decides again on every call). */
function guarded(permission: string, page: ReactElement): ReactElement {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** The case-management application: every signed-in URL, inside the shell, with its toasts. */
export function SignedInApp() {
  return (
    <>
      {/* Bottom: toasts at the top covered modal titles and the demo banner. */}
      <Notifications position="bottom-center" />
      <Routes>
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="/admin/agencies" element={guarded('agency.list', <AgenciesPage />)} />
          <Route path="/admin/users" element={guarded('user.list', <UsersPage />)} />
          <Route path="/audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/reports" element={guarded('report.list', <ReportsPage />)} />
          <Route path="/reports/:id" element={guarded('report.read', <ReportPage />)} />
          <Route path="/screenings" element={guarded('screening.list', <ScreeningsPage />)} />
          <Route path="/screenings/new" element={guarded('screening.create', <NewScreeningPage />)} />
          <Route path="/screenings/:id" element={guarded('screening.read', <ScreeningPage />)} />
          <Route path="/coverage" element={guarded('screening.coverage', <CoveragePage />)} />
          <Route path="/admin/indicator-sets" element={guarded('screening.editIndicators', <IndicatorSetsPage />)} />
          <Route path="/admin/indicator-sets/new" element={guarded('screening.editIndicators', <NewIndicatorSetPage />)} />
          <Route path="/admin/indicator-sets/:id" element={guarded('screening.editIndicators', <IndicatorSetPage />)} />
          <Route path="/cases" element={guarded('case.list', <CasesPage />)} />
          <Route path="/cases/new" element={guarded('case.create', <NewCasePage />)} />
          {/* No client-side guard: the server's 403 (or 404 outside scope) decides, and the page shows it. */}
          <Route path="/cases/:id" element={<CasePage />} />
          <Route path="/referrals" element={guarded('referral.list', <ReferralsPage />)} />
          {/* As for cases: the server's answer (404 outside scope) decides. */}
          <Route path="/referrals/:id" element={<ReferralPage />} />
          <Route path="/providers" element={guarded('provider.list', <ProvidersPage />)} />
          <Route path="/providers/:id" element={guarded('provider.list', <ProvidersPage />)} />
          <Route path="/worklist/cases" element={guarded('worklist.caseManager', <CaseWorkPage />)} />
          <Route path="/oversight/overrides" element={guarded('referral.reviewOverride', <OverridesPage />)} />
          <Route path="/oversight/referrals" element={guarded('worklist.pathwayHealth', <NationalReferralsPage />)} />
          <Route path="/oversight/not-referred" element={guarded('worklist.pathwayHealth', <NotReferredPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
