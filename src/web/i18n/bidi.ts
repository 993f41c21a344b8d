/**
 * Wraps a value put into a translated sentence in Unicode first-strong isolates (FSI … PDI), so a Latin name
 * or a date inside an Arabic sentence (or the reverse) keeps its own order and does not pull the punctuation
 * and numbers around it into its direction: "بقلم Youssef Benali، 2026/12/02" stays in that order.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
