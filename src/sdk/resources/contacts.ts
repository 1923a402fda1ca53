import type { Core } from '../core.js';
import type { Contact, ContactInput, ContactPatch } from '../schemas.js';
import { tags } from '../tags.js';
import type { ReadOptions, VersionedWriteOptions, WriteOptions } from './types.js';

export function contactsResource(core: Core) {
  // Contact changes are recorded as system notes.
  const changed = (customerId: string) => core.commit({ invalidate: [tags.contacts(customerId), tags.notes(customerId)] });

  return {
    /** The people at a customer. */
    list(customerId: string, opts?: ReadOptions): Promise<Contact[]> {
      return core.read('contacts.list', { customerId }, undefined, [tags.contacts(customerId)], opts);
    },
    async create(customerId: string, body: ContactInput, opts?: WriteOptions): Promise<Contact> {
      const contact = await core.call('contacts.create', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
      return contact;
    },
    async update(customerId: string, contactId: string, patch: ContactPatch, opts: VersionedWriteOptions): Promise<Contact> {
      const contact = await core.call('contacts.update', { customerId, contactId }, { body: patch, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      changed(customerId);
      return contact;
    },
    async delete(customerId: string, contactId: string, opts?: WriteOptions): Promise<void> {
      await core.call('contacts.delete', { customerId, contactId }, { signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
    },
  };
}
