/**
 * The customer screen's own UI text (the sections' contents bring their own).
 */
import { createMessages } from '../shared/i18n.js';

const en = {
  screenLabel: 'Customer {name}',
  screenLabelLoading: 'Customer',
  onHold: 'Account on hold',
  tradingAs: 'Trading as {name}',
  balance: 'Outstanding balance',
  availableCredit: 'Available credit',
  discounts: 'Discounts',
  sectionDetails: 'Customer details',
  sectionOrders: 'Recent orders',
  sectionNotes: 'Notes',
  sectionAddresses: 'Addresses',
  sectionAttachments: 'Attachments',
  sectionsLabel: 'Customer sections',
  viewAccounts: 'Accounts',
  viewOrderEntry: 'Order from stock',
  viewOrderEdit: 'Edit order',
  viewDiscounts: 'Discounts',
  viewLoadFailed: 'This view could not be loaded. Check the connection and try again.',
} as const;

export type ScreenMessageKey = keyof typeof en;
export const screenMessage = createMessages('customer-screen', en, {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
});
