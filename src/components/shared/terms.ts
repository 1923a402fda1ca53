/**
 * The names of the enumerations this library owns (customer types, order statuses, address roles,
 * note kinds), once for every component: the catalogue names them, never a server's label, so a
 * German page says "Händler" whatever the server calls a retailer.
 */
import type { ChangeEnumKind } from '../../sdk/schemas.js';
import { createMessages, type Catalogue } from './i18n.js';

const en = {
  'customerType.public': 'Public',
  'customerType.retailer': 'Retailer',
  'customerType.agent': 'Agent',
  'orderStatus.unallocated': 'Unallocated',
  'orderStatus.allocated': 'Allocated',
  'orderStatus.dispatched': 'Dispatched',
  'orderStatus.cancelled': 'Cancelled',
  'addressRole.admin': 'Admin',
  'addressRole.billing': 'Billing',
  'addressRole.delivery': 'Delivery',
  'noteKind.general': 'General',
  'noteKind.call': 'Call',
  'noteKind.email': 'Email',
  'noteKind.meeting': 'Meeting',
};

/** A key of the shared terms. */
export type TermKey = keyof typeof en;

const de: Catalogue<TermKey> = {
  'customerType.public': 'Privat',
  'customerType.retailer': 'Händler',
  'customerType.agent': 'Vertreter',
  'orderStatus.unallocated': 'Nicht zugeteilt',
  'orderStatus.allocated': 'Zugeteilt',
  'orderStatus.dispatched': 'Versendet',
  'orderStatus.cancelled': 'Storniert',
  'addressRole.admin': 'Verwaltung',
  'addressRole.billing': 'Rechnung',
  'addressRole.delivery': 'Lieferung',
  'noteKind.general': 'Allgemein',
  'noteKind.call': 'Anruf',
  'noteKind.email': 'E-Mail',
  'noteKind.meeting': 'Besprechung',
};

/** A shared term for a locale, falling back to English key by key. */
export const termMessage = createMessages({ en, de });

/**
 * The name of one member of an enumeration in `locale`, or undefined for a member this version
 * does not know (the caller shows its own "unknown" text, never the raw code).
 */
export function enumName(locale: string, kind: ChangeEnumKind, value: string): string | undefined {
  const key = `${kind}.${value}`;
  return Object.hasOwn(en, key) ? termMessage(locale, key as TermKey) : undefined;
}
