/**
 * Adding a customer: the create (customer, first address and contacts in one write, all checked
 * before anything is written) and the duplicate check the add-customer form asks while the user types.
 */
import { ADDRESS_ROLES, type CustomerCreate, type DuplicateMatch, type DuplicateQuery, type DuplicateReason, type FieldError } from '../../src/sdk/schemas.js';
import { defaultPaymentTermsId } from '../../src/sdk/customer-rules.js';
import { normalisePostcode as formatPostcode, validateAddress } from '../../src/sdk/validation.js';
import { changed, textValue } from '../data/changes.js';
import type { CustomerRecord } from '../data/database.js';
import { nameTokens, normaliseExact, normalisePostcode } from '../data/search-index.js';
import { etag, systemNote, type ResourceDef } from './context.js';
import { hashPassword, referenceErrors } from './customers.js';
import { HttpError, invalid } from './problem.js';

/** Words that say what kind of company it is, not which: "Acme Ltd" and "ACME Limited" are alike. */
const COMPANY_WORDS = new Set(['ltd', 'limited', 'plc', 'llp', 'llc', 'inc', 'co', 'company', 'the', 'and', 'gmbh', 'sa', 'bv', 'uk']);

/** The words of a name that tell it apart, joined: "The Acme Co. Ltd" → "acme". */
export function nameKey(name: string): string {
  return nameTokens(name.replace(/&/g, ' and ')).filter((t) => !COMPANY_WORDS.has(t)).join(' ');
}

/** Edit distance with adjacent swaps (optimal string alignment), stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether two names are alike: the same once case, punctuation and company words are set aside;
 * one contains the other word for word; or they differ by a typing slip (one edit in a short name,
 * two in a longer one).
 */
export function similarNames(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length >= 3 && ` ${long} `.includes(` ${short} `)) return true;
  const slips = long.length > 8 ? 2 : 1;
  return distance(ka, kb, slips) <= slips;
}

const MAX_MATCHES = 5;

export const customerCreateResources = {
  'customers.duplicates': {
    handle(ctx) {
      const q = ctx.query as DuplicateQuery;
      const email = normaliseExact(q.email ?? '');
      const postcode = normalisePostcode(q.postcode ?? '');
      const name = (q.name ?? '').trim();
      const reasons = new Map<string, Set<DuplicateReason>>();
      const add = (id: string, reason: DuplicateReason) => {
        const set = reasons.get(id) ?? new Set<DuplicateReason>();
        set.add(reason);
        reasons.set(id, set);
      };
      // An address that is not one yet ("a@") matches nothing: only a whole, equal address counts.
      if (email.includes('@')) {
        for (const r of ctx.db.searchCustomers({ q: email, criterion: 'email' })) {
          if (r.email && normaliseExact(r.email) === email) add(r.id, 'email');
        }
      }
      if (postcode.length >= 3 && name !== '') {
        for (const r of ctx.db.searchCustomers({ q: postcode, criterion: 'postcode' })) {
          const theirs = ctx.db.toSummary(r).postcode;
          if (!theirs || normalisePostcode(theirs) !== postcode) continue;
          if (similarNames(name, r.name) || (r.tradingName !== null && similarNames(name, r.tradingName))) add(r.id, 'postcodeName');
        }
      }
      const items: DuplicateMatch[] = [...reasons]
        .map(([id, set]) => ({ record: ctx.db.getCustomer(id)!, why: DUPLICATE_ORDER.filter((r) => set.has(r)) }))
        // A shared email is the stronger sign; then both reasons before one; then by name.
        .sort((a, b) => b.why.length - a.why.length || rank(a.why) - rank(b.why) || a.record.name.localeCompare(b.record.name))
        .slice(0, MAX_MATCHES)
        .map(({ record, why }) => ({ customer: ctx.db.toSummary(record), reasons: why }));
      return { body: { items } };
    },
  },

  'customers.create': {
    handle(ctx) {
      const input = ctx.body as CustomerCreate & { name: string };
      const db = ctx.db;
      const errors: FieldError[] = referenceErrors(db, input as Record<string, unknown>);
      if (input.agentId) {
        const agent = db.getCustomer(input.agentId);
        if (!agent || agent.type !== 'agent') errors.push({ field: 'agentId', message: 'Choose an agent customer.', code: 'unknown_reference' });
      }
      const address = input.address;
      if (address) {
        const postcodeRequired = db.reference.countries.filter((c) => c.postcodeRequired).map((c) => c.code);
        const found = validateAddress(address, { postcodeRequired });
        if (!found.some((e) => e.field === 'country') && !db.reference.countries.some((c) => c.code === address.country)) {
          found.push({ field: 'country', message: 'Choose a country from the list.', code: 'unknown_reference' });
        }
        errors.push(...found.map((e) => ({ ...e, field: `address.${e.field}` })));
      }
      // Everything is checked before anything is written: a refusal leaves no half customer.
      if (errors.length) throw invalid(errors);
      const terms = input.paymentTermsId ?? defaultPaymentTermsId(db.reference, input.salesChannelId);
      if (!terms) throw new HttpError(500, { detail: 'The reference data has no payment terms.' });
      const channel = db.reference.salesChannels.find((c) => c.id === input.salesChannelId)!;
      const origin: CustomerRecord['origin'] = channel.kind === 'trade' ? 'manual' : channel.kind;
      const record = db.createCustomer({
        name: input.name,
        tradingName: input.tradingName ?? null,
        salesChannelId: input.salesChannelId,
        origin,
        type: input.type,
        agentId: input.agentId ?? null,
        bankAccountId: input.bankAccountId ?? null,
        accountsReference: input.accountsReference ?? null,
        vatExempt: input.vatExempt ?? false,
        onHold: false,
        eori: input.eori ?? null,
        creditLimit: input.creditLimit ?? { amountMinor: 0, currency: 'GBP' },
        paymentTermsId: terms,
        username: input.username ?? null,
        hasPassword: input.password !== undefined,
        passwordHash: input.password === undefined ? null : hashPassword(input.password, `new.${ctx.now}`),
        email: input.email ?? null,
        telephone: input.telephone ?? null,
        mobile: input.mobile ?? null,
        fax: input.fax ?? null,
        ebayUserId: null,
      });
      if (address) {
        db.createAddress(record.id, {
          label: address.label ?? null,
          recipient: address.recipient ?? null,
          line1: address.line1,
          line2: address.line2 ?? null,
          city: address.city,
          region: address.region ?? null,
          postcode: address.postcode ? formatPostcode(address.postcode, address.country) : null,
          country: address.country,
          // The only address: it receives everything unless told otherwise.
          roles: address.roles ? ADDRESS_ROLES.filter((r) => address.roles!.includes(r)) : [...ADDRESS_ROLES],
        });
      }
      for (const contact of input.contacts ?? []) {
        db.createContact(record.id, { name: contact.name, role: contact.role ?? null, email: contact.email ?? null, phone: contact.phone ?? null });
      }
      systemNote(ctx, record.id, `Customer created by ${ctx.actor.name}`, [changed('customer', null, textValue(record.name))]);
      const saved = db.getCustomer(record.id)!;
      return {
        body: db.toCustomer(saved),
        headers: { ETag: etag(saved.version), Location: `${ctx.baseUrl}/customers/${encodeURIComponent(saved.id)}` },
      };
    },
  },
} satisfies Record<string, ResourceDef>;

const DUPLICATE_ORDER: readonly DuplicateReason[] = ['email', 'postcodeName'];
const rank = (reasons: readonly DuplicateReason[]) => DUPLICATE_ORDER.indexOf(reasons[0]!);


