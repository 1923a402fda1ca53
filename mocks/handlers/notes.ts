/** Notes (pinned first, newest first), and the watch-list note that stays with the customer. */
import type { Note, NoteInput, WatchList } from '../../src/sdk/schemas.js';
import { changed, textValue } from '../data/changes.js';
import { loadCustomer, param, requireCapability, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { paginate, type PageQuery } from './paging.js';
import { conflict, invalid, notFound } from './problem.js';

function loadNote(ctx: HandlerContext): Note {
  const customer = loadCustomer(ctx);
  const id = param(ctx, 'noteId');
  const note = ctx.db.getNote(id);
  if (!note || note.customerId !== customer.id) throw notFound('note', id);
  return note;
}

const excerpt = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const noteResources = {
  'notes.list': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { source = 'all', cursor, limit } = ctx.query as PageQuery & { source?: 'all' | 'manual' | 'system' };
      // Stored newest first; a stable partition keeps that order within pinned and unpinned.
      const all = ctx.db.notesOf(customer.id);
      const filtered = source === 'all' ? all : all.filter((n) => n.source === source);
      const ordered = [...filtered.filter((n) => n.pinned), ...filtered.filter((n) => !n.pinned)];
      return { body: paginate(ordered, { cursor, limit }, `notes:${customer.id}`, { source }) };
    },
  },

  'notes.create': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as NoteInput & { text: string };
      if (input.pinned) requireCapability(ctx, 'notes.pin', 'Pinning a note needs the "notes.pin" capability.');
      const note = ctx.db.addNote({
        customerId: customer.id,
        source: 'manual',
        kind: input.kind ?? 'general',
        text: input.text,
        pinned: input.pinned ?? false,
        author: ctx.actor,
        createdAt: ctx.now,
        changes: [],
        removed: null,
      });
      return {
        body: note,
        headers: { Location: `${ctx.baseUrl}/customers/${encodeURIComponent(customer.id)}/notes/${encodeURIComponent(note.id)}` },
      };
    },
  },

  'notes.update': {
    handle(ctx) {
      const note = loadNote(ctx);
      const { pinned } = ctx.body as { pinned: boolean };
      if (note.pinned === pinned) return { body: note };
      // notes.update documents 422 (not 409): the value is what cannot be accepted for this note.
      if (note.removed) throw invalid([{ field: 'pinned', message: 'A removed note cannot be pinned.', code: 'invalid_state' }]);
      return { body: ctx.db.updateNote(note.id, { pinned }) };
    },
  },

  'notes.remove': {
    handle(ctx) {
      const note = loadNote(ctx);
      if (note.source === 'system') throw conflict('System notes are the customer\'s history and cannot be removed.');
      if (note.removed) throw conflict('This note has already been removed.');
      const removed = ctx.db.updateNote(note.id, { removed: { at: ctx.now, by: ctx.actor }, pinned: false });
      systemNote(ctx, note.customerId, `Note removed: "${excerpt(note.text)}"`, [changed('note', textValue(excerpt(note.text, 200)), null)]);
      return { body: removed };
    },
  },

  'watchList.get': {
    handle: (ctx) => ({ body: ctx.db.watchListOf(loadCustomer(ctx).id) }),
  },

  'watchList.set': {
    version: (ctx) => ctx.db.watchListOf(loadCustomer(ctx).id).version,
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { note } = ctx.body as { note: string };
      const before = ctx.db.watchListOf(customer.id);
      if (before.active && before.note === note) return { body: before };
      const value: Omit<WatchList, 'version'> = { customerId: customer.id, active: true, note, updatedAt: ctx.now, updatedBy: ctx.actor };
      const saved = ctx.db.setWatchList(customer.id, value);
      if (!ctx.db.getCustomer(customer.id)?.watchListed) ctx.db.updateCustomer(customer.id, { watchListed: true });
      if (before.active) {
        systemNote(ctx, customer.id, `Watch-list note changed from "${excerpt(before.note ?? '')}" to "${excerpt(note)}"`, [changed('watchList', textValue(before.note), textValue(note))]);
      } else {
        systemNote(ctx, customer.id, `Added to the watch list: "${excerpt(note)}"`, [changed('watchList', null, textValue(note))]);
      }
      return { body: saved };
    },
  },

  'watchList.clear': {
    version: (ctx) => ctx.db.watchListOf(loadCustomer(ctx).id).version,
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const before = ctx.db.watchListOf(customer.id);
      if (!before.active) return { body: before };
      const saved = ctx.db.setWatchList(customer.id, {
        customerId: customer.id, active: false, note: null, updatedAt: ctx.now, updatedBy: ctx.actor,
      });
      if (ctx.db.getCustomer(customer.id)?.watchListed) ctx.db.updateCustomer(customer.id, { watchListed: false });
      systemNote(ctx, customer.id, `Removed from the watch list (the note was "${excerpt(before.note ?? '')}")`, [changed('watchList', textValue(before.note), null)]);
      return { body: saved };
    },
  },
} satisfies Record<string, ResourceDef>;
