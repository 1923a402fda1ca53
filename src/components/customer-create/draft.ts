/**
 * The add-customer form's draft: what the user typed, the request body made from it, the checks
 * made where the user types (the server's are the same words, see `validation.ts`), and where each
 * field's error is shown.
 */
import type { CustomerCreate as CustomerCreateBody, CustomerType } from '../../sdk/schemas.js';
import { normalisePostcode, validateAddress, type FieldError } from '../../sdk/validation.js';
import { isOverLimit, type TextLimit } from '../shared/limits.js';
import { ContactInputLimits, CustomerCreateLimits, FirstAddressInputLimits } from '../shared/limits.generated.js';
import type { CreateMessageKey } from './customer-create.messages.js';

export const CUSTOMER_TEXT_FIELDS = ['name', 'tradingName', 'accountsReference', 'eori', 'username', 'password', 'email', 'telephone', 'mobile', 'fax'] as const;
export type CustomerTextField = (typeof CUSTOMER_TEXT_FIELDS)[number];
export const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postcode', 'country', 'label'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export const CONTACT_FIELDS = ['name', 'role', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactDraft extends Record<ContactField, string> {
  /** Stable while rows are added and removed: ids and focus follow it. */
  key: number;
}

export interface Draft extends Record<CustomerTextField, string> {
  type: CustomerType;
  salesChannelId: string;
  paymentTermsId: string;
  /** The user chose the terms: a change of channel no longer changes them. */
  termsChosen: boolean;
  bankAccountId: string;
  vatExempt: boolean;
  address: Record<AddressField, string>;
  contacts: ContactDraft[];
}

export const OPTIONAL_CUSTOMER: ReadonlySet<string> = new Set(['tradingName', 'accountsReference', 'eori', 'username', 'password', 'email', 'telephone', 'mobile', 'fax', 'bankAccountId']);
export const OPTIONAL_ADDRESS: ReadonlySet<string> = new Set(['label', 'line2', 'region']);

/** Every text field's length limit, from the contract's request schemas. */
export const LIMITS: ReadonlyMap<string, TextLimit> = (() => {
  const limits = new Map<string, TextLimit>();
  const put = (key: string, limit: TextLimit | undefined) => limit && limits.set(key, limit);
  for (const f of CUSTOMER_TEXT_FIELDS) put(f, CustomerCreateLimits[f]);
  for (const f of ADDRESS_FIELDS) put(`address.${f}`, FirstAddressInputLimits[f]);
  for (const f of CONTACT_FIELDS) put(`contact.${f}`, ContactInputLimits[f]);
  return limits;
})();

/** The limit of a field by its error key (`name`, `address.city`, `contacts.<key>.email`). */
export function limitOf(key: string): TextLimit | undefined {
  const contact = /^contacts\.\d+\.(\w+)$/.exec(key);
  return LIMITS.get(contact ? `contact.${contact[1]}` : key);
}

export function emptyDraft(country: string, prefill: { name?: string; email?: string; postcode?: string } = {}): Draft {
  return {
    name: prefill.name ?? '', tradingName: '', accountsReference: '', eori: '', username: '', password: '',
    email: prefill.email ?? '', telephone: '', mobile: '', fax: '',
    type: 'public', salesChannelId: '', paymentTermsId: '', termsChosen: false, bankAccountId: '', vatExempt: false,
    address: { label: '', line1: '', line2: '', city: '', region: '', postcode: prefill.postcode ?? '', country },
    contacts: [],
  };
}

/** The id of a field's control in the shadow root, from its error key. */
export function controlId(key: string): string {
  return `f-${key.replace(/\./g, '-')}`;
}

const blank = (s: string) => s.trim() === '';
const orNull = (s: string): string | null => (blank(s) ? null : s.trim());
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EORI = /^[A-Z]{2}[0-9A-Z]{1,15}$/;

/** A contact row the user left entirely empty is not a contact. */
const isBlankContact = (c: ContactDraft) => CONTACT_FIELDS.every((f) => blank(c[f]));

