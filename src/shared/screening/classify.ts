import type { ExploitationForm } from '../htcds/victim.js';
import { PALERMO_ELEMENTS } from '../api/screening.js';
import type {
  ElementsFound, Indicator, IndicatorAnswer, OutcomeReason, PalermoElement, ScreeningOutcome, Suggestion, Thresholds,
} from '../api/screening.js';

/** What the classifier needs: the indicator set used, the answers, and whether the person is a child. */
export interface ClassifyInput {
  indicators: readonly Pick<Indicator, 'code' | 'category' | 'element' | 'form' | 'weight' | 'strong'>[];
  thresholds: Thresholds;
  answers: Readonly<Record<string, IndicatorAnswer>>;
  isChild: boolean;
}

const TRAFFICKING_ELEMENTS = ['act', 'means', 'purpose'] as const;

function reason(code: OutcomeReason['code'], indicators: string[] = [], params: OutcomeReason['params'] = {}): OutcomeReason {
  return { code, indicators, params };
}

/**
 * Isomorphic on purpose: the interview shows the suggestion (and recomputes it
 * when an answer changes) before anything is saved, and the server computes it
 * again from the stored answers when the screening is saved; one function, so
 * the two cannot disagree.
 *
 * Suggests a screening outcome from the Palermo elements the answers evidence,
 * with the reasons, so a responder can see why (and a supervisor can check).
 *
 * - Trafficking needs an act and an exploitative purpose, and the means, except
 *   for a child. Complete elements with a strong indicator or a score at the
 *   presumed threshold → presumed; partial evidence → possible.
 * - Smuggling indicators (paid, consented, irregular crossing) without any
 *   exploitation → smuggled migrant; with trafficking as well → both.
 * - Too many unanswered indicators never lead to a negative conclusion: the
 *   person is referred for a fuller assessment instead.
 *
 * Child-only indicators are ignored for adults. Missing answers count as unknown.
 */
export function classifyScreening(input: ClassifyInput): Suggestion {
  const { thresholds, isChild } = input;
  const applicable = input.indicators.filter((i) => isChild || i.category !== 'child');
  const answerOf = (code: string): IndicatorAnswer => input.answers[code] ?? 'unknown';
  const yes = applicable.filter((i) => answerOf(i.code) === 'yes');
  const unknown = applicable.filter((i) => answerOf(i.code) === 'unknown');
  const yesCodes = (element: PalermoElement) => yes.filter((i) => i.element === element).map((i) => i.code);

  const found = Object.fromEntries(PALERMO_ELEMENTS.map((e) => [e, yesCodes(e)])) as Record<PalermoElement, string[]>;
  const elements: ElementsFound = {
    act: found.act.length > 0,
    means: found.means.length > 0,
    purpose: found.purpose.length > 0,
    smuggling: found.smuggling.length > 0,
    meansRequired: !isChild,
  };
  const traffickingYes = yes.filter((i) => i.element !== 'smuggling');
  const score = traffickingYes.reduce((sum, i) => sum + i.weight, 0);
  const strongIndicators = traffickingYes.filter((i) => i.strong).map((i) => i.code);
  const unknownShare = applicable.length === 0 ? 1 : unknown.length / applicable.length;
  const forms = [...new Set(yes.filter((i) => i.element === 'purpose' && i.form).map((i) => i.form as ExploitationForm))];

  const reasons: OutcomeReason[] = [];
  for (const element of TRAFFICKING_ELEMENTS) {
    if (elements[element]) reasons.push(reason(`${element}_found`, found[element]));
  }
  if (isChild && !elements.means) reasons.push(reason('means_not_required_child'));
  if (strongIndicators.length > 0) reasons.push(reason('strong_indicator', strongIndicators));

  const complete = elements.act && elements.purpose && (elements.means || isChild);
  const presumed = complete && (strongIndicators.length > 0 || score >= thresholds.presumedScore);
  // Partial: exploitation seen, or act and means together, or enough weight of evidence.
  const possible = !presumed && (elements.purpose || (elements.act && elements.means) || strongIndicators.length > 0 || score >= thresholds.possibleScore);
  const level = presumed ? 'presumed' : possible ? 'possible' : null;

  if (presumed && score >= thresholds.presumedScore) reasons.push(reason('score_reached', [], { score, threshold: thresholds.presumedScore }));
  if (possible) {
    const missing = TRAFFICKING_ELEMENTS.filter((e) => !elements[e] && !(e === 'means' && isChild));
    if (missing.length > 0) reasons.push(reason('elements_missing', [], { elements: missing.join(',') }));
    else reasons.push(reason('score_below', [], { score, threshold: thresholds.presumedScore }));
  }
  if (elements.smuggling) reasons.push(reason('smuggling_found', found.smuggling));
  if (elements.smuggling && !elements.purpose) reasons.push(reason('no_exploitation_purpose'));

  const tooManyUnknowns = unknownShare > thresholds.maxUnknownShare;
  let outcome: ScreeningOutcome;
  if (level && elements.smuggling) outcome = 'smuggled_and_trafficked';
  else if (level) outcome = level === 'presumed' ? 'presumed_victim' : 'possible_victim';
  // Nothing negative is concluded from an interview that left most questions open.
  else if (tooManyUnknowns) outcome = 'refer_for_assessment';
  else if (elements.smuggling) outcome = 'smuggled_migrant';
  else outcome = 'not_a_victim';

  if (tooManyUnknowns) reasons.push(reason('too_many_unknowns', [], { unknown: unknown.length, total: applicable.length }));
  if (yes.length === 0) reasons.push(reason('no_indicators_found'));

  return { outcome, traffickingLevel: level, elements, forms, score, strongIndicators, unknownShare: Math.round(unknownShare * 1000) / 1000, reasons };
}
