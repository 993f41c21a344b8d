import { sql } from 'drizzle-orm';
import { notifications } from '../db/schema/index.js';

/**
 * Urgent notifications are about a person in immediate danger: a public report
 * saying so (for the hotline), or an emergency dispatched to a police unit.
 * They are shown first and loudly. The rule is written once for rows in
 * JavaScript and once in SQL (ordering and counting), side by side.
 */
export function isUrgentNotification(row: { kind: string; params: Record<string, string | number> }): boolean {
  return row.kind === 'public_report_danger' || (row.kind === 'dispatch_received' && row.params['urgency'] === 'immediate_danger');
}

/** The same rule as a never-NULL SQL condition on the notifications table. */
export const urgentNotification = sql<boolean>`(${notifications.kind} = 'public_report_danger'
  OR (${notifications.kind} = 'dispatch_received' AND coalesce(${notifications.params}->>'urgency', '') = 'immediate_danger'))`;
