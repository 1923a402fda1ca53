/**
 * The customer screen's own UI text (the sections' contents bring their own).
 */
import { createMessages, type Catalogue } from '../shared/i18n.js';
import ar from './locales/ar.js'; // eager until languages load on demand

export const en = {
  screenLabel: 'Customer {name}',
  screenLabelLoading: 'Customer',
  onHold: 'Account on hold',
  tradingAs: 'Trading as {name}',
  discounts: 'Discounts',
  sectionDetails: 'Customer details',
  sectionOrders: 'Recent orders',
  sectionNotes: 'Notes',
  sectionAddresses: 'Addresses',
  sectionAttachments: 'Attachments',
  sectionsLabel: 'Customer sections',
} as const;

const de: Catalogue<keyof typeof en> = {
  screenLabel: 'Kunde {name}',
  screenLabelLoading: 'Kunde',
  onHold: 'Konto gesperrt',
  tradingAs: 'Handelt als {name}',
  discounts: 'Rabatte',
  sectionDetails: 'Kundendaten',
  sectionOrders: 'Letzte Bestellungen',
  sectionNotes: 'Notizen',
  sectionAddresses: 'Adressen',
  sectionAttachments: 'Anhänge',
  sectionsLabel: 'Kundenbereiche',
};

export type ScreenMessageKey = keyof typeof en;
export const screenMessage = createMessages({ en, de, ar });
