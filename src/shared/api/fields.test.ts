import { describe, expect, it } from 'vitest';
import { dayProblem, isoDate, isoDateTime, issueReason, line, secret, text } from './fields.js';

const reasons = (result: { success: boolean; error?: { issues: { code: string; message: string }[] } }) => (result.error?.issues ?? []).map(issueReason);

describe('edge-safe field types', () => {
  it('take real days only, between 1900 and 2100, with the reason', () => {
    expect(reasons(isoDate.safeParse('2028-02-29'))).toEqual([]);
    expect(reasons(isoDate.safeParse('2026-02-30'))).toEqual(['invalid_date']);
    expect(reasons(isoDate.safeParse('2026-13-01'))).toEqual(['invalid_date']);
    expect(reasons(isoDate.safeParse('2100-02-29'))).toEqual(['invalid_date']);
    expect(reasons(isoDate.safeParse('0000-01-01'))).toEqual(['date_out_of_range']);
    expect(reasons(isoDate.safeParse('2101-01-01'))).toEqual(['date_out_of_range']);
    expect(reasons(isoDate.safeParse('26-1-1'))).toEqual(['invalid_format']);
    expect(dayProblem('2000-02-29')).toBeNull();
  });

  it('take instants on real days, with an offset, in range', () => {
    expect(reasons(isoDateTime.safeParse('2026-02-28T23:30:00+01:00'))).toEqual([]);
    expect(reasons(isoDateTime.safeParse('2026-02-30T10:00:00Z'))).toEqual(['invalid_date']);
    expect(reasons(isoDateTime.safeParse('0000-01-01T00:00:00Z'))).toEqual(['date_out_of_range']);
    expect(reasons(isoDateTime.safeParse('2026-02-28'))).toEqual(['invalid_format']);
  });

  it('refuse NUL, control characters and broken Unicode; free text keeps line breaks and tabs', () => {
    expect(line(20).safeParse('  Agadir  ').data).toBe('Agadir');
    for (const bad of ['a\u0000', 'a\nb', 'a\u0007', 'a\u009b', 'a\u2028b', 'a\ud800', '\udc00a']) expect(reasons(line(20).safeParse(bad)), JSON.stringify(bad)).toEqual(['invalid_character']);
    expect(text(50).safeParse('line one\r\nline two\tend').success).toBe(true);
    expect(reasons(text(50).safeParse('a\u0000b'))).toEqual(['invalid_character']);
    expect(text(50).safeParse('عربي 😀 ok').success).toBe(true);
    expect(secret(50).safeParse(' spaces kept ').data).toBe(' spaces kept ');
    expect(secret(50).safeParse('pass\u0000word').success).toBe(false);
  });
});
