import type { Catalogue } from '../../shared/i18n.js';
import type { DiscountsMessageKey } from '../customer-discounts.messages.js';

/** The texts of customer-discounts: German. Keys missing here fall back to English. */
export default {
  title: 'Händlerrabatte',
  intro: 'Die Bestellerfassung zieht diese von der Preisliste ab. Ein Festpreis für eine Artikelnummer geht dem Prozentsatz der Gruppe vor.',
  groups: 'Nach Warengruppe',
  prices: 'Festpreise',
  group: 'Warengruppe',
  percent: 'Rabatt (%)',
  sku: 'Artikelnummer',
  price: 'Stückpreis (\u00a3, ohne MwSt.)',
  percentValue: '{percent} % Rabatt',
  noGroups: 'Kein Rabatt nach Warengruppe.',
  noPrices: 'Keine Festpreise.',
  edit: 'Rabatte bearbeiten',
  addGroup: 'Gruppenrabatt hinzufügen',
  addPrice: 'Festpreis hinzufügen',
  remove: 'Entfernen',
  removeGroup: 'Rabatt für {name} entfernen',
  removePrice: 'Preis für {sku} entfernen',
  percentInvalid: 'Geben Sie einen Prozentsatz zwischen 0,01 und 100 ein.',
  priceInvalid: 'Geben Sie einen Preis wie 12.50 ein.',
  skuRequired: 'Geben Sie die Artikelnummer ein.',
  duplicateGroup: 'Diese Gruppe hat schon einen Rabatt.',
  duplicateSku: 'Diese Artikelnummer hat schon einen Preis.',
  saved: 'Rabatte gespeichert.',
  notSaved: 'Die Rabatte wurden nicht gespeichert: {reason}',
  conflict: 'Diese Rabatte wurden von jemand anderem geändert, seit Sie sie geöffnet haben.',
  readOnly: 'Sie können diese Rabatte sehen; zum Ändern brauchen Sie die Berechtigung \u201eRabatte bearbeiten\u201c.',
  close: 'Schließen',
  fixErrors: 'Prüfen Sie die markierten Felder.',
} satisfies Catalogue<DiscountsMessageKey>;
