import { Badge, Group } from '@mantine/core';
import { useIntl } from 'react-intl';
import { CASE_STATUS_COLOR, CODE_PREFIX, RISK_COLOR, TRAFFICKING_STATUS_COLOR, codeLabel } from './labels';

/** Case status badge. */
export function CaseStatusBadge({ status }: { status: string }) {
  const intl = useIntl();
  return (
    <Badge variant="light" color={CASE_STATUS_COLOR[status] ?? 'gray'} data-testid="case-status">
      {codeLabel(intl, CODE_PREFIX.caseStatus, status)}
    </Badge>
  );
}

/** Trafficking status badge (possible → presumed → identified). */
export function TraffickingStatusBadge({ status }: { status: string }) {
  const intl = useIntl();
  return (
    <Badge variant="outline" color={TRAFFICKING_STATUS_COLOR[status] ?? 'gray'} data-testid="case-trafficking-status">
      {codeLabel(intl, CODE_PREFIX.traffickingStatus, status)}
    </Badge>
  );
}

/** Risk level badge, or nothing when no risk was assessed; `compact` drops the "Risk:" prefix under a Risk column. */
export function RiskBadge({ level, compact = false }: { level: string | null; compact?: boolean }) {
  const intl = useIntl();
  if (!level) return null;
  const label = codeLabel(intl, CODE_PREFIX.riskLevel, level);
  return (
    <Badge variant="filled" color={RISK_COLOR[level] ?? 'gray'} data-testid="case-risk">
      {compact ? label : intl.formatMessage({ id: 'cases.riskBadge' }, { level: label })}
    </Badge>
  );
}

/** Forms of exploitation as small badges. */
export function ExploitationBadges({ forms }: { forms: readonly string[] }) {
  const intl = useIntl();
  if (forms.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {forms.map((form) => (
        <Badge key={form} variant="dot" size="sm" color="grape">
          {codeLabel(intl, CODE_PREFIX.exploitationForm, form)}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * A child's case, flagged wherever the case appears (header, case list, work lists):
 * children need the child-specific pathway (guardian, no means required, child protection).
 * Renders nothing unless `isMinor` is true (unknown age is not a child).
 */
export function ChildBadge({ isMinor, size = 'md' }: { isMinor: boolean | null | undefined; size?: 'sm' | 'md' }) {
  const intl = useIntl();
  if (!isMinor) return null;
  return (
    <Badge color="pink" variant="filled" size={size} data-testid="case-child">
      {intl.formatMessage({ id: 'caseOverview.child' })}
    </Badge>
  );
}
