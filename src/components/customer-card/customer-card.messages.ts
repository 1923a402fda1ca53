/**
 * The customer card's own texts, in English (complete) and German.
 *
 * They live beside the card rather than in the shared catalogue because no other component uses
 * them; shared texts (errors, retry, loading) come from the base's `t()`.
 */
import { createMessages, type CustomerFieldKey } from '../shared/i18n.js';

const en = {
  // sections
  'section.identity': 'Name',
  'section.channel': 'Sales channel',
  'section.company': 'Company',
  'section.terms': 'Payment terms',
  'section.finances': 'Financial standing',
  'section.personal': 'Personal details',
  'section.contacts': 'Contacts',
  // fields
  'field.priceList': 'Price list',
  'field.agent': 'Agent',
  'field.subCustomers': 'Sub-customers',
  'field.creditLimitIn': 'Credit limit ({currency})',
  'field.setPassword': 'Set password',
  'field.contactName': 'Name',
  'field.role': 'Role',
  'field.phone': 'Phone',
  'field.balance': 'Outstanding balance',
  'field.availableCredit': 'Available credit',
  'field.overdue': 'Overdue',
  'field.dispatch': 'Dispatch',
  'field.points': 'Points balance',
  // values
  'value.none': 'None',
  'value.empty': '—',
  'value.passwordSet': 'Password set',
  'value.noPassword': 'No password',
  'value.subCustomers_one': 'Acts for 1 sub-customer',
  'value.subCustomers_other': 'Acts for {count} sub-customers',
  'value.agentOf': 'Sub-customer of {agent}',
  'value.points': '{points} points',
  'value.unknownOption': 'Unknown ({id})',
  // notes and rules
  'note.channel': 'The sales channel decides which price list and prices apply to this customer.',
  'note.origin': 'Created by {channel}: customers that a marketplace creates start on “Full payment before despatch”.',
  'rule.prepay': 'Full payment before despatch: orders wait for payment or a credit before they can be dispatched.',
  'rule.credit': 'Credit terms: orders go to the dispatch queue at once.',
  'dispatch.blocked': 'Blocked until paid or credited',
  'dispatch.open': 'Not blocked: orders go to the dispatch queue at once',
  'onHold.badge': 'Account on hold',
  'onHold.detail': 'This account is on hold.',
  'hint.password': 'Leave empty to keep the current password. At least 8 characters. It is never shown.',
  'hint.eori': 'Two letters, then up to 15 letters or digits, e.g. GB123456789000.',
  // actions
  'action.edit': 'Edit',
  'action.editSection': 'Edit {section}',
  'action.save': 'Save',
  'action.saving': 'Saving…',
  'action.cancel': 'Cancel',
  'action.viewAccounts': 'View accounts',
  'action.addContact': 'Add contact',
  'action.editContact': 'Edit {name}',
  'action.removeContact': 'Remove {name}',
  'action.remove': 'Remove',
  'action.keep': 'Keep',
  // contacts
  'contacts.empty': 'No contacts yet.',
  'contacts.confirmRemove': 'Remove {name} from the contacts?',
  'contacts.newTitle': 'New contact',
  'contacts.editTitle': 'Edit contact',
  'contacts.gone': 'This contact was removed by someone else.',
  // feedback
  'conflict.message': 'This customer was changed by someone else since you opened it.',
  'conflict.contact': 'This contact was changed by someone else since you opened it.',
  'error.fix': 'Check the fields marked below.',
  'error.saveFailed': 'Not saved. {reason}',
  'error.refused': 'The server did not accept these details. Check them and try again.',
  'error.removeFailed': 'Not removed. {reason}',
  'error.section': 'This part could not be loaded.',
  // validation (mirrors the server's rules in src/sdk/schemas.ts)
  'invalid.name': 'Enter a name.',
  'invalid.email': 'Enter an email address such as name@example.com.',
  'invalid.eori': 'Enter an EORI such as GB123456789000.',
  'invalid.password': 'Use at least 8 characters.',
  'invalid.money': 'Enter an amount of 0 or more, such as 2500.00.',
  'invalid.required': 'Choose an option.',
  'invalid.tooLong': 'Use at most {max} characters.',
  'invalid.generic': 'Check this value.',
} as const;

export type CardMessageKey = keyof typeof en;
/**
 * The card's texts that live in the shared catalogue: a customer field's label (`customer.<field>`)
 * and yes/no, which the notes panel uses too (one translation per term).
 */
export type CardSharedKey = CustomerFieldKey | 'value.yes' | 'value.no';
/** A text the card shows: one of its own, or one of {@link CardSharedKey}. */
export type CardLabelKey = CardMessageKey | CardSharedKey;

/** Whether the card reads `key` from the shared catalogue. */
export const isCardSharedKey = (key: CardLabelKey): key is CardSharedKey =>
  key.startsWith('customer.') || key === 'value.yes' || key === 'value.no';

/** The card's text for `key` in `locale` (its language, else English), with `{param}`s filled in. */
export const cardMessage = createMessages('customer-card', en, {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
});
