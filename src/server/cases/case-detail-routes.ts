import { z } from 'zod';
import { assignBody, attachment, attachmentUploadBody, caseAssignment, caseNote, consent, eventBody, giveConsentBody, noteBody, traffickingEvent } from '@shared/api/cases.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
import { actorOf, auditContextOf } from '../http/request-context.js';
import { addAttachment, listAttachments, readAttachment } from './attachments.js';
import { caseIdParams } from './case-routes.js';
import { loadCaseInScope } from './case-scope.js';
import { addNote, addTraffickingEvent, assignUser, listNotes, listTraffickingEvents, unassignUser } from './case-records.js';
import { giveConsent, listConsents, revokeConsent } from './consent.js';
import { listAssignments } from './case-presenter.js';

const userParams = caseIdParams.extend({ userId: z.string().uuid() });
const consentParams = caseIdParams.extend({ consentId: z.string().uuid() });
const attachmentParams = caseIdParams.extend({ attachmentId: z.string().uuid() });
// Base64 of a 5 MB file plus JSON framing; the decoded size is checked exactly.
const ATTACHMENT_BODY_LIMIT = Math.ceil((5 * 1024 * 1024 * 4) / 3) + 64 * 1024;

/** A case's sub-resources: assignments, notes, trafficking events, consents, attachments. All answer 404 outside scope. */
export async function caseDetailRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.post('/api/cases/:id/assignments', {
    config: { access: { action: 'case.assign' } },
    schema: { tags: ['cases'], params: caseIdParams, body: assignBody, response: { 200: z.object({ assignments: z.array(caseAssignment) }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return db.transaction(async (tx) => {
        await assignUser(tx, actor, auditContextOf(request), request.params.id, request.body.userId);
        return { assignments: await listAssignments(tx, request.params.id) };
      });
    },
  });

  app.delete('/api/cases/:id/assignments/:userId', {
    config: { access: { action: 'case.assign' } },
    schema: { tags: ['cases'], params: userParams },
    handler: async (request, reply) => {
      await db.transaction((tx) => unassignUser(tx, actorOf(request), auditContextOf(request), request.params.id, request.params.userId));
      return reply.status(204).send();
    },
  });

  app.get('/api/cases/:id/notes', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: z.object({ items: z.array(caseNote) }) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { items: await listNotes(tx, ctx.keyring, row.id) };
      }),
  });

  app.post('/api/cases/:id/notes', {
    config: { access: { action: 'case.update' } },
    schema: { tags: ['cases'], params: caseIdParams, body: noteBody, response: { 201: z.object({ id: z.string().uuid() }) } },
    handler: async (request, reply) => {
      const id = await db.transaction((tx) => addNote(tx, ctx.keyring, actorOf(request), auditContextOf(request), request.params.id, request.body.body));
      return reply.status(201).send({ id });
    },
  });

  app.get('/api/cases/:id/events', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: z.object({ items: z.array(traffickingEvent) }) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { items: await listTraffickingEvents(tx, ctx.keyring, row.id) };
      }),
  });

  app.post('/api/cases/:id/events', {
    config: { access: { action: 'case.update' } },
    schema: { tags: ['cases'], params: caseIdParams, body: eventBody, response: { 201: z.object({ id: z.string().uuid() }) } },
    handler: async (request, reply) => {
      const id = await db.transaction((tx) => addTraffickingEvent(tx, ctx.keyring, actorOf(request), auditContextOf(request), request.params.id, request.body));
      return reply.status(201).send({ id });
    },
  });

  app.get('/api/cases/:id/consents', {
    config: { access: { action: 'case.read' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: z.object({ items: z.array(consent) }) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actorOf(request), 'case.read', request.params.id);
        return { items: await listConsents(tx, row.id) };
      }),
  });

  app.post('/api/cases/:id/consents', {
    config: { access: { action: 'case.consent' } },
    schema: { tags: ['cases'], params: caseIdParams, body: giveConsentBody, response: { 201: z.object({ items: z.array(consent) }) } },
    handler: async (request, reply) => {
      const items = await db.transaction(async (tx) => {
        await giveConsent(tx, actorOf(request), auditContextOf(request), request.params.id, request.body);
        return listConsents(tx, request.params.id);
      });
      return reply.status(201).send({ items });
    },
  });

  app.post('/api/cases/:id/consents/:consentId/revoke', {
    config: { access: { action: 'case.consent' } },
    schema: { tags: ['cases'], params: consentParams, response: { 200: z.object({ items: z.array(consent) }) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        await revokeConsent(tx, actorOf(request), auditContextOf(request), request.params.id, request.params.consentId);
        return { items: await listConsents(tx, request.params.id) };
      }),
  });

  app.get('/api/cases/:id/attachments', {
    config: { access: { action: 'case.readAttachment' } },
    schema: { tags: ['cases'], params: caseIdParams, response: { 200: z.object({ items: z.array(attachment) }) } },
    handler: async (request) =>
      db.transaction(async (tx) => {
        const row = await loadCaseInScope(tx, actorOf(request), 'case.readAttachment', request.params.id);
        return { items: await listAttachments(tx, ctx.keyring, row.id) };
      }),
  });

  app.post('/api/cases/:id/attachments', {
    config: { access: { action: 'case.attach' } },
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    schema: { tags: ['cases'], params: caseIdParams, body: attachmentUploadBody, response: { 201: z.object({ id: z.string().uuid() }) } },
    handler: async (request, reply) => {
      const id = await db.transaction((tx) => addAttachment(tx, ctx.keyring, actorOf(request), auditContextOf(request), request.params.id, request.body));
      return reply.status(201).send({ id });
    },
  });

  app.get('/api/cases/:id/attachments/:attachmentId', {
    config: { access: { action: 'case.readAttachment' } },
    schema: { tags: ['cases'], params: attachmentParams },
    handler: async (request, reply) => {
      const file = await db.transaction((tx) =>
        readAttachment(tx, ctx.keyring, actorOf(request), auditContextOf(request), request.params.id, request.params.attachmentId),
      );
      // Served as a download, never rendered inline in the app's origin.
      const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  });
}
