/**
 * The contract's enumerations and fixed numbers as plain values: the schemas in `schemas.ts` and
 * `schemas-catalogue.ts` are built from them, and a component that only lists or names them (note
 * kinds, order statuses, address roles) imports them from here, so that its page does not carry the
 * schemas and valibot. `schemas.ts` re-exports every one of them.
 */

/**
 * The roles one address alone may hold: one place receives the invoices, one receives copies of
 * everything. Delivery is not among them: a customer may have goods delivered to several addresses.
 */
export const SINGLE_HOLDER_ROLES = ['admin', 'billing'] as const;

export const CAPABILITIES = [
  'customers.create',
  'customers.identity.edit', // name, trading name
  'customers.channel.edit', // sales channel
  'customers.company.edit', // type, bank account, accounts ref, VAT exempt, on hold, EORI, credit limit
  'customers.terms.edit', // payment terms
  'customers.personal.edit', // username, password, email, phones, fax
  'contacts.edit',
  'addresses.edit',
  'notes.add',
  'notes.pin',
  'notes.remove',
  'watchlist.edit',
  'discounts.edit',
  'accounts.view',
  'accounts.payment.enter', // enter a payment and allocate it
  'accounts.invoice.create', // raise a manual invoice
  'accounts.credit.create', // raise a credit note
  'accounts.entry.void', // void a ledger entry with a reason
  'loyalty.adjust',
  'loyalty.settings.edit', // shop-wide loyalty settings
  'orders.prioritise',
  'orders.create',
  'orders.edit',
  'orders.tracking.add',
  'orders.cancel',
  'orders.triggers.run',
  'orders.invoice.print',
  'orders.refund',
  'orders.return',
  'orders.attach',
  'attachments.edit',
] as const;

export const CUSTOMER_TYPES = ['public', 'retailer', 'agent'] as const;

export const SEARCH_CRITERIA = [
  'name',
  'email',
  'postcode',
  'orderNumber',
  'invoiceNumber',
  'ebayUserId',
  'trackingNumber',
  'amazonOrderId',
  'orderReference',
  'externalOrderReference',
  'dispatchId',
] as const;

/** The editable fields of a customer, grouped as the card's sub-sections are. */
export const CUSTOMER_FIELD_GROUPS = {
  identity: ['name', 'tradingName'],
  channel: ['salesChannelId'],
  company: ['type', 'bankAccountId', 'accountsReference', 'vatExempt', 'onHold', 'eori', 'creditLimit'],
  terms: ['paymentTermsId'],
  personal: ['username', 'password', 'email', 'telephone', 'mobile', 'fax'],
} as const;

/** The capability each group needs. */
export const CUSTOMER_GROUP_CAPABILITY: Record<keyof typeof CUSTOMER_FIELD_GROUPS, (typeof CAPABILITIES)[number]> = {
  identity: 'customers.identity.edit',
  channel: 'customers.channel.edit',
  company: 'customers.company.edit',
  terms: 'customers.terms.edit',
  personal: 'customers.personal.edit',
};

export const ADDRESS_ROLES = ['admin', 'billing', 'delivery'] as const;

/** The most contacts a new customer can be created with in one request. */
export const MAX_NEW_CONTACTS = 20;

/** Why a customer may be the one being added: the same email address, or the same postcode and a similar name. */
export const DUPLICATE_REASONS = ['email', 'postcodeName'] as const;

export const NOTE_KINDS = ['general', 'call', 'email', 'meeting'] as const;

/** The reference lists a change may point into: the note carries the id, the reader names it from the list. */
export const CHANGE_REFERENCE_KINDS = ['salesChannel', 'paymentTerms', 'bankAccount', 'season'] as const;

/** The enumerations of this contract a change may carry: the reader names their members in its own language. */
export const CHANGE_ENUM_KINDS = ['customerType', 'addressRole', 'orderStatus', 'noteKind'] as const;

export const ORDER_STATUSES = ['unallocated', 'allocated', 'dispatched', 'cancelled'] as const;

export const ORDER_SORT_FIELDS = ['number', 'placedAt', 'quantity', 'total', 'status', 'salesChannelId'] as const;

export const LEDGER_ENTRY_TYPES = ['invoice', 'payment', 'credit-note', 'refund', 'adjustment'] as const;

export const LEDGER_STATUSES = ['open', 'part-paid', 'paid', 'overdue', 'void'] as const;

export const PAYMENT_METHODS = ['bank-transfer', 'card', 'cheque', 'cash', 'direct-debit'] as const;

/** UK VAT rates by name; the server holds the percentage (see `VAT_RATE_BASIS_POINTS` in `vat.ts`). */
export const VAT_RATES = ['standard', 'reduced', 'zero', 'exempt'] as const;

/** Where a placed order goes: the dispatch queue, a wait for payment, or a wait for its season. */
export const DISPATCH_ROUTES = ['queue', 'awaiting-payment', 'season'] as const;
