import type { FastifyReply, FastifyRequest, LogLevel } from 'fastify';
import { z } from 'zod';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { BodyOf, ParamsOf, QueryOf, ReplyOf, RouteContract } from '@shared/api/contract.js';
import type { LoadedSession } from '../auth/sessions.js';
import type { AuditAction } from '../audit/events.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import { verifyAuditChain, type ChainVerification } from '../audit/verify-chain.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../policies/authorize.js';
import type { RouteAccess } from './access.js';
import type { ZodApp } from './app.js';
import type { AppContext } from './app-context.js';
import { actorOf, auditContextOf } from './request-context.js';

/**
 * The one shape of every route (Outline's `transaction()` middleware is the
 * model): auth (the access hook, from `access`) → validate (the contract's
 * schemas) → transaction → the body (load → authorize → command → present) →
 * the declared read audit, in the same transaction → answer.
 *
 * The body is handed the transaction and the actor, never the pool: a query on
 * the pool inside a transaction (which hangs the embedded database, one
 * connection) cannot be written, because route modules are given a `Router`,
 * whose services leave the database out.
 */

/**
 * What a route says about the audit trail; every route must say one.
 * - `{ reads, resource }`: the answer carries case content or identities. The
 *   route writes one `reads` row about the resource (its `:id` unless the body
 *   names it) in the same transaction, so the read exists exactly when the answer does.
 * - `'in-command'`: a change; the command writes its own row, with what changed.
 * - `'no-content'`: nothing identity-bearing passes (directories, counts, one's own profile).
 */
export type AuditDeclaration = { reads: AuditAction; resource: string } | 'in-command' | 'no-content';

/** Facts the body adds to the declared read audit. */
export interface ReadAudit {
  /** The record read, when it is not the route's `:id` (a list names its case, a create its new id). */
  resourceId(id: string): void;
  details(details: Record<string, unknown>): void;
}

/**
 * What a route body can use: everything the running system offers except the database (only its
 * kind), and the one whole-database job a route starts, the audit chain check, which reads on its
 * own connection and so is offered to steps routes only, between steps.
 */
export type RouteServices = Omit<AppContext, 'database'> & { databaseKind: AppContext['database']['kind'] };
type StepServices = RouteServices & { verifyAuditTrail(): Promise<ChainVerification> };

export interface RouteCall<C extends RouteContract> {
  tx: Tx;
  /** The signed-in user (UNAUTHENTICATED when the route is public and nobody is signed in). */
  readonly actor: Actor;
  session: LoadedSession | null;
  /** Who and from where, for the audit rows a command writes. */
  who: AuditContext;
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  audit: ReadAudit;
  services: RouteServices;
  request: FastifyRequest;
  /** For cookies and headers only: the answer itself is what the body returns. */
  reply: FastifyReply;
}

interface SpecCommon {
  access: RouteAccess;
  audit: AuditDeclaration;
  rateLimit?: RateLimitOptions;
  bodyLimit?: number;
  /** A quieter request log for this route (public reports: no log line ties a reporter's address to the moment they wrote). */
  logLevel?: LogLevel;
}

/** The usual route: its whole body runs in one transaction. */
export interface RouteSpec<C extends RouteContract> extends SpecCommon {
  steps?: false;
  handler(call: RouteCall<C>): Promise<ReplyOf<C> | AnswerWith>;
}

/**
 * A route whose slow, database-free work (a password hash) must not hold a
 * transaction open: on the embedded database one open transaction stops every
 * other request. Its body gets `transaction(fn)` instead of `tx`, for short
 * steps one after the other; a step opened inside another step is refused
 * (it would wait for the connection its parent holds, forever).
 */
export interface SteppedRouteSpec<C extends RouteContract> extends SpecCommon {
  steps: true;
  audit: 'in-command' | 'no-content';
  handler(call: SteppedRouteCall<C>): Promise<ReplyOf<C> | AnswerWith>;
}
export type SteppedRouteCall<C extends RouteContract> = Omit<RouteCall<C>, 'tx' | 'audit' | 'services'> & {
  transaction<T>(step: (tx: Tx) => Promise<T>): Promise<T>;
  services: StepServices;
};

/** An answer with another status than the contract's success (a readiness probe's 503). */
export class AnswerWith {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** How route modules register routes: only through a contract and a spec. */
export interface Router {
  services: RouteServices;
  route<C extends RouteContract>(contract: C, spec: RouteSpec<C> | SteppedRouteSpec<C>): void;
}

/** The mark the route table checks: a route registered any other way stops the build. */
export const SHAPED_ROUTE = Symbol('sanad.shapedRoute');

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditDeclaration;
    [SHAPED_ROUTE]?: true;
  }
}

