import type { Action } from '@shared/actions.js';
import type { Locale } from '@shared/locales.js';
import type { Role } from '@shared/roles.js';
import { AppError } from '../http/app-error.js';
import { POLICY_RULES } from './rules.js';
import type { Relationship } from './relationships.js';

/** Who is asking: enough to decide any policy question. */
export interface Actor {
  userId: string;
  username: string;
  agencyId: string;
  roles: readonly Role[];
  /** The language the user reads (users.locale): agency and provider names come back in it (db/localized-name.ts). */
  locale?: Locale;
}

/**
 * The relationships through which the actor's roles grant `action` (empty when
 * none does). Several roles add up: the actor reaches the union.
 */
export function grantedRelationships(actor: Pick<Actor, 'roles'>, action: Action): Relationship[] {
  const granted = new Set<Relationship>();
  for (const rule of POLICY_RULES) if (rule.action === action && actor.roles.includes(rule.role)) granted.add(rule.relationship);
  return [...granted];
}

/** True when some role of the actor grants `action` through any relationship. */
export function can(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  return POLICY_RULES.some((rule) => rule.action === action && actor.roles.includes(rule.role));
}

/** True when the actor takes `action` on every record (the `all` relationship), e.g. the national hotline. */
export function reachesAll(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  return grantedRelationships(actor, action).includes('all');
}

/** Throws FORBIDDEN unless the actor's roles grant `action`. */
export function authorize(actor: Pick<Actor, 'roles'>, action: Action): void {
  if (!can(actor, action)) throw new AppError('FORBIDDEN', `Your role does not allow ${action}`);
}

/** Every action the actor's roles grant (sent to the UI, which hides what would fail). */
export function permissionsOf(actor: Pick<Actor, 'roles'>): Action[] {
  return [...new Set(POLICY_RULES.filter((r) => actor.roles.includes(r.role)).map((r) => r.action))].sort();
}

/**
 * The actions from `candidates` the actor may take on one record already
 * known to be in scope (scope is decided in SQL, see access.ts).
 */
export function allowedActionsOn(actor: Pick<Actor, 'roles'>, candidates: readonly Action[]): Action[] {
  return candidates.filter((action) => can(actor, action));
}
