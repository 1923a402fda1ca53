/**
 * Builders for the typed changes a system note carries (see `FieldChange` in the contract): the
 * mocks record values as data, never as English display text, so every reader can show them in
 * its own language.
 */
import type { ChangeEnumKind, ChangeReferenceKind, ChangeValue, FieldChange, Money } from '../../src/sdk/schemas.js';

export const textValue = (value: string | null | undefined): ChangeValue | null =>
  value === null || value === undefined || value === '' ? null : { type: 'text', text: value };
export const money = (value: Money | null | undefined): ChangeValue | null => (value ? { type: 'money', money: { ...value } } : null);
export const bool = (value: boolean): ChangeValue => ({ type: 'boolean', value });
export const num = (value: number): ChangeValue => ({ type: 'number', value });
export const date = (value: string | null | undefined): ChangeValue | null => (value ? { type: 'date', date: value } : null);
export const ref = (kind: ChangeReferenceKind, id: string | null | undefined): ChangeValue | null => (id ? { type: 'reference', kind, id } : null);
export const members = (kind: ChangeEnumKind, values: readonly string[]): ChangeValue => ({ type: 'enum', kind, values: [...values] });

/** One field's change; `subject` names the record when it is not the customer (an address, an order). */
export function changed(field: string, from: ChangeValue | null, to: ChangeValue | null, subject?: string): FieldChange {
  return subject === undefined ? { field, from, to } : { field, subject, from, to };
}

/** A secret field changed: the note says so and carries no value at all. */
export const secret = (field: string): FieldChange => ({ field, secret: true });

/** The reference list each id field of a customer points into. */
const REFERENCE_FIELDS: Record<string, ChangeReferenceKind> = {
  salesChannelId: 'salesChannel',
  paymentTermsId: 'paymentTerms',
  bankAccountId: 'bankAccount',
};

/** A customer field's value, typed by the field it belongs to. */
export function customerValue(field: string, value: unknown): ChangeValue | null {
  if (value === null || value === undefined || value === '') return null;
  const kind = REFERENCE_FIELDS[field];
  if (kind) return ref(kind, String(value));
  if (field === 'type') return members('customerType', [String(value)]);
  if (field === 'creditLimit') return money(value as Money);
  if (typeof value === 'boolean') return bool(value);
  if (typeof value === 'number') return num(value);
  return textValue(String(value));
}
