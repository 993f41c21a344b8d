import { casesApi } from '@shared/api/cases.js';
import type { Router } from '../http/route.js';
import { addAttachment, listAttachments, readAttachment } from './attachments.js';
import { loadCaseInScope } from './case-scope.js';
import { addNote, addTraffickingEvent, listNotes, listTraffickingEvents } from './case-records.js';
import { giveConsent, listConsents, revokeConsent } from './consent.js';

// Base64 of a 5 MB file plus JSON framing; the decoded size is checked exactly.
const ATTACHMENT_BODY_LIMIT = Math.ceil((5 * 1024 * 1024 * 4) / 3) + 64 * 1024;

/**
 * A case's sub-resources: notes, trafficking events, consents,
 * attachments. Each loads the case in the caller's scope first, so all answer
 * 404 outside it. Notes, events, consents and attachments are case content:
 * every read of them is on the record.
 */
export function caseDetailRoutes(router: Router): void {
  router.route(casesApi.notes, {
    access: { action: 'case.read' },
    audit: { reads: 'case.notesViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listNotes(tx, services.keyring, row.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(casesApi.addNote, {
    access: { action: 'case.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.update', params.id);
      return { id: await addNote(tx, services.keyring, actor, who, row, body.body) };
    },
  });

  router.route(casesApi.events, {
    access: { action: 'case.read' },
    audit: { reads: 'case.eventsViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listTraffickingEvents(tx, services.keyring, row.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(casesApi.addEvent, {
    access: { action: 'case.update' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.update', params.id);
      return { id: await addTraffickingEvent(tx, services.keyring, actor, who, row, body) };
    },
  });

  router.route(casesApi.consents, {
    access: { action: 'case.read' },
    audit: { reads: 'case.consentsViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.read', params.id);
      const items = await listConsents(tx, services.keyring, row.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(casesApi.giveConsent, {
    access: { action: 'case.consent' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.consent', params.id);
      await giveConsent(tx, services.keyring, actor, who, row, body);
      return { items: await listConsents(tx, services.keyring, row.id) };
    },
  });

  router.route(casesApi.revokeConsent, {
    access: { action: 'case.consent' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.consent', params.id);
      await revokeConsent(tx, actor, who, row, params.consentId);
      return { items: await listConsents(tx, services.keyring, row.id) };
    },
  });

  router.route(casesApi.attachments, {
    access: { action: 'case.readAttachment' },
    audit: { reads: 'case.attachmentsViewed', resource: 'case' },
    handler: async ({ tx, actor, params, audit, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.readAttachment', params.id);
      const items = await listAttachments(tx, services.keyring, row.id);
      audit.details({ returned: items.length });
      return { items };
    },
  });

  router.route(casesApi.addAttachment, {
    access: { action: 'case.attach' },
    audit: 'in-command',
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    handler: async ({ tx, actor, who, params, body, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.attach', params.id);
      return { id: await addAttachment(tx, services.keyring, actor, who, row, body) };
    },
  });

  router.route(casesApi.downloadAttachment, {
    access: { action: 'case.readAttachment' },
    audit: { reads: 'case.attachmentDownloaded', resource: 'case' },
    handler: async ({ tx, actor, params, audit, reply, services }) => {
      const row = await loadCaseInScope(tx, actor, 'case.readAttachment', params.id);
      const file = await readAttachment(tx, services.keyring, row, params.attachmentId);
      audit.details({ attachmentId: params.attachmentId });
      // Served as a download, never rendered inline in the app's origin.
      const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      void reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store');
      return file.content;
    },
  });
}
