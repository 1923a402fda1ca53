import type { Core } from '../core.js';
import { paginate } from '../paginate.js';
import type { Note, NoteInput, Page } from '../schemas.js';
import { tags } from '../tags.js';
import type { IterateOptions, ReadOptions, WriteOptions } from './types.js';

/** Which notes, and paging. */
export interface NoteQuery {
  source?: 'all' | 'manual' | 'system';
  cursor?: string;
  limit?: number;
}

export function notesResource(core: Core) {
  const changed = (customerId: string) => core.commit({ invalidate: [tags.notes(customerId)] });

  return {
    /** One page of notes: pinned first, then newest first. */
    list(customerId: string, query: NoteQuery = {}, opts?: ReadOptions): Promise<Page<Note>> {
      return core.read('notes.list', { customerId }, query, [tags.notes(customerId)], opts);
    },
    /** Every note of a customer (not cached). */
    listAll(customerId: string, query: Omit<NoteQuery, 'cursor'> = {}, opts?: IterateOptions): AsyncIterable<Note> {
      return paginate((cursor, signal) => core.call('notes.list', { customerId }, { query: { ...query, cursor }, signal }), opts?.signal);
    },
    /** Add a manual note, recorded against the signed-in user. */
    async create(customerId: string, body: NoteInput, opts?: WriteOptions): Promise<Note> {
      const note = await core.call('notes.create', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
      return note;
    },
    /** Pin or unpin a note. */
    async pin(customerId: string, noteId: string, pinned: boolean, opts?: WriteOptions): Promise<Note> {
      const note = await core.call('notes.update', { customerId, noteId }, { body: { pinned }, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
      return note;
    },
    /** Mark a manual note removed; the removal is itself recorded. Returns the removed note. */
    async remove(customerId: string, noteId: string, opts?: WriteOptions): Promise<Note> {
      const note = await core.call('notes.remove', { customerId, noteId }, { signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
      return note;
    },
  };
}
