import type { z } from 'zod';

/**
 * Deterministic generators for the fuzz test: plausible bodies built from a
 * route's own zod schema, then broken at random places with the values that
 * break servers (impossible dates, NUL bytes, huge strings, deep nesting,
 * wrong types, prototype keys, odd Unicode).
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same requests. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]!, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seededRandom>;

/** A random version-4 UUID from the PRNG. */
export function randomUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[random.int(4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Nested arrays or objects `depth` levels deep. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const HOSTILE_STRINGS = [
  '\u0000', 'a\u0000b', 'Agadir\u0000', '%00', '\\u0000', '2026-02-30', '0000-01-01', '2026-13-01', '9999-12-31', '-0001-01-01', '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z', '2026-02-28T25:61:00Z', '\ud800', '\udfff\ud800', 'a\u202eb', 'e\u0301\u0301\u0301', '\u0085\u2028\u2029', '\ufeff', '\uffff', '\u0007\u001b[31m',
  '😀'.repeat(300), 'ﷺ'.repeat(50), ' ', '', '\t\n', '<script>alert(1)</script>', "'; DROP TABLE cases; --", '../../etc/passwd', 'null', 'NaN', 'undefined', '__proto__',
  'constructor', '{}', '[]', 'MA-CAS\u0000', '00000000-0000-0000-0000-000000000000', 'ABC-DEF-GHJ', '=cmd|calc!A1', 'x'.repeat(5001), 'y'.repeat(70_000),
];
const HOSTILE_NUMBERS = [-1, 0, 1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, 1900, 2101, 99999];
const WRONG_TYPES: unknown[] = [null, true, false, [], {}, [[]], [{}], { a: 1 }, '1', 1, ['a', 'b'], [null]];

/** One value that breaks things, of any kind. */
export function hostileValue(random: Random): unknown {
  switch (random.int(6)) {
    case 0:
    case 1:
      return random.pick(HOSTILE_STRINGS);
    case 2:
      return random.pick(HOSTILE_NUMBERS);
    case 3:
      return random.pick(WRONG_TYPES);
    case 4:
      return deeplyNested(random.pick([5, 50, 500, 3000]), random.chance(0.5) ? 'array' : 'object');
    default:
      return Array.from({ length: random.pick([1, 20, 2000]) }, () => random.pick(HOSTILE_STRINGS.slice(0, 20)));
  }
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

// Strings some field accepts; a generated string is the first of these its schema takes.
const PLAUSIBLE_STRINGS = [
  'Three women are kept in a villa near the port; their passports were taken.', 'Fatima', 'abc_def', 'MA-CAS', 'ABC-DEF-GHJ', 'someone@example.org',
  '+212 600 000 000', '123456', 'aGVsbG8=',
];
const PLAUSIBLE_NUMBERS = [1, 0, 3, 7, 1995, 2026, 0.5];

/** Picks an id for a field by its name (a case, a user, a provider…). */
export type IdFor = (fieldName: string) => string;

/** A value the schema probably accepts (ids chosen by field name), to reach past validation into the commands. */
export function plausibleValue(schema: z.ZodType, random: Random, idFor: IdFor, depth = 0, key = ''): unknown {
  const def = defOf(schema);
  if (depth > 8) return undefined;
  const inner = (s: unknown, innerKey = key) => plausibleValue(s as z.ZodType, random, idFor, depth + 1, innerKey);
  switch (def.type) {
    case 'string': {
      const day = `20${10 + random.int(16)}-0${1 + random.int(9)}-1${random.int(10)}`;
      const dates = [day, `${day}T10:00:00Z`];
      const candidates = key === 'id' || key.endsWith('Id') ? [idFor(key), ...dates, ...PLAUSIBLE_STRINGS] : [...PLAUSIBLE_STRINGS, ...dates, idFor(key)];
      return candidates.find((s) => schema.safeParse(s).success) ?? 'x';
    }
    case 'number':
    case 'int':
      return PLAUSIBLE_NUMBERS.find((n) => schema.safeParse(n).success) ?? 1;
    case 'boolean':
      return random.chance(0.5);
    case 'enum':
      return random.pick(Object.values(def['entries'] as Record<string, string>));
    case 'literal':
      return (def['values'] as unknown[])[0];
    case 'optional':
      return random.chance(0.5) ? undefined : inner(def['innerType']);
    case 'nullable':
      return random.chance(0.3) ? null : inner(def['innerType']);
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def['innerType']);
    case 'pipe':
      return inner(def['in']);
    case 'union':
      return inner(random.pick(def['options'] as z.ZodType[]));
    case 'array':
      return Array.from({ length: random.int(3) }, () => inner(def['element'])).filter((v) => v !== undefined);
    case 'record':
      return { [String(inner(def['keyType']))]: inner(def['valueType']) };
    case 'object':
      return Object.fromEntries(
        Object.entries(def['shape'] as Record<string, z.ZodType>)
          .map(([field, fieldSchema]) => [field, inner(fieldSchema, field)])
          .filter(([, value]) => value !== undefined),
      );
    default:
      return null;
  }
}

/** Replaces (or adds) a value at a random place of a JSON body, at any depth. */
export function breakAtRandomPlace(body: unknown, random: Random): unknown {
  if (body === null || typeof body !== 'object' || random.chance(0.15)) return hostileValue(random);
  const copy = (Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (keys.length === 0 || random.chance(0.1)) {
    copy[random.pick(['unexpected', 'version', 'person', 'id', 'ownerAgencyId', 'createdBy', 'status'])] = hostileValue(random);
    return copy;
  }
  const key = random.pick(keys);
  copy[key] = random.chance(0.5) ? breakAtRandomPlace(copy[key], random) : hostileLike(copy[key], random);
  return copy;
}

/** Mostly a hostile value of the same kind (so it passes the type check and reaches the deeper ones), else any. */
function hostileLike(current: unknown, random: Random): unknown {
  if (random.chance(0.3)) return hostileValue(random);
  if (typeof current === 'string') return random.pick(HOSTILE_STRINGS);
  if (typeof current === 'number') return random.pick(HOSTILE_NUMBERS);
  if (Array.isArray(current)) return random.chance(0.5) ? [random.pick(HOSTILE_STRINGS)] : [...current, ...current];
  return hostileValue(random);
}

/** A body the schema accepts when one can be found in a few tries (the base the mutations then break). */
export function validValue(schema: z.ZodType, random: Random, idFor: IdFor): unknown {
  let value = plausibleValue(schema, random, idFor);
  for (let tries = 0; tries < 8 && !schema.safeParse(value).success; tries++) value = plausibleValue(schema, random, idFor);
  return value;
}

/** Raw request texts JSON.stringify cannot produce: prototype keys, broken JSON, numbers out of range. */
export const RAW_BODIES = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"person": {"__proto__": {"isAdmin": true}}, "version": 1}',
  '{"narrative": "x", "narrative": "duplicate key"}',
  '{"version": 1e309}',
  '{"version": -0}',
  '{"a": "\\ud800"}',
  '{"a": "\\u0000"}',
  '{',
  '[',
  'null',
  '"string"',
  '12',
  '',
  '{"a":1}garbage',
  '\u0000',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
];
