import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Action } from '@shared/actions.js';
import { agencies } from '../db/schema/index.js';
import type { Actor } from './authorize.js';

/**
 * How a user can stand to a record. rules.ts grants (role, action,
 * relationship); each resource under access/ says what each relationship means
 * for its table, as SQL. A relationship a resource does not define is one it
 * cannot be reached through.
 * - `all`: every record (administration, audit, the national hotline, de-identified figures);
 * - `ownerAgency`: the record belongs to the user's agency;
 * - `creator`: the user created it;
 * - `assigned`: the user is assigned to it (case manager, or listed as assignee);
 * - `dispatchedTo`: a report was dispatched to the user's agency;
 * - `receivingAgency`: a referral was sent to the user's agency, or a case's pending transfer is addressed to it;
 * - `region`: the record lies in the region of the user's agency (defined, not yet granted).
 */
export const RELATIONSHIPS = ['all', 'ownerAgency', 'creator', 'assigned', 'dispatchedTo', 'receivingAgency', 'region'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * A relationship as SQL over the resource's table for one actor. It must never
 * be NULL (only true or false), so that `NOT (predicate)` is its exact
 * complement: build it from the helpers below, which guarantee that.
 */
export type RelationshipPredicate = (actor: Actor) => SQL;

/** One resource's access definition: its table, which actions are checked on it, and its relationships. */
export interface AccessDefinition {
  /** The name callers pass to inScope / idsInScope. */
  resource: string;
  table: PgTable;
  id: AnyPgColumn;
  /** The actions whose scope is decided on this resource (a check for another action is a programming error). */
  actions: readonly Action[];
  relationships: Partial<Record<Exclude<Relationship, 'all'>, RelationshipPredicate>>;
}

export const ALWAYS: SQL = sql`true`;
export const NEVER: SQL = sql`false`;

/**
 * `column = value` that is false, not NULL, when the column is NULL (a case
 * without a case manager, a public report without an owner). Still a plain
 * equality for the planner, so indexes on the column serve it.
 */
export function sameValue(column: AnyPgColumn, value: string): SQL {
  return sql`(${column} = ${value} AND ${column} IS NOT NULL)`;
}

/** Any of `predicates` (each never NULL, so neither is the result); false for none. */
export function anyOf(predicates: readonly SQL[]): SQL {
  if (predicates.length === 0) return NEVER;
  return sql`(${sql.join([...predicates], sql` OR `)})`;
}

/**
 * The record's `recordColumn` equals the same attribute of the actor's agency
 * (`agencyColumn`, the region today; a court's jurisdiction can follow).
 * EXISTS is never NULL: an agency or a record without a region matches nothing.
 */
export function matchesActorAgency(recordColumn: AnyPgColumn, actor: Actor, agencyColumn: AnyPgColumn = agencies.region): SQL {
  return sql`EXISTS (SELECT 1 FROM ${agencies} WHERE ${agencies.id} = ${actor.agencyId} AND ${agencyColumn} = ${recordColumn})`;
}

/**
 * How a record names the records it is linked to: its own foreign-key column,
 * or a link table holding (record key, target key) pairs.
 */
export type LinkPath =
  | { foreignKey: AnyPgColumn }
  | { table: PgTable; recordKey: AnyPgColumn; targetKey: AnyPgColumn; recordId: AnyPgColumn };

/** The linked records: a table other than the record's own (the names would collide), and its id. */
export interface LinkedTarget {
  table: PgTable;
  id: AnyPgColumn;
}

/**
 * "Through a linked record": the record is in scope when a record it is linked
 * to satisfies `targetInScope` (a predicate over the target's table, e.g. a
 * referral through its case, a case through a proceeding). EXISTS is never NULL.
 */
export function throughLinked(target: LinkedTarget, via: LinkPath, targetInScope: SQL): SQL {
  if ('foreignKey' in via) {
    return sql`EXISTS (SELECT 1 FROM ${target.table} WHERE ${target.id} = ${via.foreignKey} AND ${targetInScope})`;
  }
  return sql`EXISTS (SELECT 1 FROM ${via.table} JOIN ${target.table} ON ${target.id} = ${via.targetKey} WHERE ${via.recordKey} = ${via.recordId} AND ${targetInScope})`;
}

/**
 * The predicate of `relationships` (granted ones, already chosen by the caller)
 * on `definition`, as one parenthesised SQL expression: true when `all` is
 * among them, false for none. A relationship the resource does not define is a
 * grant that cannot work, so it fails loudly (access-definitions.test.ts checks
 * every grant ahead of time).
 */
export function compileRelationships(definition: AccessDefinition, actor: Actor, relationships: readonly Relationship[]): SQL {
  if (relationships.includes('all')) return ALWAYS;
  const predicates = relationships.map((relationship) => {
    if (relationship === 'all') return ALWAYS;
    const predicate = definition.relationships[relationship];
    if (!predicate) throw new Error(`The ${definition.resource} resource defines no "${relationship}" relationship`);
    return predicate(actor);
  });
  // Wrapped, so drizzle never unqualifies its columns in a one-table select list.
  return sql`(${anyOf(predicates)})`;
}
