/**
 * What changed in an address since the user opened it, in the address book's words, for the
 * shared conflict flow.
 */
import type { Address, AddressRole } from '../../sdk/schemas.js';
import { ADDRESS_ROLES } from '../../sdk/enums.js';
import { changedFields, type ChangeLine, type ShownField } from '../shared/conflict.js';
import type { AddressBookMessageKey } from './address-book.messages.js';

const SHOWN = ['label', 'recipient', 'line1', 'line2', 'city', 'region', 'postcode'] as const;
const ROLE_NAME: Record<AddressRole, AddressBookMessageKey> = { admin: 'roleAdmin', billing: 'roleBilling', delivery: 'roleDelivery' };

export interface AddressChangeContext {
  msg: (key: AddressBookMessageKey) => string;
  countryName: (code: string) => string;
}

export function addressChanges(ctx: AddressChangeContext, before: Address, after: Address): ChangeLine[] {
  const text = (value: string | null) => (value === null || value === '' ? ctx.msg('emptyValue') : value);
  const fields: ShownField<Address>[] = [
    ...SHOWN.map((name) => ({ label: ctx.msg(name), show: (a: Address) => text(a[name]) })),
    { label: ctx.msg('country'), show: (a) => ctx.countryName(a.country) },
    {
      label: ctx.msg('rolesLegend'),
      show: (a) => {
        const roles = ADDRESS_ROLES.filter((r) => a.roles.includes(r)).map((r) => ctx.msg(ROLE_NAME[r]));
        return roles.length ? roles.join(', ') : ctx.msg('noRoles');
      },
    },
  ];
  return changedFields(fields, before, after);
}

/** The address as the server holds it now, read past the cache; undefined when it was deleted. */
export async function rereadAddress(
  all: AsyncIterable<Address>,
  addressId: string,
): Promise<Address | undefined> {
  for await (const address of all) if (address.id === addressId) return address;
  return undefined;
}
