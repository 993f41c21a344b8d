import type { Action } from '@shared/actions.js';
import type { Role } from '@shared/roles.js';
import { AppError } from '../http/app-error.js';
import { POLICY_RULES, SCOPE_RANK, type Scope } from './rules.js';

/** Who is asking: enough to decide any policy question. */
export interface Actor {
  userId: string;
  username: string;
  agencyId: string;
  roles: readonly Role[];
}

/** The widest scope any of the actor's roles has for `action`, or null when none grants it. */
export function scopeFor(actor: Pick<Actor, 'roles'>, action: Action): Scope | null {
  let best: Scope | null = null;
  for (const rule of POLICY_RULES) {
    if (rule.action !== action || !actor.roles.includes(rule.role)) continue;
    if (!best || SCOPE_RANK[rule.scope] > SCOPE_RANK[best]) best = rule.scope;
  }
  return best;
}

/** True when some role of the actor grants `action` at any scope. */
export function can(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  return scopeFor(actor, action) !== null;
}

/** Throws FORBIDDEN unless the actor's roles grant `action`. */
export function authorize(actor: Pick<Actor, 'roles'>, action: Action): Scope {
  const scope = scopeFor(actor, action);
  if (!scope) throw new AppError('FORBIDDEN', `Your role does not allow ${action}`);
  return scope;
}

/** Every action the actor's roles grant (sent to the UI, which hides what would fail). */
export function permissionsOf(actor: Pick<Actor, 'roles'>): Action[] {
  return [...new Set(POLICY_RULES.filter((r) => actor.roles.includes(r.role)).map((r) => r.action))].sort();
}

/**
 * The actions from `candidates` the actor may take on one record already
 * known to be in scope (scope is decided in SQL, see scopes.ts).
 */
export function allowedActionsOn(actor: Pick<Actor, 'roles'>, candidates: readonly Action[]): Action[] {
  return candidates.filter((action) => can(actor, action));
}
