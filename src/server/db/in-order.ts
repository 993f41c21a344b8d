/**
 * Awaits lazy drizzle queries one after another and returns their results as
 * a tuple. Inside a transaction there is one connection: Promise.all would only
 * queue the queries on it (node-postgres deprecates that) without any parallelism.
 */
export async function inOrder<T extends readonly unknown[]>(queries: { [K in keyof T]: PromiseLike<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries as readonly PromiseLike<unknown>[]) results.push(await query);
  return results as unknown as T;
}
