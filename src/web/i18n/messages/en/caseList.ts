/** English: the case list's search, sorting, date filters and export; the screening list's reference search. */
export const caseList: Record<string, string> = {
  'caseList.searchHelp':
    'Type a case number, any part of a name (in Arabic or Latin letters: "محمد" also finds "Mohamed"), a passport or ID number, or a phone number (+212 or 0…). Identities stay encrypted: a name is found by whole words, not by its first letters.',
  'caseList.noMatchHelp': 'Check the spelling, type whole words of the name, or clear the filters.',
  'caseList.openedFrom': 'Opened from',
  'caseList.openedTo': 'Opened until',
  'caseList.export': 'Export CSV',
  'caseList.exportHelp': 'Downloads the cases as filtered and sorted here, with names. The export is recorded in the audit trail.',
  'caseList.exportFailed': 'The export could not be completed.',
  'caseList.sortBy': 'Sort by {column}',
  'caseList.sortedAscending': 'sorted ascending',
  'caseList.sortedDescending': 'sorted descending',
  'caseList.screeningReference': 'Reference',
  'caseList.screeningReferenceHelp': 'A full reference (SCR-2026-000042) or its number (42).',
};
