/**
 * Languages a host adds from outside the package, typed by catalogue.
 *
 * ```ts
 * import { registerLocale } from 'customer-elements';
 *
 * registerLocale('fr', {
 *   shared: () => import('./i18n/fr/shared.js'),
 *   'customer-card': () => import('./i18n/fr/customer-card.js'),
 *   'watch-list-badge': { label: 'Liste de surveillance', add: 'Ajouter à la liste' },
 * });
 * ```
 *
 * Only types come from the component modules here, so this file adds no component to a bundle.
 */
import type { AddressBookMessageKey } from './address-book/address-book.messages.js';
import type { AccountsMessageKey } from './customer-accounts/customer-accounts.messages.js';
import type { AttachmentsMessageKey } from './customer-attachments/customer-attachments.messages.js';
import type { CardMessageKey } from './customer-card/customer-card.messages.js';
import type { CreateMessageKey } from './customer-create/customer-create.messages.js';
import type { ScreenMessageKey } from './customer-screen/customer-screen.messages.js';
import type { SearchMessageKey } from './customer-search/customer-search.messages.js';
import type { NotesMessageKey } from './notes-panel/notes-panel.messages.js';
import type { OrderMessageKey } from './order-table/order-table.messages.js';
import type { OrderEntryMessageKey } from './order-entry/order-entry.messages.js';
import type { DiscountsMessageKey } from './customer-discounts/customer-discounts.messages.js';
import { registerCatalogues, type Catalogue, type CatalogueSource, type MessageKey } from './shared/i18n.js';
import type { BadgeMessageKey } from './watch-list-badge/watch-list-badge.messages.js';

/**
 * Every catalogue by name, with its keys. The name is the component's folder (`order-table` holds
 * `order-detail`'s texts too); `shared` holds texts every component uses (errors, Save, Loading…).
 * The English texts, to translate from, are in `src/components/<name>/<name>.messages.ts` and
 * `src/components/shared/i18n.ts`.
 */
export interface CatalogueKeys {
  shared: MessageKey;
  'address-book': AddressBookMessageKey;
  'customer-accounts': AccountsMessageKey;
  'customer-attachments': AttachmentsMessageKey;
  'customer-card': CardMessageKey;
  'customer-create': CreateMessageKey;
  'customer-screen': ScreenMessageKey;
  'customer-search': SearchMessageKey;
  'notes-panel': NotesMessageKey;
  'order-table': OrderMessageKey;
  'order-entry': OrderEntryMessageKey;
  'customer-discounts': DiscountsMessageKey;
  'watch-list-badge': BadgeMessageKey;
}

/** The texts of one catalogue in one language; keys left out show in English. Use it with `satisfies`. */
export type LocaleCatalogue<Name extends keyof CatalogueKeys> = Catalogue<CatalogueKeys[Name]>;

/** A language's texts per catalogue: each the texts themselves or a function that loads them (`() => import('./fr/card.js')`). */
export type LocaleCatalogues = { [Name in keyof CatalogueKeys]?: CatalogueSource<CatalogueKeys[Name]> };

/**
 * Adds a language, or texts to one (a host's own wording, in English or German), from outside the package.
 *
 * `lang` is a BCP 47 tag: `fr`, or `fr-CA` for texts that only Canadian French uses (it falls back to
 * `fr`, then English). A catalogue given as a function is loaded the first time a component renders
 * in that language, and only for the components on the page; keys left out fall back to English one
 * by one; a catalogue that fails to load leaves English and a console warning. Texts registered later
 * win over earlier ones and over the built-in ones. Components already on the page re-render.
 *
 * The components then speak it wherever a provider's `locale` (or a component's `locale`, or the
 * document's `lang`) says that language.
 */
export function registerLocale(lang: string, catalogues: LocaleCatalogues): void {
  registerCatalogues(lang, catalogues as Readonly<Record<string, CatalogueSource<string> | undefined>>);
}