/**
 * A failure whose transaction must still commit (a failed code counted against
 * the lockout, a refused attempt on the record): the body throws
 * `afterCommit(error)`; the route commits, then answers with `error`.
 */
class CommitThenFail {
  constructor(readonly error: unknown) {}
}
export function afterCommit(error: unknown): CommitThenFail {
  return new CommitThenFail(error);
}

/** The router for `app`: each route runs its body in one transaction of `ctx.database`. */
export function createRouter(app: ZodApp, ctx: AppContext): Router {
  const { database, ...rest } = ctx;
  const services: RouteServices = { ...rest, databaseKind: database.kind };
  return {
    services,
    route(contract, spec) {
      const successStatus = contract.status ?? 200;
      app.route({
        method: contract.method,
        url: contract.path,
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        ...(spec.logLevel ? { logLevel: spec.logLevel } : {}),
        config: { access: spec.access, audit: spec.audit, [SHAPED_ROUTE]: true, ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}) },
        schema: {
          tags: [contract.tag],
          ...(contract.params ? { params: contract.params } : {}),
          ...(contract.query ? { querystring: contract.query } : {}),
          ...(contract.body ? { body: contract.body } : {}),
          response: { [successStatus]: contract.response ?? z.null() },
        },
        handler: async (request, reply) => {
          const answer = spec.steps ? await runInSteps(database, spec, request, reply, services) : await runInOneTransaction(database, spec, request, reply, services);
          if (answer instanceof AnswerWith) return reply.status(answer.status).send(answer.body);
          return reply.status(successStatus).send(successStatus === 204 ? null : answer);
        },
      });
    },
  };
}

/**
 * The parts every body gets. `actor` is defined last, as a getter (on a public route nobody may be
 * signed in): were it in an object that is then spread, the spread would call it and refuse.
 */
function withCallBase<T extends object>(request: FastifyRequest, reply: FastifyReply, services: RouteServices, rest: T) {
  const base = {
    session: request.session,
    who: auditContextOf(request),
    params: (request.params ?? {}) as never,
    query: (request.query ?? {}) as never,
    body: request.body as never,
    services,
    request,
    reply,
    ...rest,
  };
  return Object.defineProperty(base, 'actor', { get: () => actorOf(request), enumerable: false }) as typeof base & { readonly actor: Actor };
}

async function runInOneTransaction(database: AppContext['database'], spec: RouteSpec<RouteContract>, request: FastifyRequest, reply: FastifyReply, services: RouteServices) {
  let failure: CommitThenFail | null = null;
  const answer = await database.db.transaction(async (tx) => {
    const readAudit = { resourceId: undefined as string | undefined, details: {} as Record<string, unknown> };
    const call: RouteCall<RouteContract> = withCallBase(request, reply, services, {
      tx,
      audit: {
        resourceId: (id: string) => void (readAudit.resourceId = id),
        details: (details: Record<string, unknown>) => void Object.assign(readAudit.details, details),
      },
    });
    try {
      const result = await spec.handler(call);
      if (typeof spec.audit === 'object') {
        const resourceId = readAudit.resourceId ?? (request.params as { id?: string } | undefined)?.id;
        await recordAudit(tx, call.who, { action: spec.audit.reads, resourceType: spec.audit.resource, resourceId, details: readAudit.details });
      }
      return result;
    } catch (error) {
      if (!(error instanceof CommitThenFail)) throw error;
      failure = error;
      return null;
    }
  });
  if (failure) throw (failure as CommitThenFail).error;
  return answer;
}

async function runInSteps(database: AppContext['database'], spec: SteppedRouteSpec<RouteContract>, request: FastifyRequest, reply: FastifyReply, services: RouteServices) {
  let open = false;
  const call: SteppedRouteCall<RouteContract> = withCallBase(request, reply, services, {
    services: {
      ...services,
      verifyAuditTrail: () => {
        if (open) throw new Error('The audit chain check reads on its own connection: run it between steps, not inside one.');
        return verifyAuditChain(database.pool, { keyring: services.keyring });
      },
    },
    transaction: async <T>(step: (tx: Tx) => Promise<T>): Promise<T> => {
      if (open) throw new Error('A transaction step was opened inside another: it would wait for its own connection.');
      open = true;
      try {
        let failure: CommitThenFail | null = null;
        const result = await database.db.transaction(async (tx) => {
          try {
            return await step(tx);
          } catch (error) {
            if (!(error instanceof CommitThenFail)) throw error;
            failure = error;
            return undefined;
          }
        });
        if (failure) throw (failure as CommitThenFail).error;
        return result as T;
      } finally {
        open = false;
      }
    },
  });
  return spec.handler(call);
}
