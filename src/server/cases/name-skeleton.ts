/**
 * A script-independent "phonetic skeleton" of a personal name, for duplicate
 * detection across Arabic and Latin spellings: محمد, Mohammed, Mohamed and
 * Mohamad all give "mhmd"; العلوي and Alaoui give "l".
 *
 * How: transliterate Arabic letters to Latin consonant classes, fold the Latin
 * digraphs that French, English and Spanish transliterations use for the same
 * Arabic sound (kh, gh, ch/sh, dj, q/k, ou…) onto one letter, drop vowels and
 * semi-vowels (the part that varies most between spellings, and that Arabic
 * script mostly leaves unwritten), drop the article al-/el-, collapse doubled
 * letters. Tokens are sorted, so "Alaoui Mohamed" equals "Mohamed Alaoui".
 *
 * It is deliberately coarse: it over-matches (many people share "mhmd"), which
 * is why a candidate also needs the same birth year (±1) and is shown as a
 * *candidate* for a human to judge, never merged automatically.
 */

// Arabic letter → Latin consonant class ('' = vowel-like, dropped).
const ARABIC_TO_LATIN: Record<string, string> = {
  ا: '', أ: '', إ: '', آ: '', ء: '', ؤ: '', ئ: '', ى: '', ة: '', و: '', ي: '', ع: '',
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'k', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's',
  ش: 'x', ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'g', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm',
  ن: 'n', ه: 'h', پ: 'b', چ: 'x', ڤ: 'f', گ: 'g', ڭ: 'g', ی: '', ک: 'k',
};

// Applied in order to a lower-case, accent-free Latin token.
const LATIN_FOLDS: [RegExp, string][] = [
  [/tch|tsh|sch|sh|ch/g, 'x'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/dj|dh/g, 'd'],
  [/th/g, 't'],
  [/ph/g, 'f'],
  [/ck|q|c(?=[aou]|$)/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/v/g, 'f'],
  [/p/g, 'b'],
  [/h$/g, ''],
];

const ARTICLES = new Set(['al', 'el', 'ul', 'ال']);
const ARABIC_LETTERS = /[\u0600-\u06FF]/;

function stripMarks(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .toLowerCase();
}

function arabicTokenSkeleton(token: string): string {
  // The article ال is written attached to the name.
  const bare = token.startsWith('ال') && token.length > 3 ? token.slice(2) : token;
  return [...bare].map((ch) => ARABIC_TO_LATIN[ch] ?? '').join('');
}

function latinTokenSkeleton(token: string): string {
  const bare = token.replace(/^(al|el|ul)-/, '');
  let folded = bare.replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of LATIN_FOLDS) folded = folded.replace(pattern, replacement);
  return folded.replace(/[aeiouyw]/g, '');
}

function collapse(value: string): string {
  return value.replace(/(.)\1+/g, '$1');
}

/** The skeleton of one name token ("" when nothing consonantal is left). */
export function tokenSkeleton(token: string): string {
  const clean = stripMarks(token);
  if (ARTICLES.has(clean)) return '';
  return collapse(ARABIC_LETTERS.test(clean) ? arabicTokenSkeleton(clean) : latinTokenSkeleton(clean));
}

/** The skeleton of a full name in any script: token skeletons, sorted, space-joined ("" if empty). */
export function nameSkeleton(fullName: string): string {
  return stripMarks(fullName)
    .split(/[\s'’`.,]+/)
    .flatMap((part) => (ARABIC_LETTERS.test(part) ? [part] : part.split(/(?<=^(?:al|el|ul))-|-/)))
    .map(tokenSkeleton)
    .filter((s) => s.length > 0)
    .sort()
    .join(' ');
}
