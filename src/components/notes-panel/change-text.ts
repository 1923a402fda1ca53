/**
 * A system note's typed changes as sentences in the reader's language: fields named from the
 * catalogues (the shared catalogue's customer field labels, which the card shows too, so a term is translated
 * once), reference ids named from the reference lists, values formatted by `Intl`, enumerations
 * named by the shared terms. A secret field's value is never shown: the sentence only says it
 * changed.
 */
import type { ChangeValue, FieldChange, Note, Reference } from '../../sdk/schemas.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, MISSING } from '../shared/format.js';
import { translate, type CustomerFieldKey } from '../shared/i18n.js';
import { enumName } from '../shared/terms.js';
import type { NotesMessageKey } from './notes-panel.messages.js';

export interface ChangeTextContext {
  locale: string;
  msg: (key: NotesMessageKey, params?: Record<string, string | number>) => string;
  /** The reference lists in the reader's language; undefined while they load or when they failed. */
  reference: Reference | undefined;
  /** The reference lists could not be loaded (ids then read as "no longer listed"). */
  referenceFailed: boolean;
}

/** Customer fields the card shows: named by the shared catalogue, as the card names them (one translation per term). */
const CUSTOMER_FIELDS: Record<string, CustomerFieldKey> = {
  name: 'customer.name',
  tradingName: 'customer.tradingName',
  salesChannelId: 'customer.salesChannelId',
  type: 'customer.type',
  bankAccountId: 'customer.bankAccountId',
  accountsReference: 'customer.accountsReference',
  vatExempt: 'customer.vatExempt',
  onHold: 'customer.onHold',
  eori: 'customer.eori',
  creditLimit: 'customer.creditLimit',
  paymentTermsId: 'customer.paymentTermsId',
  username: 'customer.username',
  password: 'customer.password',
  email: 'customer.email',
  telephone: 'customer.telephone',
  mobile: 'customer.mobile',
  fax: 'customer.fax',
  loyaltyPoints: 'customer.loyaltyPoints',
};

/** Fields of the history that are not the card's: named by the notes panel's catalogue. */
const NOTE_FIELDS: Record<string, NotesMessageKey> = {
  customer: 'field.customer',
  contacts: 'field.contact',
  addresses: 'field.address',
  attachments: 'field.attachment',
  note: 'noteText',
  watchList: 'field.watchList',
  addressRoles: 'field.addressRoles',
  'addressRoles.admin': 'field.adminAddress',
  'addressRoles.billing': 'field.billingAddress',
  'addressRoles.delivery': 'field.deliveryAddress',
};

/** Records of a list: a change adds, removes or edits one ("Contact added: …"), rather than setting a value. */
const RECORD_FIELDS = new Set(['contacts', 'addresses', 'attachments', 'note']);

/** Order events have a sentence each, with the order number as `{subject}`. */
const ORDER_SENTENCES: Record<string, NotesMessageKey> = {
  'order.status': 'order.status',
  'order.priority': 'order.priority',
  'order.tracking': 'order.tracking',
  'order.triggers': 'order.triggers',
  'order.invoice': 'order.invoice',
  'order.refund': 'order.refund',
  'order.return': 'order.return',
  'order.attachments': 'order.attachments',
  'order.cancelledAt': 'order.cancelledAt',
  'order.seasonId': 'order.seasonId',
  // Account writes name their document (invoice, credit note, payment reference) as `{subject}`.
  'account.payment': 'account.payment',
  'account.invoice': 'account.invoice',
  'account.creditNote': 'account.creditNote',
  'account.void': 'account.void',
  'account.balance': 'account.balance',
};

