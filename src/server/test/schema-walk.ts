import type { z } from 'zod';
import type { RegisteredRoute } from '../http/app.js';

/** One place in a request a zod schema validates, e.g. `body.person.birthDate`. */
export interface SchemaField {
  /** Dotted path; `[]` marks an array item, `{key}`/`{value}` a record's keys and values. */
  path: string;
  schema: z.ZodType;
}

/** The input schemas of a route, by where they apply. */
export function inputSchemasOf(route: RegisteredRoute): SchemaField[] {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  return (['body', 'querystring', 'params'] as const).filter((part) => schema[part]).map((part) => ({ path: part, schema: schema[part] as z.ZodType }));
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

// Types with no string inside and nothing to descend into.
const SCALARS = new Set(['number', 'int', 'boolean', 'bigint', 'enum', 'literal', 'null', 'undefined', 'void', 'never', 'any', 'unknown', 'date', 'nan', 'transform', 'file']);
// Wrappers whose inner type is the one that validates.
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'success']);

/**
 * Every string the schema accepts anywhere (object fields, array items, record
 * keys and values, both sides of a pipe), with its path. A zod type this walker
 * does not know throws, so a new kind of schema cannot hide strings from it.
 */
export function stringFields(root: SchemaField): SchemaField[] {
  return leafFields(root, ['string']);
}

/** Every number the schema accepts anywhere, with its path. */
export function numberFields(root: SchemaField): SchemaField[] {
  return leafFields(root, ['number', 'int']);
}

function leafFields(root: SchemaField, types: string[]): SchemaField[] {
  const found: SchemaField[] = [];
  const visit = (schema: z.ZodType, path: string, depth: number): void => {
    if (depth > 20) return;
    const def = defOf(schema);
    const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
    if (types.includes(def.type)) found.push({ path, schema });
    else if (SCALARS.has(def.type) || def.type === 'string') return;
    else if (WRAPPERS.has(def.type)) visit(def['innerType'] as z.ZodType, path, depth + 1);
    else if (def.type === 'object') {
      for (const [key, field] of Object.entries(def['shape'] as Record<string, z.ZodType>)) visit(field, at(key), depth + 1);
      if (def['catchall']) visit(def['catchall'] as z.ZodType, at('*'), depth + 1);
    } else if (def.type === 'array') visit(def['element'] as z.ZodType, at('[]'), depth + 1);
    else if (def.type === 'record' || def.type === 'map') {
      visit(def['keyType'] as z.ZodType, at('{key}'), depth + 1);
      visit(def['valueType'] as z.ZodType, at('{value}'), depth + 1);
    } else if (def.type === 'set') visit(def['valueType'] as z.ZodType, at('[]'), depth + 1);
    else if (def.type === 'pipe') {
      visit(def['in'] as z.ZodType, path, depth + 1);
      visit(def['out'] as z.ZodType, path, depth + 1);
    } else if (def.type === 'union') for (const option of def['options'] as z.ZodType[]) visit(option, path, depth + 1);
    else if (def.type === 'intersection') {
      visit(def['left'] as z.ZodType, path, depth + 1);
      visit(def['right'] as z.ZodType, path, depth + 1);
    } else if (def.type === 'tuple') {
      (def['items'] as z.ZodType[]).forEach((item, i) => visit(item, at(String(i)), depth + 1));
      if (def['rest']) visit(def['rest'] as z.ZodType, at('[]'), depth + 1);
    } else if (def.type === 'lazy') visit((def['getter'] as () => z.ZodType)(), path, depth + 1);
    else throw new Error(`schema-walk: unknown zod type ${def.type} at ${path}`);
  };
  visit(root.schema, root.path, 0);
  return found;
}

/** The object schema under wrappers (optional, nullable, default…), or null when it is not an object. */
export function objectUnder(schema: z.ZodType): z.ZodObject | null {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return objectUnder(def['innerType'] as z.ZodType);
  if (def.type === 'pipe') return objectUnder(def['in'] as z.ZodType);
  return def.type === 'object' ? (schema as z.ZodObject) : null;
}

/** Whether a field may be left out of its object (optional, or filled in by a default). */
export function isOptional(schema: z.ZodType): boolean {
  const optin = (schema as unknown as { _zod: { optin?: string } })._zod.optin;
  return optin === 'optional' || optin === 'defaulted';
}
