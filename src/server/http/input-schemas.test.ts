import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import { inputSchemasOf, isOptional, numberFields, objectUnder, stringFields, type SchemaField } from '../test/schema-walk.js';

/**
 * Walks the input schemas of every route in the route table (body, query,
 * parameters), so a field added tomorrow is checked without anyone listing it.
 */

let sanad: TestSanad;
beforeAll(async () => {
  sanad = await startTestSanad();
});
afterAll(async () => sanad?.close());

// Values that some string field accepts; each field must accept at least one, so it is really exercised.
const SAMPLES = [
  'a', 'Fatima', 'Three women are kept in a villa near the port; their passports were taken.', 'abc_def', 'user.name', '123456', 'MA-CAS',
  '2026-02-28', '2026-02-28T10:00:00Z', '00000000-0000-4000-8000-000000000000', 'ABC-DEF-GHJ', 'someone@example.org', '+212 600 000 000', 'aGVsbG8=',
];
const NUL = '\u0000';
const withNul = (value: string) => [`${NUL}${value}`, `${value.slice(0, 1)}${NUL}${value.slice(1)}`, `${value}${NUL}`];

const DAY = '2026-02-28';
const IMPOSSIBLE_DAYS = ['2026-02-30', '0000-01-01', '2026-13-01', '2026-00-10', '2026-04-31', '2025-02-29', '1899-12-31', '2101-01-01'];
const INSTANT = '2026-02-28T10:00:00Z';
const IMPOSSIBLE_INSTANTS = ['2026-02-30T10:00:00Z', '0000-01-01T00:00:00Z', '2026-13-01T00:00:00Z', '1899-12-31T10:00:00Z'];
// A field that takes a date refuses all of these (a phone number or a long note would not).
const NOT_DATES = ['Fatima', 'Fatima Zahra Idrissi, born in Fes', '123456789'];
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

function everyField(leaves = stringFields): (SchemaField & { route: string })[] {
  return sanad.routes
    .filter((r) => r.method !== 'HEAD')
    .flatMap((route) => inputSchemasOf(route).flatMap((part) => leaves(part).map((field) => ({ ...field, route: `${route.method} ${route.url}` }))));
}

describe('every string field of every route', () => {
  it('refuses a NUL byte (the database cannot store one: it was a 500)', () => {
    const fields = everyField();
    expect(fields.length).toBeGreaterThan(100);
    const untested: string[] = [];
    const accepted: string[] = [];
    for (const field of fields) {
      const fits = SAMPLES.filter((sample) => accepts(field.schema, sample));
      if (fits.length === 0) untested.push(`${field.route} ${field.path}`);
      for (const value of fits.flatMap(withNul)) if (accepts(field.schema, value)) accepted.push(`${field.route} ${field.path} ← ${JSON.stringify(value)}`);
    }
    expect(untested, 'add a sample value these fields accept').toEqual([]);
    expect(accepted).toEqual([]);
  });

  it('refuses impossible dates wherever it takes a date, and finds the known date fields', () => {
    const dateFields = everyField().filter((f) => (accepts(f.schema, DAY) || accepts(f.schema, INSTANT)) && !NOT_DATES.some((v) => accepts(f.schema, v)));
    const accepted: string[] = [];
    for (const field of dateFields) {
      const bad = accepts(field.schema, DAY) ? IMPOSSIBLE_DAYS : IMPOSSIBLE_INSTANTS;
      for (const value of bad) if (accepts(field.schema, value)) accepted.push(`${field.route} ${field.path} ← ${value}`);
    }
    expect(accepted).toEqual([]);
    const found = new Set(dateFields.map((f) => `${f.route} ${f.path}`));
    for (const known of [
      'POST /api/cases body.person.birthDate', 'POST /api/cases body.reflectionStart', 'POST /api/cases body.reflectionEnd', 'POST /api/cases body.statusDecidedAt',
      'POST /api/cases body.openedAt', 'PATCH /api/cases/:id body.person.birthDate', 'POST /api/cases/:id/events body.startDate', 'POST /api/cases/:id/events body.endDate',
      'POST /api/screenings body.screenedOn', 'POST /api/reports body.receivedAt', 'POST /api/cases/:id/consents body.givenAt', 'POST /api/cases/:id/follow-ups body.dueDate',
      'POST /api/screenings/:id/open-case body.person.birthDate',
    ]) {
      expect(found, known).toContain(known);
    }
  });
});

describe('every number field of every route', () => {
  it('refuses numbers no integer column holds (a version of 2^31 was a 500), in bodies and queries alike', () => {
    const fields = everyField(numberFields);
    expect(fields.length).toBeGreaterThan(20);
    const accepted: string[] = [];
    for (const field of fields) {
      for (const value of [2 ** 31, -(2 ** 31) - 1, 1e300, -1e300]) {
        if (accepts(field.schema, value) || accepts(field.schema, String(value))) accepted.push(`${field.route} ${field.path} ← ${value}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});

/** Paths (below `prefix`) to every nested object a PATCH body can carry. */
function nestedObjects(object: z.ZodObject, prefix: string[] = []): string[][] {
  return Object.entries(object.shape).flatMap(([key, field]) => {
    const inner = objectUnder(field as z.ZodType);
    return inner ? [[...prefix, key], ...nestedObjects(inner, [...prefix, key])] : [];
  });
}

function withEmptyObjectAt(base: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const body = structuredClone(base);
  let at = body;
  for (const key of path) at = (at[key] = at[key] ?? {}) as Record<string, unknown>;
  return body;
}

describe('every PATCH body', () => {
  it('adds nothing the client did not send, at any level (a default would wipe the stored value)', () => {
    const patches = sanad.routes.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/cases/:id', '/api/reports/:id', '/api/cases/:id/support-plans/:planId']));
    const problems: string[] = [];
    for (const route of patches) {
      const body = objectUnder((route.schema as { body: z.ZodType }).body);
      if (!body) {
        problems.push(`${route.url}: the body is not an object`);
        continue;
      }
      // The least a client can send: only the fields it must (the version it read).
      const minimal: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(body.shape)) {
        if (isOptional(field as z.ZodType)) continue;
        if (key === 'version') minimal[key] = 1;
        else problems.push(`${route.url}: ${key} is required in a partial update`);
      }
      for (const path of [[], ...nestedObjects(body)]) {
        const sent = withEmptyObjectAt(minimal, path);
        const parsed = body.safeParse(sent);
        if (!parsed.success) problems.push(`${route.url} ${path.join('.')}: ${parsed.error.message}`);
        else if (!isDeepStrictEqual(parsed.data, sent)) problems.push(`${route.url} sent ${JSON.stringify(sent)}, parsed ${JSON.stringify(parsed.data)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
