import type { z } from 'zod';

/**
 * One HTTP endpoint as both sides see it: method, path and the zod schemas of
 * what goes in and comes out. The server registers its route from the contract
 * (`src/server/http/route.ts`) and the web calls it through the same object
 * (`src/web/api/call.ts`), so a path, a parameter or a response shape cannot
 * drift apart between them: a change breaks the typecheck of the other side.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteContract {
  method: HttpMethod;
  /** Fastify-style path with `:name` parameters, e.g. `/api/cases/:id`. */
  path: string;
  /** The OpenAPI tag (the area the endpoint belongs to). */
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** What a success answers; `null` for an empty answer (204). */
  response: z.ZodType | null;
  /** The success status: 200 unless the contract says 201 (created), 202 (accepted, nothing confirmed) or 204 (nothing to say). */
  status?: 200 | 201 | 202 | 204;
}

/** Declares a contract, keeping its literal types (so callers get exact input and output types). */
export function defineContract<const C extends RouteContract>(contract: C): C {
  return contract;
}

type Field<C, K extends keyof RouteContract> = C extends Record<K, infer S extends z.ZodType> ? S : never;

/** What a caller sends (before defaults are applied). */
export type ParamsIn<C extends RouteContract> = z.input<Field<C, 'params'>>;
export type QueryIn<C extends RouteContract> = z.input<Field<C, 'query'>>;
export type BodyIn<C extends RouteContract> = z.input<Field<C, 'body'>>;

/** What the server's handler receives (validated, defaults applied). */
export type ParamsOf<C extends RouteContract> = [Field<C, 'params'>] extends [never] ? Record<string, never> : z.output<Field<C, 'params'>>;
export type QueryOf<C extends RouteContract> = [Field<C, 'query'>] extends [never] ? Record<string, never> : z.output<Field<C, 'query'>>;
export type BodyOf<C extends RouteContract> = [Field<C, 'body'>] extends [never] ? undefined : z.output<Field<C, 'body'>>;

/** What the handler returns (the serializer checks it) and what the caller receives. */
export type ReplyOf<C extends RouteContract> = C['response'] extends z.ZodType ? z.input<C['response']> : null;
export type ResponseOf<C extends RouteContract> = C['response'] extends z.ZodType ? z.output<C['response']> : null;

/** The caller's input object: only the parts the contract has, each required when it has required fields. */
export type CallInput<C extends RouteContract> = ([Field<C, 'params'>] extends [never] ? unknown : { params: ParamsIn<C> }) &
  ([Field<C, 'query'>] extends [never] ? unknown : { query?: QueryIn<C> }) &
  ([Field<C, 'body'>] extends [never] ? unknown : { body: BodyIn<C> });

/** Fills a contract's path with its parameters, each URL-encoded. */
export function pathOf(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
