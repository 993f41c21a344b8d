import type { IntlShape } from 'react-intl';
import type { AuditEvent } from '../../shared/api/admin';
import { optionalMessage } from '../i18n/optionalMessage';

export interface Option {
  value: string;
  label: string;
}

const ACTION_PREFIX = 'audit.action.';
const RESOURCE_PREFIX = 'audit.resource.';

/** The label of an audit action (a test holds every action to a label in each language). */
export function actionLabel(intl: IntlShape, action: string): string {
  return optionalMessage(intl, `${ACTION_PREFIX}${action}`, intl.formatMessage({ id: 'auditTrail.unknownAction' }));
}

/** Options for a catalog prefix: every labelled code, sorted by its label in the reader's language. */
function optionsFor(intl: IntlShape, prefix: string): Option[] {
  return Object.keys(intl.messages)
    .filter((key) => key.startsWith(prefix))
    .map((key) => ({ value: key.slice(prefix.length), label: intl.formatMessage({ id: key }) }))
    .sort((a, b) => a.label.localeCompare(b.label, intl.locale));
}

export const actionOptions = (intl: IntlShape) => optionsFor(intl, ACTION_PREFIX);
export const resourceTypeOptions = (intl: IntlShape) => optionsFor(intl, RESOURCE_PREFIX);

/** "Case SAN-2026-000123", "User Nadia El Amrani": what the record is, in words; never an id alone. */
export function resourceText(intl: IntlShape, event: Pick<AuditEvent, 'resourceType' | 'resourceLabel'>): string {
  if (!event.resourceType) return '—';
  const kind = optionalMessage(intl, `${RESOURCE_PREFIX}${event.resourceType}`, intl.formatMessage({ id: 'audit.column.resource' }));
  return event.resourceLabel ? `${kind} ${event.resourceLabel}` : kind;
}
