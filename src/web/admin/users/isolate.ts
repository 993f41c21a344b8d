/**
 * Wraps a value typed in any script (a Latin name or agency in an Arabic
 * sentence) in Unicode first-strong isolates, so its direction cannot reorder
 * the words and punctuation around it.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
