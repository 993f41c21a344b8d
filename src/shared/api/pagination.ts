import { z } from 'zod';

/** `?page&pageSize` for every list; page is 1-based. */
export const pageQuery = z.object({
  // Bounded so the offset it makes stays a number the database can take.
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** Every list answers `{items, total}`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
