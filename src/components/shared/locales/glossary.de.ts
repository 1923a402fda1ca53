/** German glossary: each product term translated once (see `glossary.ts`). */
import type { Glossary } from './glossary.js';

const glossary: Glossary = [
  { en: 'customer', term: 'Kunde', forms: ['kunde'], notIn: ['customer-elements'], note: 'Also in compounds: Kundendaten, Unterkunde, Geschäftskunden.' },
  { en: 'order', term: 'Bestellung', forms: ['bestell'], notIn: ['in order to'], note: 'Bestellnummer, Bestellauslöser.' },
  { en: 'sales channel', term: 'Vertriebskanal', forms: ['vertriebskan'] },
  { en: 'payment terms', term: 'Zahlungsbedingungen' },
  { en: 'watch list', term: 'Beobachtungsliste' },
  { en: 'address', term: 'Adresse', forms: ['adress'] },
  { en: 'admin', term: 'Verwaltung', note: 'The address role that receives copies of everything.' },
  { en: 'billing', term: 'Rechnung', forms: ['rechnung'], note: 'The address role that receives invoices.' },
  { en: 'delivery', term: 'Lieferung', forms: ['liefer'], note: 'The address role that receives deliveries.' },
  { en: 'note', term: 'Notiz', forms: ['notiz'], notIn: ['delivery note', 'credit note'] },
  { en: 'credit note', term: 'Gutschrift', forms: ['gutschrift'] },
  { en: 'credit limit', term: 'Kreditlimit' },
  { en: 'on hold', term: 'gesperrt', forms: ['gesperrt', 'sperr'] },
  { en: 'dispatch', term: 'Versand', forms: ['versand', 'versend'] },
  { en: 'despatch', term: 'Versand', forms: ['versand', 'versend'] },
  { en: 'attachment', term: 'Anhang', forms: ['anhang', 'anhänge'] },
  { en: 'agent', term: 'Vertreter', forms: ['vertreter'] },
  { en: 'retailer', term: 'Händler', forms: ['händler'] },
  { en: 'price list', term: 'Preisliste' },
  { en: 'refund', term: 'Erstattung', forms: ['erstatt'] },
  { en: 'invoice', term: 'Rechnung', forms: ['rechnung'] },
];

export default glossary;
