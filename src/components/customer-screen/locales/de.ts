import type { Catalogue } from '../../shared/i18n.js';
import type { ScreenMessageKey } from '../customer-screen.messages.js';

/** The texts of customer-screen: German. Keys missing here fall back to English. */
export default {
  screenLabel: 'Kunde {name}',
  screenLabelLoading: 'Kunde',
  onHold: 'Konto gesperrt',
  tradingAs: 'Handelt als {name}',
  balance: 'Offener Saldo',
  availableCredit: 'Verfügbarer Kredit',
  discounts: 'Rabatte',
  sectionDetails: 'Kundendaten',
  sectionOrders: 'Letzte Bestellungen',
  sectionNotes: 'Notizen',
  sectionAddresses: 'Adressen',
  sectionAttachments: 'Anhänge',
  sectionsLabel: 'Kundenbereiche',
  viewAccounts: 'Konten',
  viewOrderEntry: 'Aus Lagerbestand bestellen',
  viewOrderEdit: 'Bestellung bearbeiten',
  viewDiscounts: 'Rabatte',
  viewLoadFailed: 'Diese Ansicht konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
} satisfies Catalogue<ScreenMessageKey>;
