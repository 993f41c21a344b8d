import { z } from 'zod';

/**
 * Partial updates keep what was not sent, at every level. A PATCH schema is
 * derived from the create schema by `patchOf`: every field becomes optional,
 * at every level of nested objects, and every default is dropped (a default
 * would fill in a field the client never sent and the update would wipe the
 * stored value with it). The command then applies the parsed patch to the
 * stored record with `mergePatch`.
 */

/** The PATCH form of one field's schema (see `patchOf`). */
export type Patched<T> =
  T extends z.ZodDefault<infer Inner>
    ? Patched<Inner>
    : T extends z.ZodOptional<infer Inner>
      ? Patched<Inner>
      : T extends z.ZodNullable<infer Inner>
        ? z.ZodNullable<Patched<Inner> & z.ZodType>
        : T extends z.ZodObject<infer Shape>
          ? z.ZodObject<PatchShape<Shape>>
          : T;

/** Every key optional, every nested object a patch itself. */
export type PatchShape<Shape extends z.ZodRawShape> = { [K in keyof Shape]: z.ZodOptional<Patched<Shape[K]> & z.ZodType> };

function patchedField(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return patchedField(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodNullable) return patchedField(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodObject) return patchOf(schema);
  // Arrays and scalars are replaced whole: their own schema (with its item defaults) applies as it is.
  return schema;
}

/**
 * The PATCH schema of an object schema: all fields optional at every level,
 * no defaults. Checks on the object as a whole (cross-field refinements) do not
 * carry over; the command checks the merged record instead.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>): z.ZodObject<PatchShape<Shape>> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, patchedField(field as z.ZodType).optional()]));
  return z.object(shape) as unknown as z.ZodObject<PatchShape<Shape>>;
}

/** A patch of `T`: any subset of its fields, nested objects as patches too. */
export type DeepPatch<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object | null ? DeepPatch<NonNullable<T[K]>> | Extract<T[K], null> : T[K] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

// Keys that would reach an object's prototype instead of one of its fields.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The stored value with a patch applied: an absent (undefined) field keeps its
 * value, null clears it, nested objects merge field by field, arrays and
 * scalars are replaced.
 */
export function mergePatch<T extends object>(stored: T, patch: DeepPatch<T> | undefined): T {
  if (!patch) return stored;
  const merged: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || UNSAFE_KEYS.has(key)) continue;
    const current = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(current) ? mergePatch(current, value) : value;
  }
  return merged as T;
}
