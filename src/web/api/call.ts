import { pathOf, type CallInput, type ResponseOf, type RouteContract } from '../../shared/api/contract';
import { apiRequest, withQuery } from './client';

/**
 * Calls an endpoint through its contract, the same object the server registers
 * its route from: the path, its parameters, the query, the body and the answer
 * are typed by the contract, so the web cannot call a path the server does not
 * have or read a field it does not send.
 */
export function call<C extends RouteContract>(contract: C, ...[input]: keyof CallInput<C> extends never ? [input?: CallInput<C>] : [input: CallInput<C>]): Promise<ResponseOf<C>> {
  const parts = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, string | number | boolean | undefined | null>; body?: unknown };
  let path = pathOf(contract.path, parts.params);
  if (parts.query) {
    const query: Record<string, string | number | undefined | null> = {};
    for (const [key, value] of Object.entries(parts.query)) query[key] = typeof value === 'boolean' ? String(value) : value;
    path = withQuery(path, query);
  }
  const body = parts.body ?? (contract.method === 'POST' ? {} : undefined);
  return apiRequest<ResponseOf<C>>(contract.method, path, body);
}
