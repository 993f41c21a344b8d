import { describe, expect, it } from 'vitest';
import type { IndicatorAnswer } from '@shared/api/screening.js';
import { classifyScreening, traffickingStatusFor } from './classify.js';
import { INDICATORS_V1, THRESHOLDS_V1 } from './indicators-v1.js';

/** Every indicator answered "no" except those listed (and, optionally, "unknown" ones). */
function answers(yes: string[], unknown: string[] = []): Record<string, IndicatorAnswer> {
  for (const code of [...yes, ...unknown]) if (!INDICATORS_V1.some((i) => i.code === code)) throw new Error(`no indicator ${code}`);
  return Object.fromEntries(INDICATORS_V1.map((i) => [i.code, yes.includes(i.code) ? 'yes' : unknown.includes(i.code) ? 'unknown' : 'no']));
}

function classify(yes: string[], options: { isChild?: boolean; unknown?: string[] } = {}) {
  return classifyScreening({ indicators: INDICATORS_V1, thresholds: THRESHOLDS_V1, answers: answers(yes, options.unknown), isChild: options.isChild ?? false });
}

const SMUGGLING = ['smg_paid_for_crossing', 'smg_chose_journey', 'smg_irregular_entry'];

describe('classifyScreening', () => {
  it.each([
    { name: 'adult: act + means + purpose with a strong indicator', yes: ['gen_recruited_by_third_party', 'gen_documents_withheld', 'fl_unpaid_or_deductions'], isChild: false, outcome: 'presumed_victim' },
    { name: 'adult: complete elements reaching the score without a strong sign', yes: ['gen_recruited_by_third_party', 'gen_deceived_about_work', 'fl_unpaid_or_deductions', 'fl_excessive_hours'], isChild: false, outcome: 'presumed_victim' },
    { name: 'child: act + purpose, no means needed', yes: ['child_unaccompanied', 'child_commercial_sex'], isChild: true, outcome: 'presumed_victim' },
    { name: 'adult: act + purpose without means is only possible', yes: ['gen_recruited_by_third_party', 'fl_unpaid_or_deductions'], isChild: false, outcome: 'possible_victim' },
    { name: 'adult: exploitation seen, nothing else', yes: ['dom_always_on_call'], isChild: false, outcome: 'possible_victim' },
    { name: 'adult: smuggling only', yes: [...SMUGGLING, 'gen_travel_controlled'], isChild: false, outcome: 'smuggled_migrant' },
    { name: 'adult: smuggled, then forced labour', yes: [...SMUGGLING, 'gen_recruited_by_third_party', 'gen_debt_bondage', 'fl_unpaid_or_deductions'], isChild: false, outcome: 'smuggled_and_trafficked' },
    { name: 'adult: nothing found', yes: [], isChild: false, outcome: 'not_a_victim' },
    { name: 'adult: a single weak act sign', yes: ['gen_housed_by_controller'], isChild: false, outcome: 'not_a_victim' },
  ])('$name → $outcome', ({ yes, isChild, outcome }) => {
    expect(classify(yes, { isChild }).outcome).toBe(outcome);
  });

  it('explains a child presumed victim: act and purpose found, means not required, strong indicator', () => {
    const result = classify(['child_unaccompanied', 'child_commercial_sex'], { isChild: true });
    expect(result.elements).toEqual({ act: true, means: false, purpose: true, smuggling: false, meansRequired: false });
    expect(result.traffickingLevel).toBe('presumed');
    expect(result.forms).toEqual(['sexual_exploitation']);
    expect(result.reasons.map((r) => r.code)).toEqual(['act_found', 'purpose_found', 'means_not_required_child', 'strong_indicator']);
    expect(result.reasons.find((r) => r.code === 'strong_indicator')!.indicators).toEqual(['child_commercial_sex']);
  });

  it('gives an adult the same answers without the child exception: means are missing', () => {
    const result = classify(['gen_recruited_by_third_party', 'sex_made_to_sell_sex']);
    expect(result.outcome).toBe('possible_victim');
    expect(result.reasons.find((r) => r.code === 'elements_missing')!.params).toEqual({ elements: 'means' });
  });

  it('ignores child-only indicators for an adult', () => {
    expect(classify(['child_unaccompanied', 'child_commercial_sex']).outcome).toBe('not_a_victim');
  });

  it('flags smuggling without exploitation and keeps it out of the trafficking score', () => {
    const result = classify(SMUGGLING);
    expect(result).toMatchObject({ outcome: 'smuggled_migrant', traffickingLevel: null, score: 0 });
    expect(result.reasons.map((r) => r.code)).toEqual(['smuggling_found', 'no_exploitation_purpose']);
  });

  it('marks "both" with the strength of the trafficking side, and a case opens as presumed', () => {
    const result = classify([...SMUGGLING, 'gen_recruited_by_third_party', 'gen_debt_bondage', 'fl_unpaid_or_deductions']);
    expect(result.elements).toMatchObject({ act: true, means: true, purpose: true, smuggling: true });
    expect(result.traffickingLevel).toBe('presumed');
    expect(result.forms).toEqual(['forced_labour']);
    expect(traffickingStatusFor(result.outcome, result)).toBe('presumed');
  });

  it('refers for assessment when too many answers are unknown and nothing was found', () => {
    const all = INDICATORS_V1.filter((i) => i.category !== 'child').map((i) => i.code);
    const result = classify([], { unknown: all });
    expect(result.outcome).toBe('refer_for_assessment');
    expect(result.unknownShare).toBe(1);
    expect(result.reasons.find((r) => r.code === 'too_many_unknowns')!.params).toEqual({ unknown: all.length, total: all.length });
  });

  it('does not let unknowns hide a presumed victim, nor turn unknown smuggling into a negative', () => {
    const most = INDICATORS_V1.filter((i) => i.category !== 'child').map((i) => i.code);
    const presumedYes = ['gen_recruited_by_third_party', 'gen_threats_or_violence', 'beg_hands_over_money'];
    expect(classify(presumedYes, { unknown: most.filter((c) => !presumedYes.includes(c)) }).outcome).toBe('presumed_victim');
    expect(classify(SMUGGLING, { unknown: most.filter((c) => !SMUGGLING.includes(c)) }).outcome).toBe('refer_for_assessment');
  });

  it('counts missing answers as unknown', () => {
    const result = classifyScreening({ indicators: INDICATORS_V1, thresholds: THRESHOLDS_V1, answers: {}, isChild: false });
    expect(result.outcome).toBe('refer_for_assessment');
  });

  it('maps confirmed outcomes to a case trafficking status', () => {
    expect(traffickingStatusFor('presumed_victim', { traffickingLevel: 'presumed' })).toBe('presumed');
    expect(traffickingStatusFor('possible_victim', { traffickingLevel: 'possible' })).toBe('possible');
    // A responder who overrides to "both" on weaker evidence opens a possible case.
    expect(traffickingStatusFor('smuggled_and_trafficked', { traffickingLevel: null })).toBe('possible');
  });

  it('ships a well-formed version 1: unique codes, all elements, three languages', () => {
    const codes = INDICATORS_V1.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const element of ['act', 'means', 'purpose', 'smuggling']) expect(INDICATORS_V1.some((i) => i.element === element)).toBe(true);
    for (const category of ['general', 'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'child', 'smuggling']) {
      expect(INDICATORS_V1.some((i) => i.category === category), category).toBe(true);
    }
    for (const i of INDICATORS_V1) expect(i.text.ar && i.text.fr && i.text.en, i.code).toBeTruthy();
  });
});
