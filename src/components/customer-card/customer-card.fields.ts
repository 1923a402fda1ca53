/**
 * The card's edit forms as data: which fields each sub-section edits, how a customer becomes form
 * values and form values become a patch, and the checks run where the user types.
 *
 * The checks reuse the request schemas of `src/sdk/schemas.ts` (the ones the server validates
 * with), so the card can never accept what the server refuses or refuse what it accepts; only the
 * message is the card's own, localised.
 */
import * as v from 'valibot';
import {
  ContactInput,
  CustomerPatch,
  type Contact,
  type ContactInput as ContactInputType,
  type Customer,
  type CustomerFieldGroup,
  type CustomerPatch as CustomerPatchType,
  type Reference,
} from '../../sdk/schemas.js';
import { currencyDigits } from '../shared/format.js';
import { fieldLimit, isOverLimit, type TextLimit } from '../shared/limits.js';
import type { CardLabelKey } from './customer-card.messages.js';
import { enumName } from '../shared/terms.js';

export type FieldKind = 'text' | 'email' | 'tel' | 'select' | 'checkbox' | 'money' | 'password';

export interface SelectOption {
  value: string;
  label: string;
}

export interface FieldDef {
  /** The key in the patch (and in the server's field errors). */
  name: string;
  kind: FieldKind;
  label: CardLabelKey;
  /** Empty text is sent as `null`. */
  nullable?: boolean;
  required?: boolean;
  autocomplete?: string;
  hint?: CardLabelKey;
  /** The message when the schema refuses the value. */
  invalid?: CardLabelKey;
  /** Select options from the reference lists; `none` adds an empty choice. */
  options?: (reference: Reference, locale: string) => SelectOption[];
  none?: boolean;
}

export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

/** The forms the card opens: one per customer field group, plus contacts. */
export type ContactFormKey = `contact:${string}`;
export type FormKey = CustomerFieldGroup | ContactFormKey;
export const NEW_CONTACT: ContactFormKey = 'contact:new';

export const GROUP_FIELDS: Record<CustomerFieldGroup, FieldDef[]> = {
  identity: [
    { name: 'name', kind: 'text', label: 'customer.name', required: true, autocomplete: 'off', invalid: 'invalid.name' },
    { name: 'tradingName', kind: 'text', label: 'customer.tradingName', nullable: true, autocomplete: 'off' },
  ],
  channel: [
    {
      name: 'salesChannelId', kind: 'select', label: 'customer.salesChannelId', required: true,
      options: (ref) => ref.salesChannels.map((c) => ({ value: c.id, label: c.name })),
    },
  ],
  company: [
    {
      name: 'type', kind: 'select', label: 'customer.type', required: true,
      // The catalogue names the types (the library owns them); the server's labels do not win.
      options: (ref, locale) => ref.customerTypes.map((t) => ({ value: t.id, label: enumName(locale, 'customerType', t.id) ?? t.name })),
    },
    {
      name: 'bankAccountId', kind: 'select', label: 'customer.bankAccountId', nullable: true, none: true,
      options: (ref) => ref.bankAccounts.map((b) => ({ value: b.id, label: `${b.name} (${b.sortCode}, ••••${b.accountNumberLast4})` })),
    },
    { name: 'accountsReference', kind: 'text', label: 'customer.accountsReference', nullable: true, autocomplete: 'off' },
    { name: 'vatExempt', kind: 'checkbox', label: 'customer.vatExempt' },
    { name: 'onHold', kind: 'checkbox', label: 'customer.onHold' },
    { name: 'eori', kind: 'text', label: 'customer.eori', nullable: true, autocomplete: 'off', hint: 'hint.eori', invalid: 'invalid.eori' },
    { name: 'creditLimit', kind: 'money', label: 'customer.creditLimit', required: true, invalid: 'invalid.money' },
  ],
  terms: [
    {
      name: 'paymentTermsId', kind: 'select', label: 'customer.paymentTermsId', required: true,
      options: (ref) => ref.paymentTerms.map((p) => ({ value: p.id, label: p.name })),
    },
  ],
  personal: [
    { name: 'username', kind: 'text', label: 'customer.username', nullable: true, autocomplete: 'off' },
    { name: 'password', kind: 'password', label: 'field.setPassword', autocomplete: 'new-password', hint: 'hint.password', invalid: 'invalid.password' },
    { name: 'email', kind: 'email', label: 'customer.email', nullable: true, autocomplete: 'off', invalid: 'invalid.email' },
    { name: 'telephone', kind: 'tel', label: 'customer.telephone', nullable: true, autocomplete: 'off' },
    { name: 'mobile', kind: 'tel', label: 'customer.mobile', nullable: true, autocomplete: 'off' },
    { name: 'fax', kind: 'tel', label: 'customer.fax', nullable: true, autocomplete: 'off' },
  ],
};

export const CONTACT_FIELDS: FieldDef[] = [
  { name: 'name', kind: 'text', label: 'field.contactName', required: true, autocomplete: 'off', invalid: 'invalid.name' },
  { name: 'role', kind: 'text', label: 'field.role', nullable: true, autocomplete: 'off' },
  { name: 'email', kind: 'email', label: 'customer.email', nullable: true, autocomplete: 'off', invalid: 'invalid.email' },
  { name: 'phone', kind: 'tel', label: 'field.phone', nullable: true, autocomplete: 'off' },
];

