/**
 * Addresses: country-aware validation, roles, searchable pages.
 *
 * The role rule: admin and billing are each held by one address of a customer at most (one place
 * for invoices, one for copies of everything); delivery may be held by any number. A write that
 * gives admin or billing while another address holds it is refused with 409 naming the holder,
 * unless its `moveRoles` names that holder: then the holder loses it and a system note says so.
 */
import {
  ADDRESS_ROLES, SINGLE_HOLDER_ROLES,
  type Address, type AddressInput, type AddressPatch, type AddressRole, type RoleHolder, type RoleMoves, type SingleHolderRole,
} from '../../src/sdk/schemas.js';
import { normalisePostcode, validateAddress } from '../../src/sdk/validation.js';
import { changed, members, textValue } from '../data/changes.js';
import { etag, loadCustomer, param, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { paginate, type PageQuery } from './paging.js';
import { HttpError, invalid, notFound } from './problem.js';

function loadAddress(ctx: HandlerContext): Address {
  const customer = loadCustomer(ctx);
  const id = param(ctx, 'addressId');
  const address = ctx.db.getAddress(id);
  if (!address || address.customerId !== customer.id) throw notFound('address', id);
  return address;
}

export const describeAddress = (a: Pick<Address, 'line1' | 'city' | 'postcode'>) =>
  [a.line1, a.city, a.postcode].filter(Boolean).join(', ');

/** An address in one line for a person choosing between addresses: its label too. */
const summarise = (a: Address) => [a.label, a.line1, a.city, a.postcode].filter(Boolean).join(', ');

const ROLE_NAMES: Record<AddressRole, string> = { admin: 'Admin', billing: 'Billing', delivery: 'Delivery' };

function checkAddress(ctx: HandlerContext, candidate: Omit<Address, 'id' | 'customerId' | 'version'>): void {
  const postcodeRequired = ctx.db.reference.countries.filter((c) => c.postcodeRequired).map((c) => c.code);
  const errors = validateAddress(candidate, { postcodeRequired });
  if (!errors.some((e) => e.field === 'country') && !ctx.db.reference.countries.some((c) => c.code === candidate.country)) {
    errors.push({ field: 'country', message: 'Choose a country from the list.', code: 'unknown_reference' });
  }
  if (errors.length) throw invalid(errors);
}

interface RoleMove {
  role: SingleHolderRole;
  from: Address;
}

/**
 * Checks the role rule for a write that leaves `addressId` (null: not created yet) with `roles`,
 * of which `gained` are new to it. Returns the moves to make; throws 422 for a `moveRoles` entry
 * that names a role this address will not hold, and 409 naming every holder not named in `moves`.
 * Nothing is written here: the caller writes only once every check has passed.
 */
function planRoles(
  ctx: HandlerContext,
  customerId: string,
  addressId: string | null,
  roles: readonly AddressRole[],
  gained: readonly AddressRole[],
  moves: RoleMoves = {},
): RoleMove[] {
  const misplaced = SINGLE_HOLDER_ROLES.filter((role) => moves[role] !== undefined && !roles.includes(role));
  if (misplaced.length) {
    throw invalid(misplaced.map((role) => ({
      field: `moveRoles.${role}`,
      message: `This address does not take the ${ROLE_NAMES[role].toLowerCase()} role in this request, so there is nothing to move.`,
      code: 'invalid_value',
    })));
  }
  const planned: RoleMove[] = [];
  const refused: RoleHolder[] = [];
  for (const role of SINGLE_HOLDER_ROLES) {
    if (!gained.includes(role)) continue;
    const holder = ctx.db.addressesOf(customerId).find((a) => a.id !== addressId && a.roles.includes(role));
    if (!holder) continue;
    if (moves[role] === holder.id) planned.push({ role, from: holder });
    else refused.push({ role, addressId: holder.id, summary: summarise(holder) });
  }
  if (refused.length) {
    const held = refused.map((h) => `${ROLE_NAMES[h.role]} is held by ${h.summary} (${h.addressId})`).join('; ');
    throw new HttpError(409, {
      type: 'address-role-held',
      title: 'Another address holds this role',
      detail: `${held}. An address role is never moved silently: send moveRoles naming the address that loses it.`,
      roleHolders: refused,
    });
  }
  return planned;
}

/** Takes each planned role from the address that held it, and records the move in the history. */
function makeMoves(ctx: HandlerContext, customerId: string, to: Address, moves: readonly RoleMove[]): void {
  for (const { role, from } of moves) {
    const before = describeAddress(from);
    ctx.db.updateAddress(from.id, { roles: from.roles.filter((r) => r !== role) });
    systemNote(ctx, customerId, `${ROLE_NAMES[role]} role moved from ${before} to ${describeAddress(to)}`, [changed(`addressRoles.${role}`, textValue(before), textValue(describeAddress(to)))]);
  }
}

const sortedRoles = (roles: readonly AddressRole[]) => ADDRESS_ROLES.filter((r) => roles.includes(r));
const roleList = (roles: readonly AddressRole[]) =>
  ADDRESS_ROLES.filter((r) => roles.includes(r)).map((r) => ROLE_NAMES[r]).join(', ') || null;

const matches = (a: Address, q: string) =>
  [a.label, a.recipient, a.line1, a.line2, a.city, a.region, a.postcode, a.country]
    .some((s) => s !== null && s.toLowerCase().includes(q));

export const addressResources = {
  'addresses.list': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { q, cursor, limit } = ctx.query as PageQuery & { q?: string };
      const needle = q?.trim().toLowerCase() || undefined;
      const all = ctx.db.addressesOf(customer.id);
      const found = needle ? all.filter((a) => matches(a, needle)) : all;
      return { body: paginate(found, { cursor, limit }, `addresses:${customer.id}`, { q: needle }) };
    },
  },

  'addresses.create': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as AddressInput & { line1: string; city: string; country: string };
      const candidate = {
        label: input.label ?? null,
        recipient: input.recipient ?? null,
        line1: input.line1,
        line2: input.line2 ?? null,
        city: input.city,
        region: input.region ?? null,
        postcode: input.postcode ? normalisePostcode(input.postcode, input.country) : null,
        country: input.country,
        roles: ADDRESS_ROLES.filter((r) => (input.roles ?? []).includes(r)),
      };
      checkAddress(ctx, candidate);
      const moves = planRoles(ctx, customer.id, null, candidate.roles, candidate.roles, input.moveRoles);
      const created = ctx.db.createAddress(customer.id, candidate);
      const roles = roleList(created.roles);
      systemNote(ctx, customer.id, `Address added: ${describeAddress(created)}${roles ? ` (${roles})` : ''}`, [changed('addresses', null, textValue(describeAddress(created)))]);
      makeMoves(ctx, customer.id, created, moves);
      return {
        body: created,
        headers: {
          ETag: etag(created.version),
          Location: `${ctx.baseUrl}/customers/${encodeURIComponent(customer.id)}/addresses/${encodeURIComponent(created.id)}`,
        },
      };
    },
  },

  'addresses.update': {
    version: (ctx) => loadAddress(ctx).version,
    handle(ctx) {
      // A copy: the store updates the live record in place, and what it was is needed afterwards
      // (which roles were gained, and the history note's "from").
      const stored = loadAddress(ctx);
      const current: Address = { ...stored, roles: [...stored.roles] };
      const { moveRoles, ...patch } = ctx.body as AddressPatch;
      const requested: Partial<Address> = {};
      for (const [k, value] of Object.entries(patch)) (requested as Record<string, unknown>)[k] = value ?? null;
      if (patch.roles) requested.roles = ADDRESS_ROLES.filter((r) => patch.roles!.includes(r));
      const merged = { ...current, ...requested };
      if (merged.postcode) merged.postcode = normalisePostcode(merged.postcode, merged.country);
      checkAddress(ctx, merged);
      const gained = merged.roles.filter((r) => !current.roles.includes(r));
      const moves = planRoles(ctx, current.customerId, current.id, merged.roles, gained, moveRoles);
      // Only what differs is written (and recorded); an empty change keeps the version.
      const changes: Partial<Address> = {};
      for (const key of ['label', 'recipient', 'line1', 'line2', 'city', 'region', 'postcode', 'country'] as const) {
        if (merged[key] !== current[key]) (changes as Record<string, unknown>)[key] = merged[key];
      }
      const sameRoles = merged.roles.length === current.roles.length && merged.roles.every((r) => current.roles.includes(r));
      if (!sameRoles) changes.roles = merged.roles;
      if (Object.keys(changes).length === 0) return { body: stored, headers: { ETag: etag(stored.version) } };
      const updated = ctx.db.updateAddress(current.id, changes);
      const before = describeAddress(current);
      const after = describeAddress(updated);
      if (Object.keys(changes).some((k) => k !== 'roles')) {
        systemNote(ctx, current.customerId, before === after ? `Address changed: ${after}` : `Address changed from ${before} to ${after}`, [changed('addresses', textValue(before), textValue(after))]);
      }
      if (changes.roles) {
        systemNote(ctx, current.customerId, `Address roles changed for ${after}: from ${roleList(current.roles) ?? 'none'} to ${roleList(updated.roles) ?? 'none'}`, [changed('addressRoles', members('addressRole', sortedRoles(current.roles)), members('addressRole', sortedRoles(updated.roles)), after)]);
      }
      makeMoves(ctx, current.customerId, updated, moves);
      return { body: ctx.db.getAddress(updated.id) ?? updated, headers: { ETag: etag(updated.version) } };
    },
  },

  'addresses.delete': {
    handle(ctx) {
      const address = loadAddress(ctx);
      ctx.db.deleteAddress(address.id);
      systemNote(ctx, address.customerId, `Address removed: ${describeAddress(address)}`, [changed('addresses', textValue(describeAddress(address)), null)]);
      return { status: 204 };
    },
  },
} satisfies Record<string, ResourceDef>;
