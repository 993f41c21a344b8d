import { describe, expect, it } from 'vitest';
import { codesIn } from './visible-codes';

describe('codes in visible text (the every-page browser walk)', () => {
  it('finds catalog keys, action names, enum values and ids', () => {
    const text = 'Dernière action : case.viewed par user:0f8fad5b-d9cb-469f-a165-70867728950e — IMMEDIATE_DANGER, forced_labour, publicReport.title';
    expect(codesIn(text).sort()).toEqual(
      ['0f8fad5b-d9cb-469f-a165-70867728950e', 'IMMEDIATE_DANGER', 'case.viewed', 'forced_labour', 'publicReport.title', 'user:0f8fad5b-d9cb-469f-a165-70867728950e'].sort(),
    );
  });

  it('leaves words, sentences, e-mail addresses, domains and case numbers alone', () => {
    const text = 'Le dossier SAN-2026-000123 a été ouvert. Écrivez à contact@sanad.ma ou visitez sanad.ma. الحالة مفتوحة. 08:00–20:00, 24/7.';
    expect(codesIn(text)).toEqual([]);
  });
});
