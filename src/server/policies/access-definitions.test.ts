import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCESS_DEFINITIONS, inScope, type Resource } from './access.js';
import { POLICY_RULES } from './rules.js';
import { RELATIONSHIPS, type AccessDefinition } from './relationships.js';

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const POLICIES = fileURLToPath(new URL('.', import.meta.url));
const RESPONDER = { userId: '00000000-0000-4000-8000-000000000001', username: 'probe', agencyId: '00000000-0000-4000-8000-000000000002', roles: ['first_responder'] as const };

describe('the access definitions', () => {
  it('define every relationship that a grant names for an action checked on them', () => {
    const missing: string[] = [];
    for (const [resource, definition] of Object.entries(ACCESS_DEFINITIONS) as [Resource, AccessDefinition][]) {
      for (const rule of POLICY_RULES.filter((r) => definition.actions.includes(r.action))) {
        if (rule.relationship !== 'all' && !definition.relationships[rule.relationship]) missing.push(`${rule.role} ${rule.action} → ${resource}.${rule.relationship}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name only known relationships, and every relationship but `all` is defined somewhere', () => {
    const defined = new Set(Object.values(ACCESS_DEFINITIONS).flatMap((d: AccessDefinition) => Object.keys(d.relationships)));
    for (const name of defined) expect(RELATIONSHIPS).toContain(name);
    expect([...defined].sort()).toEqual(RELATIONSHIPS.filter((r) => r !== 'all').sort());
  });

  it('refuse an action that is not checked on the resource (a relationship is used with its own action)', () => {
    expect(() => inScope(RESPONDER, 'audit.read', 'case')).toThrow(/not checked on case/);
    expect(() => inScope(RESPONDER, 'case.read', 'referral')).toThrow(/not checked on referral/);
  });
});

/**
 * Ways a module outside policies/ would build a scope of its own: the old
 * helpers, the core it must not reach past access.ts, or an owner, creator,
 * manager or receiver column compared with the actor by hand.
 */
const SCOPE_BUILDING: readonly RegExp[] = [
  /\b(scopeCondition|scopeFor|caseScope|caseIdsInScope|reportScopeCondition|screeningScope|referralScope|receivingSide|sendingSide)\s*\(/,
  /from '[^']*(policies\/scopes|reports\/report-scope|policies\/relationships|policies\/access\/[^']*)\.js'/,
  /eq\(\s*\w+\.(ownerAgencyId|createdBy|caseManagerId|receivingAgencyId)\s*,\s*actor\./,
  /(owner_agency_id|case_manager_id|receiving_agency_id)\s*=\s*\$\{\s*actor\./,
];

/** The lines of `source` that build a scope by hand, as `line: text`. */
function scopeBuildingIn(source: string): string[] {
  return source.split('\n').flatMap((line, i) => (SCOPE_BUILDING.some((pattern) => pattern.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === POLICIES.replace(/\/$/, '') ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('scope is built in policies/ only', () => {
  it('recognises a hand-built scope (the checker below can fail)', () => {
    expect(scopeBuildingIn("const where = scopeCondition(actor, 'case.read', { ownerAgencyId: cases.ownerAgencyId });")).toHaveLength(1);
    expect(scopeBuildingIn('  .where(eq(cases.caseManagerId, actor.userId))')).toHaveLength(1);
    expect(scopeBuildingIn("import { caseAccess } from '../policies/access/cases.js';")).toHaveLength(1);
    expect(scopeBuildingIn("const where = inScope(actor, 'case.read', 'case');")).toEqual([]);
  });

  it('finds none in src/server outside policies/', () => {
    const files = sourceFiles(SERVER);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => scopeBuildingIn(readFileSync(file, 'utf8')).map((hit) => `${relative(SERVER, file)}:${hit}`));
    expect(found).toEqual([]);
  });
});
