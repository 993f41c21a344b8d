/**
 * One CSV cell, quoted. A value starting with = + - @, a tab or a carriage return would be read as a formula
 * by a spreadsheet (a name typed as `=HYPERLINK(…)` would run on the reader's machine): it is prefixed with '.
 */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? '';
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${guarded.replace(/"/g, '""')}"`;
}

/** One CSV line (RFC 4180 line ending). */
export function csvRow(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A byte-order mark, so spreadsheet programs read Arabic text as UTF-8. */
export const CSV_BOM = '\uFEFF';
