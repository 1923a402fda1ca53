/**
 * "What changed since you opened it" for the card's conflict flow: every shown field of a customer
 * or contact, labelled and formatted as the card shows it.
 */
import type { Contact, Customer, CustomerFieldGroup, Reference } from '../../sdk/schemas.js';
import { changedFields, type ChangeLine, type ShownField } from '../shared/conflict.js';
import { formatMoney } from '../shared/format.js';
import type { CardLabelKey } from './customer-card.messages.js';
import { CONTACT_FIELDS, GROUP_FIELDS } from './customer-card.fields.js';
import { enumName } from '../shared/terms.js';

export interface ChangeContext {
  m: (key: CardLabelKey, params?: Record<string, string | number>) => string;
  locale: string;
  reference: Reference | undefined;
}

function text(ctx: ChangeContext, value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : ctx.m('value.empty');
}

function optionName(ctx: ChangeContext, list: ReadonlyArray<{ id: string; name: string }> | undefined, id: string | null): string {
  if (id === null) return ctx.m('value.none');
  return list?.find((item) => item.id === id)?.name ?? id;
}

function showCustomer(ctx: ChangeContext, c: Customer, name: string): string {
  const ref = ctx.reference;
  switch (name) {
    case 'salesChannelId': return optionName(ctx, ref?.salesChannels, c.salesChannelId);
    case 'paymentTermsId': return optionName(ctx, ref?.paymentTerms, c.paymentTermsId);
    case 'bankAccountId': return optionName(ctx, ref?.bankAccounts, c.bankAccountId);
    case 'type': return enumName(ctx.locale, 'customerType', c.type) ?? optionName(ctx, ref?.customerTypes, c.type);
    case 'creditLimit': return formatMoney(c.creditLimit, ctx.locale);
    case 'vatExempt': return ctx.m(c.vatExempt ? 'value.yes' : 'value.no');
    case 'onHold': return ctx.m(c.onHold ? 'value.yes' : 'value.no');
    case 'password': return ctx.m(c.hasPassword ? 'value.passwordSet' : 'value.noPassword');
    default: return text(ctx, (c as unknown as Record<string, unknown>)[name]);
  }
}

/** Every editable customer field (all sections: a save rests on the whole customer's version). */
export function customerChanges(ctx: ChangeContext, before: Customer, after: Customer): ChangeLine[] {
  const fields: ShownField<Customer>[] = (Object.keys(GROUP_FIELDS) as CustomerFieldGroup[]).flatMap((group) =>
    GROUP_FIELDS[group].map((field) => ({
      label: ctx.m(field.name === 'password' ? 'customer.password' : field.label),
      show: (c: Customer) => showCustomer(ctx, c, field.name),
    })),
  );
  return changedFields(fields, before, after);
}

export function contactChanges(ctx: ChangeContext, before: Contact, after: Contact): ChangeLine[] {
  const fields: ShownField<Contact>[] = CONTACT_FIELDS.map((field) => ({
    label: ctx.m(field.label),
    show: (c: Contact) => text(ctx, (c as unknown as Record<string, unknown>)[field.name]),
  }));
  return changedFields(fields, before, after);
}
