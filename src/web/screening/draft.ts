import { CHILD_AGE_BANDS, type AgeBand, type IndicatorAnswer } from '../../shared/api/screening';

/** The interview as the stepper holds it, before it is sent. */
export interface ScreeningDraft {
  context: 'reactive' | 'proactive';
  campaignName: string;
  vulnerableGroup: string | null;
  place: string;
  region: string | null;
  province: string | null;
  screenedOn: string;
  reportId: string | null;
  ageBand: AgeBand | null;
  isChild: boolean;
  sex: string | null;
  nationality: string | null;
  language: string | null;
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

/** The POST /api/screenings body. */
export function toRequest(draft: ScreeningDraft, indicatorSetId: string) {
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
    ageBand: draft.ageBand,
    isChild: draft.isChild,
    sex: draft.sex,
    nationality: draft.nationality,
    language: draft.language,
    answers: draft.answers,
  };
}
