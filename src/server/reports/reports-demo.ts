import { randomUUID } from 'node:crypto';
import type { CALLER_TYPES, REPORT_CLOSURE_REASONS, ReportChannel, ReportKind, ReportStatus, ReportUrgency } from '@shared/api/reports.js';
import type { RegionCode } from '@shared/geo/regions.js';
import type { LanguageCode } from '@shared/htcds/languages.js';
import type { ExploitationForm } from '@shared/htcds/victim.js';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/database.js';
import { reportAdditions, reportDispatches, reports } from '../db/schema/index.js';
import { seal, sealOptional } from '../crypto/encrypted-columns.js';
import { recordAudit, SYSTEM_CONTEXT } from '../audit/record-audit.js';
import type { AppContext } from '../http/app-context.js';
import { nextReference } from './report-commands.js';
import { receiptHash } from './receipt-codes.js';
import { DEMO_NARRATIVES, DEMO_PROVINCES } from './reports-demo-texts.js';

/** Ids the demo reports point at: agencies by their demo key, users by username. */
export interface ReportsDemoRefs {
  /** Needs `hotline`, `police`, `gendarmerie` and `labour` (keys of DEMO_AGENCIES). */
  agencyIds: Record<string, string>;
  /** Needs `hotline` and `responder`. */
  userIds: Record<string, string>;
  /** "Today" for the demo (defaults to now); reports spread over the 18 months before it. */
  now?: Date;
}

/** A receipt code that works in the demo, so testers can try "add information" on the public page. */
export const DEMO_RECEIPT_CODE = 'DEM-2RE-PQR';

const DEMO_REPORT_COUNT = 60;
const DAY = 86_400_000;
/** The default of SANAD_PUBLIC_REPORT_RETENTION_DAYS: the demo's old closed reports are seeded already erased. */
const DEMO_RETENTION_DAYS = 365;

/** Small deterministic PRNG (mulberry32): the same demo every time. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends string>(random: () => number, table: [T, number][]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return table[table.length - 1]![0];
}

const REGION_WEIGHTS: [RegionCode, number][] = [
  ['MA-06', 16], ['MA-01', 12], ['MA-04', 10], ['MA-09', 8], ['MA-07', 8], ['MA-02', 7],
  ['MA-03', 6], ['MA-05', 3], ['MA-08', 2], ['MA-10', 2], ['MA-11', 2], ['MA-12', 2],
];

/** Older reports have moved on; the last weeks still hold open work. */
function statusFor(random: () => number, ageDays: number, kind: ReportKind, urgency: ReportUrgency): ReportStatus {
  if (kind === 'information_request' || kind === 'out_of_scope') return ageDays < 3 ? 'new' : 'closed';
  if (ageDays < 10) return weighted(random, [['new', 3], ['triaged', 2], [urgency === 'immediate_danger' ? 'dispatched' : 'screening_requested', 3]]);
  if (ageDays < 60) return weighted(random, [['dispatched', 2], ['screening_requested', 3], ['closed', 3]]);
  return weighted(random, [['closed', 8], ['screening_requested', 1]]);
}

/** Keeps the demo true to the rules: only emergencies are "dispatched", and an operator's emergency is dispatched at once. */
function consistentStatus(status: ReportStatus, urgency: ReportUrgency, channel: ReportChannel): ReportStatus {
  if (status === 'dispatched' && urgency !== 'immediate_danger') return 'screening_requested';
  if (status === 'new' && urgency === 'immediate_danger' && channel !== 'online_form') return 'dispatched';
  return status;
}

const CLOSURE_BY_KIND: Record<ReportKind, (typeof REPORT_CLOSURE_REASONS)[number][]> = {
  trafficking_suspicion: ['handled_by_case', 'no_trafficking_indicators', 'insufficient_information', 'unreachable', 'duplicate'],
  smuggling_suspicion: ['smuggling_not_trafficking', 'referred_elsewhere'],
  information_request: ['information_provided'],
  out_of_scope: ['referred_elsewhere', 'other'],
};

/**
 * Seeds about 60 reports over the last 18 months across regions, channels,
 * urgencies, kinds and statuses, with their dispatches and public additions.
 * Returns the ids of reports that a screening or a case could come from.
 */
