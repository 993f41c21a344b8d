import type { BodyIn } from '../../shared/api/contract';
import { CHILD_AGE_BANDS, type AgeBand, type IndicatorAnswer, type screeningsApi, type VulnerableGroup } from '../../shared/api/screening';
import type { RegionCode } from '../../shared/geo/regions';
import type { CountryCode } from '../../shared/htcds/countries';
import type { LanguageCode } from '../../shared/htcds/languages';
import type { PrsGender } from '../../shared/htcds/person';

/** The interview as the stepper holds it, before it is sent. */
export interface ScreeningDraft {
  context: 'reactive' | 'proactive';
  campaignName: string;
  vulnerableGroup: VulnerableGroup | null;
  place: string;
  region: RegionCode | null;
  province: string | null;
  screenedOn: string;
  reportId: string | null;
  ageBand: AgeBand | null;
  isChild: boolean;
  sex: PrsGender | null;
  nationality: CountryCode | null;
  language: LanguageCode | null;
  answers: Record<string, IndicatorAnswer>;
}

/** A fresh interview dated today (a report id from the URL links it to that report). */
export function emptyDraft(reportId: string | null): ScreeningDraft {
  return {
    context: 'reactive',
    campaignName: '',
    vulnerableGroup: null,
    place: '',
    region: null,
    province: null,
    screenedOn: new Date().toISOString().slice(0, 10),
    reportId,
    ageBand: null,
    isChild: false,
    sex: null,
    nationality: null,
    language: null,
    answers: {},
  };
}

/** Catalog ids of what is missing in a step (empty when the step is complete). */
export function missingInStep(draft: ScreeningDraft, step: number): string[] {
  if (step === 0 && draft.context === 'proactive') {
    return [!draft.campaignName.trim() && 'campaignName', !draft.vulnerableGroup && 'vulnerableGroup'].filter((x): x is string => Boolean(x));
  }
  if (step === 1) return [!draft.ageBand && 'ageBand', !draft.sex && 'sex'].filter((x): x is string => Boolean(x));
  return [];
}

/** A child age band decides the child flag; "unknown" leaves it to the responder. */
export function withAgeBand(draft: ScreeningDraft, ageBand: AgeBand): ScreeningDraft {
  return { ...draft, ageBand, isChild: ageBand === 'unknown' ? draft.isChild : CHILD_AGE_BANDS.includes(ageBand) };
}

/** The code among `codes` that a select answered with, or null (a cleared select, or a value not in the list). */
export function codeIn<Code extends string>(codes: readonly Code[], value: string | null): Code | null {
  return codes.find((code) => code === value) ?? null;
}

/**
 * The POST /api/screenings body. The age band and sex are required by the
 * person step (`missingInStep`) before the interview is sent, so their
 * fallbacks are never what is sent.
 */
export function toRequest(draft: ScreeningDraft, indicatorSetId: string): BodyIn<typeof screeningsApi.create> {
  return {
    indicatorSetId,
    context: draft.context,
    campaignName: draft.context === 'proactive' ? draft.campaignName.trim() || null : null,
    vulnerableGroup: draft.vulnerableGroup,
    place: draft.place.trim() || null,
    region: draft.region,
    province: draft.province,
    screenedOn: draft.screenedOn,
    reportId: draft.reportId,
    ageBand: draft.ageBand ?? 'unknown',
    isChild: draft.isChild,
    sex: draft.sex ?? 'NonSpecifiedUnknown',
    nationality: draft.nationality,
    language: draft.language,
    answers: draft.answers,
  };
}
