// Used by the every-page browser walk (e2e/every-page.e2e.ts); kept here so its unit test runs with the suite.
/** One problem found on a page by the every-page walk. */
export interface Finding {
  where: string;
  kind: 'code' | 'axe';
  detail: string;
}

// What a code looks like when it leaks into a screen instead of its label.
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const UPPER_SNAKE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const LOWER_SNAKE = /(?<![@\w.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![@\w-])/g;
// case.viewed, screening.outcome.presumed_victim: a dotted catalog key or action name.
const DOTTED = /(?<![@\w/.-])[a-z][a-zA-Z]+(?:\.[a-zA-Z_]+)+(?![\w@/-])/g;
const PREFIXED_ID = /\b(?:user|case|agency|report):[0-9a-f-]{8,}/gi;
// A dotted word that is a domain name, not a code (sanad.ma, example.org).
const DOMAIN = /\.(?:ma|com|org|net|int|gov|fr|en|ar|io|info)$/;
// Codes that are also real words or names on screen (HTCDS terms shown as such are not expected).
const ALLOWED = new Set(['e.g', 'i.e']);

/** The code-like strings in a page's visible text. */
export function codesIn(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of [UUID, UPPER_SNAKE, LOWER_SNAKE, PREFIXED_ID]) {
    for (const match of text.matchAll(pattern)) found.add(match[0]);
  }
  for (const match of text.matchAll(DOTTED)) {
    const candidate = match[0];
    if (!DOMAIN.test(candidate) && !ALLOWED.has(candidate)) found.add(candidate);
  }
  return [...found];
}
