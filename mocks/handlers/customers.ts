/** The current user, reference lists and customers: search, read, change, sub-customers (creating one: `customer-create.ts`). */
import {
  CUSTOMER_FIELD_GROUPS, CUSTOMER_GROUP_CAPABILITY,
  type CustomerFieldGroup, type CustomerPatch, type CustomerSearchQuery, type FieldChange, type FieldError, type Money,
} from '../../src/sdk/schemas.js';
import { changed, customerValue, secret } from '../data/changes.js';
import type { CustomerRecord, Database } from '../data/database.js';
import {
  etag, formatMoney, loadCustomer, requireCapability, systemNote,
  type HandlerContext, type ResourceDef,
} from './context.js';
import { paginate, type PageQuery } from './paging.js';
import { negotiateLanguage } from './language.js';
import { localizeReference } from '../data/reference.js';
import { REFERENCE_LANGUAGES } from '../../src/sdk/contract.js';
import { invalid } from './problem.js';

/** A salted-hash stand-in (FNV-1a): the mock never keeps a password as given, and never serves it. */
export function hashPassword(password: string, salt: string): string {
  let h = 0x811c9dc5;
  const text = `${salt}:${password}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `fnv1a$${salt}$${(h >>> 0).toString(16)}`;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  tradingName: 'Trading name',
  salesChannelId: 'Sales channel',
  type: 'Customer type',
  bankAccountId: 'Default bank account',
  accountsReference: 'Accounts reference',
  vatExempt: 'EU VAT exempt',
  onHold: 'Account on hold',
  eori: 'EORI',
  creditLimit: 'Credit limit',
  paymentTermsId: 'Payment terms',
  username: 'Username',
  password: 'Password',
  email: 'Email',
  telephone: 'Telephone',
  mobile: 'Mobile',
  fax: 'Fax',
};

/** A field's value as a person reads it: names instead of ids, Yes/No, formatted money. */
export function displayValue(db: Database, field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ref = db.reference;
  switch (field) {
    case 'salesChannelId':
      return ref.salesChannels.find((c) => c.id === value)?.name ?? String(value);
    case 'paymentTermsId':
      return ref.paymentTerms.find((t) => t.id === value)?.name ?? String(value);
    case 'bankAccountId':
      return ref.bankAccounts.find((b) => b.id === value)?.name ?? String(value);
    case 'type':
      return ref.customerTypes.find((t) => t.id === value)?.name ?? String(value);
    case 'creditLimit':
      return formatMoney(value as Money);
    default:
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      return String(value);
  }
}

function changeText(label: string, from: string | null, to: string | null): string {
  if (from === null) return `${label} set to ${to}`;
  if (to === null) return `${label} cleared (was ${from})`;
  return `${label} changed from ${from} to ${to}`;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Unknown ids of reference lists are field errors, like any other invalid value. */
export function referenceErrors(db: Database, input: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const ref = db.reference;
  if (typeof input.salesChannelId === 'string' && !ref.salesChannels.some((c) => c.id === input.salesChannelId)) {
    errors.push({ field: 'salesChannelId', message: 'Choose a sales channel from the list.', code: 'unknown_reference' });
  }
  if (typeof input.paymentTermsId === 'string' && !ref.paymentTerms.some((t) => t.id === input.paymentTermsId)) {
    errors.push({ field: 'paymentTermsId', message: 'Choose payment terms from the list.', code: 'unknown_reference' });
  }
  if (typeof input.bankAccountId === 'string' && !ref.bankAccounts.some((b) => b.id === input.bankAccountId)) {
    errors.push({ field: 'bankAccountId', message: 'Choose a bank account from the list.', code: 'unknown_reference' });
  }
  return errors;
}

const GROUP_OF_FIELD = new Map<string, CustomerFieldGroup>(
  (Object.entries(CUSTOMER_FIELD_GROUPS) as Array<[CustomerFieldGroup, readonly string[]]>)
    .flatMap(([group, fields]) => fields.map((f) => [f, group] as const)),
);

const customerBody = (db: Database, record: CustomerRecord) => ({
  body: db.toCustomer(record),
  headers: { ETag: etag(record.version) },
});

function listQuery(ctx: HandlerContext): PageQuery {
  const q = ctx.query as PageQuery;
  return { cursor: q.cursor, limit: q.limit };
}

export const customerResources = {
  'me.get': {
    handle: (ctx) => ({
      body: { user: { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email }, capabilities: [...ctx.user.capabilities] },
    }),
  },

  'reference.get': {
    handle(ctx) {
      const language = negotiateLanguage(ctx.request.headers.get('accept-language'), REFERENCE_LANGUAGES);
      return {
        body: localizeReference(ctx.db.reference, language),
        headers: { 'Content-Language': language, Vary: 'Accept-Language' },
      };
    },
  },

  'customers.search': {
    handle(ctx) {
      const { q, criterion, segment, initial } = ctx.query as CustomerSearchQuery;
      const filters = { q: q?.trim() || undefined, criterion, segment, initial };
      const found = ctx.db.searchCustomers(filters);
      const page = paginate(found, listQuery(ctx), 'customers', filters);
      return { body: { ...page, items: page.items.map((c) => ctx.db.toSummary(c)) } };
    },
  },

  'customers.get': {
    handle: (ctx) => customerBody(ctx.db, loadCustomer(ctx)),
  },

  'customers.update': {
    version: (ctx) => loadCustomer(ctx).version,
    handle(ctx) {
      const current = loadCustomer(ctx);
      const patch = ctx.body as CustomerPatch;
      const fields = Object.keys(patch) as Array<keyof CustomerPatch>;
      // Every touched group needs its capability; the first missing one is reported.
      for (const field of fields) {
        const group = GROUP_OF_FIELD.get(field);
        if (group) requireCapability(ctx, CUSTOMER_GROUP_CAPABILITY[group], `Changing ${FIELD_LABELS[field]?.toLowerCase() ?? field} needs the "${CUSTOMER_GROUP_CAPABILITY[group]}" capability.`);
      }
      const errors = referenceErrors(ctx.db, patch as Record<string, unknown>);
      if (errors.length) throw invalid(errors);

      const changes: Partial<CustomerRecord> = {};
      const notes: Array<{ text: string; change: FieldChange }> = [];
      for (const field of fields) {
        const value = patch[field];
        if (field === 'password') {
          changes.passwordHash = hashPassword(String(value), `${current.id}.${ctx.now}`);
          changes.hasPassword = true;
          notes.push({ text: 'Password changed', change: secret('password') });
          continue;
        }
        const before = (current as unknown as Record<string, unknown>)[field];
        if (sameValue(before, value)) continue;
        (changes as Record<string, unknown>)[field] = value;
        const from = displayValue(ctx.db, field, before);
        const to = displayValue(ctx.db, field, value);
        notes.push({ text: changeText(FIELD_LABELS[field] ?? field, from, to), change: changed(field, customerValue(field, before), customerValue(field, value)) });
      }
      if (Object.keys(changes).length === 0) return customerBody(ctx.db, current);
      const updated = ctx.db.updateCustomer(current.id, changes);
      for (const n of notes) systemNote(ctx, current.id, n.text, [n.change]);
      return customerBody(ctx.db, updated);
    },
  },

  'customers.subCustomers': {
    handle(ctx) {
      const agent = loadCustomer(ctx);
      const subs = ctx.db.subCustomers(agent.id);
      const page = paginate(subs, listQuery(ctx), `sub-customers:${agent.id}`, {});
      return { body: { ...page, items: page.items.map((c) => ctx.db.toSummary(c)) } };
    },
  },
} satisfies Record<string, ResourceDef>;

