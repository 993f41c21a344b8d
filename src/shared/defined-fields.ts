/**
 * The fields of a partial update that were actually sent: undefined means
 * "leave as is" and must not reach an UPDATE as a NULL.
 */
export function definedFields<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
