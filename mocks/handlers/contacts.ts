/** The people at a customer. */
import type { Contact, ContactInput, ContactPatch } from '../../src/sdk/schemas.js';
import { changed, textValue } from '../data/changes.js';
import { etag, loadCustomer, param, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { notFound } from './problem.js';

function loadContact(ctx: HandlerContext): Contact {
  const customer = loadCustomer(ctx);
  const id = param(ctx, 'contactId');
  const contact = ctx.db.getContact(id);
  if (!contact || contact.customerId !== customer.id) throw notFound('contact', id);
  return contact;
}

const describe = (c: Pick<Contact, 'name' | 'role'>) => (c.role ? `${c.name} (${c.role})` : c.name);

export const contactResources = {
  'contacts.list': {
    handle: (ctx) => ({ body: ctx.db.contactsOf(loadCustomer(ctx).id) }),
  },

  'contacts.create': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as ContactInput & { name: string };
      const contact = ctx.db.createContact(customer.id, {
        name: input.name,
        role: input.role ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
      });
      systemNote(ctx, customer.id, `Contact added: ${describe(contact)}`, [changed('contacts', null, textValue(describe(contact)))]);
      return {
        body: contact,
        headers: {
          ETag: etag(contact.version),
          Location: `${ctx.baseUrl}/customers/${encodeURIComponent(customer.id)}/contacts/${encodeURIComponent(contact.id)}`,
        },
      };
    },
  },

  'contacts.update': {
    version: (ctx) => loadContact(ctx).version,
    handle(ctx) {
      const current = loadContact(ctx);
      const before = describe(current);
      const patch = ctx.body as ContactPatch;
      const changes: Partial<Contact> = {};
      for (const [k, value] of Object.entries(patch)) {
        if ((current as unknown as Record<string, unknown>)[k] !== (value ?? null)) (changes as Record<string, unknown>)[k] = value ?? null;
      }
      // Nothing differs: no new version, no history entry.
      if (Object.keys(changes).length === 0) return { body: current, headers: { ETag: etag(current.version) } };
      const updated = ctx.db.updateContact(current.id, changes);
      systemNote(ctx, current.customerId, `Contact changed: ${before}${describe(updated) === before ? '' : ` → ${describe(updated)}`}`, [changed('contacts', textValue(before), textValue(describe(updated)))]);
      return { body: updated, headers: { ETag: etag(updated.version) } };
    },
  },

  'contacts.delete': {
    handle(ctx) {
      const contact = loadContact(ctx);
      ctx.db.deleteContact(contact.id);
      systemNote(ctx, contact.customerId, `Contact removed: ${describe(contact)}`, [changed('contacts', textValue(describe(contact)), null)]);
      return { status: 204 };
    },
  },
} satisfies Record<string, ResourceDef>;
