import type { ScreeningOutcome, Suggestion } from '@shared/api/screening.js';

// The classifier is shared with the web (the interview previews the outcome before saving).
export { classifyScreening, type ClassifyInput } from '@shared/screening/classify.js';

/** The case trafficking status a confirmed screening outcome opens a case with. */
export function traffickingStatusFor(outcome: ScreeningOutcome, suggestion: Pick<Suggestion, 'traffickingLevel'>): 'presumed' | 'possible' {
  if (outcome === 'presumed_victim') return 'presumed';
  if (outcome === 'smuggled_and_trafficked' && suggestion.traffickingLevel === 'presumed') return 'presumed';
  return 'possible';
}
