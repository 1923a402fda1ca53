/**
 * The address book's own UI text (shared texts such as errors come from the shared catalogue).
 */
import { createMessages } from '../shared/i18n.js';
import ar from './locales/ar.js';
import de from './locales/de.js';

export const en = {
  heading: 'Addresses',
  add: 'Add address',
  edit: 'Edit',
  editLabel: 'Edit address {address}',
  delete: 'Delete',
  deleteLabel: 'Delete address {address}',
  empty: 'No addresses yet.',
  noMatches: 'No addresses match “{q}”.',
  search: 'Search addresses',
  searchPlaceholder: 'Street, town, postcode…',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {page} of {pages}',
  pagerLabel: 'Address pages',
  roleAdmin: 'Admin',
  roleBilling: 'Billing',
  roleDelivery: 'Delivery',
  roleAdminHint: 'receives copies of everything',
  roleBillingHint: 'receives invoices',
  roleDeliveryHint: 'receives deliveries',
  rolesLegend: 'Roles',
  rolesHint: 'Admin and billing belong to one address each: you are asked before either moves from another address. Deliveries can go to several addresses.',
  roleHolder: 'now at {address}',
  moveTitleOne: 'Only one address can hold this role',
  moveTitleMany: 'Only one address can hold each of these roles',
  moveHeld: '{role} is now at {address}.',
  moveQuestionOne: 'Move it to this address?',
  moveQuestionMany: 'Move them to this address?',
  moveConfirm: 'Move to this address',
  moveKeep: 'Cancel',
  movedRole: '{role} moved from {address}.',
  rolesLabel: 'Roles',
  noRoles: 'No role',
  formAdd: 'Add an address',
  formEdit: 'Edit address',
  label: 'Label',
  labelHint: 'For example “Head office” or “Warehouse”.',
  recipient: 'Recipient',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'Town or city',
  region: 'County, state or region',
  postcode: 'Postcode',
  country: 'Country',
  chooseCountry: 'Choose a country',
  optional: '(optional)',
  save: 'Save address',
  saving: 'Saving…',
  cancel: 'Cancel',
  saveFailed: 'The address was not saved: {reason} What you typed is kept.',
  conflict: 'This address was changed by someone else since you opened it.',
  conflictGone: 'This address was deleted by someone else. What you typed is still in the form: copy it before you cancel.',
  emptyValue: '—',
  fixErrors: 'Check the fields marked below.',
  confirmTitle: 'Delete this address?',
  confirmText: '{address} will be deleted. This cannot be undone.',
  confirmDelete: 'Delete address',
  deleting: 'Deleting…',
  keep: 'Cancel',
  deleteFailed: 'The address was not deleted: {reason}',
  saved: 'Address saved.',
  deleted: 'Address deleted.',
  created: 'Address added.',
  count: '{total} addresses',
};

/** A key of the address book's catalogue. */
export type AddressBookMessageKey = keyof typeof en;

/** The address book's text for a locale, falling back to English key by key. */
export const addressMessage = createMessages({ en, de, ar });