/**
 * The form's own checks, keyed as the errors are shown (`name`, `address.postcode`,
 * `contacts.<row key>.email`), in the order of the form.
 */
export function checkDraft(draft: Draft, postcodeRequired: readonly string[], msg: (key: CreateMessageKey) => string): Map<string, string> {
  const errors = new Map<string, string>();
  const add = (key: string, message: string) => {
    if (!errors.has(key)) errors.set(key, message);
  };
  if (blank(draft.name)) add('name', msg('requiredName'));
  if (blank(draft.salesChannelId)) add('salesChannelId', msg('requiredChannel'));
  if (!blank(draft.eori) && !EORI.test(draft.eori.trim())) add('eori', msg('invalidEori'));
  if (draft.password !== '' && draft.password.length < 8) add('password', msg('shortPassword'));
  if (!blank(draft.email) && !EMAIL.test(draft.email.trim())) add('email', msg('invalidEmail'));
  for (const e of validateAddress(draft.address, { postcodeRequired })) add(`address.${e.field}`, e.message);
  for (const c of draft.contacts) {
    if (isBlankContact(c)) continue;
    if (blank(c.name)) add(`contacts.${c.key}.name`, msg('requiredContactName'));
    if (!blank(c.email) && !EMAIL.test(c.email.trim())) add(`contacts.${c.key}.email`, msg('invalidEmail'));
  }
  return errors;
}

/** Fields whose text is longer than the server accepts, keyed as errors are. */
export function overLimit(draft: Draft): string[] {
  const keys: string[] = [];
  for (const f of CUSTOMER_TEXT_FIELDS) if (isOverLimit(draft[f], limitOf(f))) keys.push(f);
  for (const f of ADDRESS_FIELDS) if (isOverLimit(draft.address[f], limitOf(`address.${f}`))) keys.push(`address.${f}`);
  for (const c of draft.contacts) for (const f of CONTACT_FIELDS) if (isOverLimit(c[f], limitOf(`contact.${f}`))) keys.push(`contacts.${c.key}.${f}`);
  return keys;
}

/** The request body, and which row each sent contact came from (the server names them by position). */
export function toBody(draft: Draft): { body: CustomerCreateBody; contactKeys: number[] } {
  const contacts = draft.contacts.filter((c) => !isBlankContact(c));
  const a = draft.address;
  const postcode = orNull(a.postcode);
  const body: CustomerCreateBody = {
    name: draft.name.trim(),
    tradingName: orNull(draft.tradingName),
    type: draft.type,
    salesChannelId: draft.salesChannelId,
    email: orNull(draft.email),
    telephone: orNull(draft.telephone),
    mobile: orNull(draft.mobile),
    fax: orNull(draft.fax),
    accountsReference: orNull(draft.accountsReference),
    eori: orNull(draft.eori),
    vatExempt: draft.vatExempt,
    username: orNull(draft.username),
    bankAccountId: orNull(draft.bankAccountId),
    address: {
      label: orNull(a.label), line1: a.line1.trim(), line2: orNull(a.line2), city: a.city.trim(), region: orNull(a.region),
      postcode: postcode === null ? null : normalisePostcode(postcode, a.country), country: a.country,
    },
    contacts: contacts.map((c) => ({ name: c.name.trim(), role: orNull(c.role), email: orNull(c.email), phone: orNull(c.phone) })),
  };
  if (draft.paymentTermsId) body.paymentTermsId = draft.paymentTermsId;
  if (draft.password !== '') body.password = draft.password;
  return { body, contactKeys: contacts.map((c) => c.key) };
}

/** The server's field errors, keyed as the form shows them (`contacts.1.email` → the row that was sent second). */
export function placeServerErrors(errors: readonly FieldError[], contactKeys: readonly number[]): Map<string, string> {
  const placed = new Map<string, string>();
  for (const e of errors) {
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(e.field);
    const key = contact ? `contacts.${contactKeys[Number(contact[1])] ?? contact[1]}.${contact[2]}` : e.field;
    if (!placed.has(key)) placed.set(key, e.message);
  }
  return placed;
}
