/**
 * The names of the enumerations this library owns (customer types, order statuses, address roles,
 * note kinds), once for every component, from the shared catalogue (`term.*`): the catalogue names
 * them, never a server's label, so a German page says "Händler" whatever the server calls a retailer.
 */
import type { ChangeEnumKind } from '../../sdk/schemas.js';
import { en, translate, type MessageKey } from './i18n.js';

/**
 * The name of one member of an enumeration in `locale`, or undefined for a member this version
 * does not know (the caller shows its own "unknown" text, never the raw code).
 */
export function enumName(locale: string, kind: ChangeEnumKind, value: string): string | undefined {
  const key = `term.${kind}.${value}`;
  return Object.hasOwn(en, key) ? translate(locale, key as MessageKey) : undefined;
}
