import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { casesApi, type accessLogEntry, type attachment, type caseNote, type mergeRequest, type traffickingEvent } from '../../shared/api/cases';
import { caseTimelineApi } from '../../shared/api/case-timeline';
import { pathOf } from '../../shared/api/contract';
import { call } from '../api/call';

export type CaseNote = z.infer<typeof caseNote>;
export type TraffickingEvent = z.infer<typeof traffickingEvent>;
export type Attachment = z.infer<typeof attachment>;
export type MergeRequest = z.infer<typeof mergeRequest>;
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

/** Query keys of one case and its sub-resources, so a change refreshes exactly what it touched. */
export const caseKeys = {
  all: ['cases'] as const,
  list: (params: Record<string, unknown>) => ['cases', 'list', params] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  sub: (id: string, part: string) => ['cases', 'detail', id, part] as const,
};

/** One case as its reader may see it. */
export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => call(casesApi.detail, { params: { id } }), retry: false });
}

/** The notes of a case (decrypted free text: each read is on the record). */
export function useCaseNotes(id: string) {
  return useQuery({ queryKey: caseKeys.sub(id, 'notes'), queryFn: () => call(casesApi.notes, { params: { id } }) });
}

/** The trafficking journey of a case. */
export function useCaseEvents(id: string) {
  return useQuery({ queryKey: caseKeys.sub(id, 'events'), queryFn: () => call(casesApi.events, { params: { id } }) });
}

/** The files of a case (names and sizes; the bytes come from `attachmentDownloadPath`). */
export function useCaseAttachments(id: string, enabled = true) {
  return useQuery({ queryKey: caseKeys.sub(id, 'attachments'), queryFn: () => call(casesApi.attachments, { params: { id } }), enabled });
}

/** What happened on a case, newest first (a read of the case: on the record). */
export function useCaseTimeline(id: string) {
  return useQuery({ queryKey: caseKeys.sub(id, 'timeline'), queryFn: () => call(caseTimelineApi.timeline, { params: { id } }) });
}

/** Duplicate candidates of a case (never identities of cases the reader cannot open). */
export function useDuplicates(id: string) {
  return useQuery({ queryKey: caseKeys.sub(id, 'duplicates'), queryFn: () => call(casesApi.duplicates, { params: { id } }) });
}

/** The merge requests a case is part of, either side. */
export function useMergeRequests(id: string) {
  return useQuery({ queryKey: caseKeys.sub(id, 'merge-requests'), queryFn: () => call(casesApi.mergeRequests, { params: { id } }) });
}

/** Where the browser downloads an attachment: a link, not a JSON call, so the file is saved rather than parsed. */
export function attachmentDownloadPath(caseId: string, attachmentId: string): string {
  return pathOf(casesApi.downloadAttachment.path, { id: caseId, attachmentId });
}