/** Unicode isolates around data inside a sentence: a value's own direction never reorders the sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

function fieldLabel(field: string, ctx: ChangeTextContext): string | undefined {
  const shared = CUSTOMER_FIELDS[field];
  if (shared) return translate(ctx.locale, shared);
  const own = NOTE_FIELDS[field];
  return own ? ctx.msg(own) : undefined;
}

function referenceName(value: Extract<ChangeValue, { type: 'reference' }>, ctx: ChangeTextContext): string {
  const ref = ctx.reference;
  if (!ref) return ctx.referenceFailed ? ctx.msg('value.unlisted') : ctx.msg('value.loading');
  const lists: Record<typeof value.kind, ReadonlyArray<{ id: string; name: string }>> = {
    salesChannel: ref.salesChannels,
    paymentTerms: ref.paymentTerms,
    bankAccount: ref.bankAccounts,
    season: ref.seasons,
  };
  const name = lists[value.kind]?.find((item) => item.id === value.id)?.name;
  return name ? isolate(name) : ctx.msg('value.unlisted');
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** One side of a change as the reader reads it; `null` (not set) is "(none)". */
export function formatChangeValue(value: ChangeValue | null, ctx: ChangeTextContext): string {
  if (value === null) return ctx.msg('none');
  switch (value.type) {
    case 'text':
      return value.text === '' ? ctx.msg('none') : isolate(value.text);
    case 'money': {
      const shown = formatMoney(value.money, ctx.locale);
      return shown === MISSING ? ctx.msg('value.unreadable') : shown;
    }
    case 'boolean':
      return translate(ctx.locale, value.value ? 'value.yes' : 'value.no');
    case 'number': {
      const shown = formatNumber(value.value, ctx.locale);
      return shown === MISSING ? ctx.msg('value.unreadable') : shown;
    }
    case 'date': {
      const shown = DATE_ONLY.test(value.date) ? formatDate(value.date, ctx.locale) : formatDateTime(value.date, ctx.locale);
      return shown === MISSING ? ctx.msg('value.unreadable') : shown;
    }
    case 'reference':
      return referenceName(value, ctx);
    case 'enum': {
      if (value.values.length === 0) return ctx.msg('none');
      const names = value.values.map((member) => enumName(ctx.locale, value.kind, member) ?? ctx.msg('value.unlisted'));
      return listFormat(ctx.locale).format(names);
    }
    default:
      return ctx.msg('value.unreadable');
  }
}

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { type: 'conjunction' });
    } catch {
      format = new Intl.ListFormat('en-GB', { type: 'conjunction' });
    }
    listFormats.set(locale, format);
  }
  return format;
}

/** One change as a sentence, or undefined for a field this version cannot name. */
export function changeSentence(change: FieldChange, ctx: ChangeTextContext): string | undefined {
  if ('secret' in change) {
    // Whatever the server sent besides, a secret's value is never shown: only that it changed.
    const label = fieldLabel(change.field, ctx);
    return label ? ctx.msg('change.secret', { field: label }) : undefined;
  }
  const from = formatChangeValue(change.from, ctx);
  const to = formatChangeValue(change.to, ctx);
  const subject = change.subject === undefined || change.subject === '' ? undefined : isolate(change.subject);
  const order = ORDER_SENTENCES[change.field];
  if (order) return ctx.msg(order, { subject: subject ?? ctx.msg('none'), from, to });
  if (change.field === 'customer' && change.from === null) return ctx.msg('change.created', { to });
  const field = fieldLabel(change.field, ctx);
  if (!field) return undefined;
  let sentence: string;
  if (RECORD_FIELDS.has(change.field)) {
    sentence =
      change.from === null ? ctx.msg('change.added', { field, to })
      : change.to === null ? ctx.msg('change.removed', { field, from })
      : ctx.msg('change.edited', { field, from, to });
  } else {
    sentence =
      change.from === null ? ctx.msg('change.set', { field, to })
      : change.to === null ? ctx.msg('change.cleared', { field, from })
      : ctx.msg('change.changed', { field, from, to });
  }
  return subject ? ctx.msg('change.about', { change: sentence, subject }) : sentence;
}

/**
 * A system note's sentences, one per change; undefined when the note has no changes or names a
 * field this version does not know (the panel then shows the server's own text).
 */
export function noteSentences(note: Note, ctx: ChangeTextContext): string[] | undefined {
  if (note.source !== 'system' || note.changes.length === 0) return undefined;
  const sentences: string[] = [];
  for (const change of note.changes) {
    const sentence = changeSentence(change, ctx);
    if (sentence === undefined) return undefined;
    sentences.push(sentence);
  }
  return sentences;
}