export const isContactKey = (key: FormKey): key is ContactFormKey => key.startsWith('contact:');

/** A text field's length limit, read from the request schema the server validates with. */
export function textLimitOf(key: FormKey, field: FieldDef): TextLimit | undefined {
  if (field.kind === 'checkbox' || field.kind === 'select' || field.kind === 'money') return undefined;
  return fieldLimit(isContactKey(key) ? ContactInput : CustomerPatch, field.name);
}

export function fieldsFor(key: FormKey): FieldDef[] {
  return isContactKey(key) ? CONTACT_FIELDS : GROUP_FIELDS[key];
}

function minorToInput(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  return (amountMinor / 10 ** digits).toFixed(digits);
}

/** The amount typed (dot or comma as the decimal mark) in minor units, or undefined when it is not one. */
export function inputToMinor(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency) ?? 2;
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  if (fraction.length > digits) return undefined;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** The form values showing a customer's current data for one group. */
export function customerFormValues(group: CustomerFieldGroup, customer: Customer): FormValues {
  const values: FormValues = {};
  for (const field of GROUP_FIELDS[group]) {
    if (field.name === 'password') values.password = '';
    else if (field.name === 'creditLimit') values.creditLimit = minorToInput(customer.creditLimit.amountMinor, customer.creditLimit.currency);
    else {
      const raw = (customer as unknown as Record<string, unknown>)[field.name];
      values[field.name] = field.kind === 'checkbox' ? raw === true : typeof raw === 'string' ? raw : '';
    }
  }
  return values;
}

export function contactFormValues(contact: Contact | undefined): FormValues {
  return {
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  };
}

function toWire(field: FieldDef, value: FormValue, currency: string): unknown {
  if (field.kind === 'checkbox') return value === true;
  const text = typeof value === 'string' ? value.trim() : '';
  if (field.kind === 'money') return { amountMinor: inputToMinor(text, currency) ?? Number.NaN, currency };
  if (field.name === 'eori') return text === '' ? null : text.toUpperCase();
  if (field.nullable && text === '') return null;
  return text;
}

/**
 * The patch for the fields the user changed (compared with `base`, what they started from), so
 * that a save never sends back a value the user did not touch.
 */
export function buildCustomerPatch(group: CustomerFieldGroup, values: FormValues, base: FormValues, currency: string): CustomerPatchType {
  const patch: Record<string, unknown> = {};
  for (const field of GROUP_FIELDS[group]) {
    const value = values[field.name] ?? '';
    if (field.name === 'password') {
      if (typeof value === 'string' && value !== '') patch.password = value;
      continue;
    }
    if (sameValue(field, value, base[field.name] ?? '', currency)) continue;
    patch[field.name] = toWire(field, value, currency);
  }
  return patch as CustomerPatchType;
}

export function buildContactInput(values: FormValues, base: FormValues | undefined): Partial<ContactInputType> {
  const input: Record<string, unknown> = {};
  for (const field of CONTACT_FIELDS) {
    const value = values[field.name] ?? '';
    if (base && sameValue(field, value, base[field.name] ?? '', '')) continue;
    const wire = toWire(field, value, '');
    if (!base && wire === null) continue;
    input[field.name] = wire;
  }
  return input as Partial<ContactInputType>;
}

function sameValue(field: FieldDef, a: FormValue, b: FormValue, currency: string): boolean {
  if (field.kind === 'checkbox') return a === b;
  if (field.kind === 'money') {
    const x = inputToMinor(String(a), currency);
    return x !== undefined && x === inputToMinor(String(b), currency);
  }
  const norm = (x: FormValue) => (typeof x === 'string' ? (field.name === 'eori' ? x.trim().toUpperCase() : x.trim()) : '');
  return norm(a) === norm(b);
}

/** True when the user changed anything in the form. */
export function isDirty(key: FormKey, values: FormValues, base: FormValues, currency: string): boolean {
  return fieldsFor(key).some((field) =>
    field.name === 'password' ? values.password !== '' : !sameValue(field, values[field.name] ?? '', base[field.name] ?? '', currency),
  );
}

/**
 * Check one field as the server would; returns the message key (and params) when it refuses it.
 */
export function checkField(
  key: FormKey,
  field: FieldDef,
  value: FormValue,
  currency: string,
): { key: CardLabelKey; params?: Record<string, string | number> } | undefined {
  if (field.kind === 'checkbox') return undefined;
  const text = typeof value === 'string' ? value : '';
  if (field.kind === 'select') return field.required && text === '' ? { key: 'invalid.required' } : undefined;
  if (field.kind === 'money') return inputToMinor(text, currency) === undefined ? { key: 'invalid.money' } : undefined;
  if (field.kind === 'password' && text === '') return undefined;
  if (field.required && text.trim() === '') return { key: field.invalid ?? 'invalid.generic' };
  const limit = textLimitOf(key, field);
  if (limit && isOverLimit(text, limit)) return { key: 'invalid.tooLong', params: { max: limit.max } };
  const entries = (isContactKey(key) ? ContactInput.entries : CustomerPatch.entries) as Record<string, v.GenericSchema>;
  const schema = entries[field.name];
  if (!schema) return undefined;
  const wire = toWire(field, value, currency);
  if (wire === null && !field.required) return undefined;
  return v.safeParse(schema, wire).success ? undefined : { key: field.invalid ?? 'invalid.generic' };
}