export async function seedReportsDemo(tx: Tx, ctx: Pick<AppContext, 'keyring'>, refs: ReportsDemoRefs): Promise<{ reportIds: string[]; caseCandidateIds: string[] }> {
  const random = prng(20_260_301);
  const now = (refs.now ?? new Date()).getTime();
  // A living queue: a few reports from the last days, some from the last weeks, the rest over 18 months.
  const ages = Array.from({ length: DEMO_REPORT_COUNT }, (_, i) => (i < 10 ? random() * 9 : i < 20 ? 10 + random() * 50 : 60 + random() * 488)).sort((a, b) => b - a);
  const reportIds: string[] = [];
  const caseCandidateIds: string[] = [];
  let receiptGiven = false;
  // Rows are built in the loop (the PRNG draws stay in their order) and written in three inserts.
  const reportRows: PgInsertValue<typeof reports>[] = [];
  const dispatchRows: PgInsertValue<typeof reportDispatches>[] = [];
  const additionRows: PgInsertValue<typeof reportAdditions>[] = [];

  for (const ageDays of ages) {
    const kind = weighted<ReportKind>(random, [['trafficking_suspicion', 62], ['smuggling_suspicion', 10], ['information_request', 20], ['out_of_scope', 8]]);
    const channel = weighted<ReportChannel>(random, [['hotline_call', 55], ['online_form', 20], ['walk_in', 8], ['agency_referral', 10], ['email', 5], ['other', 2]]);
    const suspicion = kind === 'trafficking_suspicion' || kind === 'smuggling_suspicion';
    const urgency: ReportUrgency = suspicion ? weighted(random, [['immediate_danger', 12], ['urgent', 28], ['standard', 60]]) : 'standard';
    const status = consistentStatus(statusFor(random, ageDays, kind, urgency), urgency, channel);
    const region = weighted(random, REGION_WEIGHTS);
    const story = DEMO_NARRATIVES[Math.floor(random() * DEMO_NARRATIVES.length)]!;
    const provinces = DEMO_PROVINCES[region];
    const receivedAt = new Date(now - ageDays * DAY);
    const online = channel === 'online_form';
    const forms: ExploitationForm[] = kind === 'trafficking_suspicion' ? story.forms : [];
    const closureReasons = CLOSURE_BY_KIND[kind];

    const id = randomUUID();
    const row: PgInsertValue<typeof reports> = {
      id,
      reference: nextReference(receivedAt),
      kind,
      channel,
      status,
      urgency,
      receivedAt,
      callerType: online ? 'anonymous' : weighted<(typeof CALLER_TYPES)[number]>(random, [['victim', 2], ['relative', 3], ['witness', 3], ['professional', 3], ['anonymous', 2]]),
      language: weighted<LanguageCode>(random, [['ary', 6], ['ar', 3], ['fr', 3], ['en', 1], ['zgh', 1]]),
      region,
      province: provinces[Math.floor(random() * provinces.length)]!,
      narrativeEnc: seal(ctx.keyring, reports.narrativeEnc, suspicion ? story.text : story.info),
      reporterContactEnc: sealOptional(ctx.keyring, reports.reporterContactEnc, random() < 0.4 ? `+212 6${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null),
      exploitationForms: forms,
      peopleAtRisk: suspicion ? 1 + Math.floor(random() * 6) : null,
      minorsInvolved: suspicion ? random() < 0.3 : null,
      closureReason: status === 'closed' ? closureReasons[Math.floor(random() * closureReasons.length)]! : null,
      closedAt: status === 'closed' ? new Date(receivedAt.getTime() + (1 + random() * 20) * DAY) : null,
      ownerAgencyId: online && status === 'new' ? null : refs.agencyIds['hotline']!,
      createdBy: online ? null : refs.userIds['hotline']!,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    };
    // True to the retention rule (report-retention.ts): a report closed longer ago than the default limit
    // has already lost its personal content; the demo receipt code goes to the oldest public report still kept.
    const closedAt = row.closedAt as Date | null;
    const erasedAt = closedAt && closedAt.getTime() + DEMO_RETENTION_DAYS * DAY <= now ? new Date(closedAt.getTime() + DEMO_RETENTION_DAYS * DAY) : null;
    if (erasedAt) Object.assign(row, { narrativeEnc: null, reporterContactEnc: null, province: null, erasedAt });
    const receipt = online && !erasedAt && !receiptGiven ? DEMO_RECEIPT_CODE : null;
    if (receipt) {
      row.receiptHash = receiptHash(ctx.keyring, receipt);
      receiptGiven = true;
    }
    reportRows.push(row);
    reportIds.push(id);
    if (suspicion && status !== 'new' && status !== 'closed') caseCandidateIds.push(id);

    // Emergencies went to law enforcement at once; all but the newest were acknowledged within the hour.
    if (urgency === 'immediate_danger' && status !== 'new') {
      const agency = region === 'MA-01' ? 'gendarmerie' : 'police';
      const acknowledged = ageDays > 0.5;
      dispatchRows.push({
        reportId: id,
        purpose: 'emergency',
        agencyId: refs.agencyIds[agency]!,
        dispatchedAt: new Date(receivedAt.getTime() + 4 * 60_000),
        dispatchedBy: refs.userIds['hotline']!,
        acknowledgedAt: acknowledged ? new Date(receivedAt.getTime() + (10 + random() * 40) * 60_000) : null,
        acknowledgedBy: acknowledged && agency === 'police' ? refs.userIds['responder']! : null,
      });
    }
    if (status === 'screening_requested') {
      // Screening interviews too go to law-enforcement units only (report-dispatch.ts refuses any other agency).
      const agency = region === 'MA-01' ? 'gendarmerie' : 'police';
      dispatchRows.push({
        reportId: id,
        purpose: 'screening',
        agencyId: refs.agencyIds[agency]!,
        dispatchedAt: new Date(receivedAt.getTime() + (0.2 + random()) * DAY),
        dispatchedBy: refs.userIds['hotline']!,
      });
    }
    if (receipt) {
      additionRows.push({
        reportId: id,
        textEnc: seal(ctx.keyring, reportAdditions.textEnc, 'Update: the van came back last night and took two more girls towards the port.'),
        receivedAt: new Date(receivedAt.getTime() + 2 * DAY),
      });
    }
  }
  // The rows of VALUES are inserted in order, so the references (nextval) still follow the received dates.
  await tx.insert(reports).values(reportRows);
  if (dispatchRows.length) await tx.insert(reportDispatches).values(dispatchRows);
  if (additionRows.length) await tx.insert(reportAdditions).values(additionRows);
  await recordAudit(tx, SYSTEM_CONTEXT, { action: 'report.created', details: { demo: true, reports: reportIds.length } });
  return { reportIds, caseCandidateIds };
}
