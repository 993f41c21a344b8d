import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { UNTRANSLATABLE_STRINGS } from './untranslatable';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Props whose value a user reads or hears; a literal there skips translation. */
const USER_VISIBLE_PROPS = new Set([
  'label',
  'placeholder',
  'title',
  'description',
  'aria-label',
  'aria-description',
  'alt',
  'error',
  'children',
  'message',
  'confirmLabel',
]);

const HAS_LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsxFiles(path);
    return path.endsWith('.tsx') && !path.endsWith('.test.tsx') ? [path] : [];
  });
}

function isUserText(text: string): boolean {
  const trimmed = text.trim();
  return HAS_LETTER.test(trimmed) && !UNTRANSLATABLE_STRINGS.includes(trimmed);
}

function stringValue(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxExpression(node)) return stringValue(node.expression);
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => span.literal.text).join('');
  return null;
}

/** file:line for every hard-coded user-visible string in one file (its text given, or read from disk). */
function findHardCodedStrings(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push(`${relative(WEB_ROOT, path)}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isUserText(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = stringValue(node.expression);
      if (text !== null && isUserText(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && USER_VISIBLE_PROPS.has(node.name.getText(source))) {
      const text = stringValue(node.initializer);
      if (text !== null && isUserText(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

describe('no hard-coded UI strings', () => {
  it('every user-visible text in src/web/**/*.tsx comes from the catalogs', () => {
    const files = tsxFiles(WEB_ROOT);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => findHardCodedStrings(file))).toEqual([]);
  });

  it('the checker itself catches JSX text, text expressions and visible props, and passes translated ones', () => {
    const probe = join(WEB_ROOT, '__probe__.tsx');
    const caught = findHardCodedStrings(
      probe,
      [
        'const a = <b title="Hello">Bonjour {"مرحبا"}</b>;',
        'const b = <Button aria-label={`Close ${name}`} placeholder="Search">{t("ok")}</Button>;',
        'const c = <i title={t("x")} data-testid="not-visible">{count}</i>;',
      ].join('\n'),
    );
    expect(caught).toEqual([
      '__probe__.tsx:1: "Hello"',
      '__probe__.tsx:1: "Bonjour"',
      '__probe__.tsx:1: "مرحبا"',
      '__probe__.tsx:2: "Close"',
      '__probe__.tsx:2: "Search"',
    ]);
  });
});
