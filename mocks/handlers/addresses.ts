/** Addresses: country-aware validation, roles (each role held by one address), searchable pages. */
import { ADDRESS_ROLES, type Address, type AddressInput, type AddressPatch, type AddressRole } from '../../src/sdk/schemas.js';
import { normalisePostcode, validateAddress } from '../../src/sdk/validation.js';
import { etag, loadCustomer, param, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { paginate, type PageQuery } from './paging.js';
import { invalid, notFound } from './problem.js';

function loadAddress(ctx: HandlerContext): Address {
  const customer = loadCustomer(ctx);
  const id = param(ctx, 'addressId');
  const address = ctx.db.getAddress(id);
  if (!address || address.customerId !== customer.id) throw notFound('address', id);
  return address;
}

export const describeAddress = (a: Pick<Address, 'line1' | 'city' | 'postcode'>) =>
  [a.line1, a.city, a.postcode].filter(Boolean).join(', ');

const ROLE_NAMES: Record<AddressRole, string> = { admin: 'Admin', billing: 'Billing', delivery: 'Delivery' };

function checkAddress(ctx: HandlerContext, candidate: Omit<Address, 'id' | 'customerId' | 'version'>): void {
  const postcodeRequired = ctx.db.reference.countries.filter((c) => c.postcodeRequired).map((c) => c.code);
  const errors = validateAddress(candidate, { postcodeRequired });
  if (!errors.some((e) => e.field === 'country') && !ctx.db.reference.countries.some((c) => c.code === candidate.country)) {
    errors.push({ field: 'country', message: 'Choose a country from the list.', code: 'unknown_reference' });
  }
  if (errors.length) throw invalid(errors);
}

/** Each role belongs to one address: giving it to `addressId` takes it from the others. */
function takeRoles(ctx: HandlerContext, customerId: string, addressId: string, roles: AddressRole[]): void {
  if (!roles.length) return;
  for (const other of ctx.db.addressesOf(customerId)) {
    if (other.id === addressId) continue;
    const kept = other.roles.filter((r) => !roles.includes(r));
    if (kept.length !== other.roles.length) ctx.db.updateAddress(other.id, { roles: kept });
  }
}

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
      const created = ctx.db.createAddress(customer.id, candidate);
      takeRoles(ctx, customer.id, created.id, created.roles);
      const roles = roleList(created.roles);
      systemNote(ctx, customer.id, `Address added: ${describeAddress(created)}${roles ? ` (${roles})` : ''}`, {
        field: 'addresses', from: null, to: describeAddress(created),
      });
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
      const patch = ctx.body as AddressPatch;
      const requested: Partial<Address> = {};
      for (const [k, value] of Object.entries(patch)) (requested as Record<string, unknown>)[k] = value ?? null;
      if (patch.roles) requested.roles = ADDRESS_ROLES.filter((r) => patch.roles!.includes(r));
      const merged = { ...current, ...requested };
      if (merged.postcode) merged.postcode = normalisePostcode(merged.postcode, merged.country);
      checkAddress(ctx, merged);
      // Only what differs is written (and recorded); an empty change keeps the version.
      const changes: Partial<Address> = {};
      for (const key of ['label', 'recipient', 'line1', 'line2', 'city', 'region', 'postcode', 'country'] as const) {
        if (merged[key] !== current[key]) (changes as Record<string, unknown>)[key] = merged[key];
      }
      const sameRoles = merged.roles.length === current.roles.length && merged.roles.every((r) => current.roles.includes(r));
      if (!sameRoles) changes.roles = merged.roles;
      if (Object.keys(changes).length === 0) return { body: stored, headers: { ETag: etag(stored.version) } };
      const updated = ctx.db.updateAddress(current.id, changes);
      const gained = updated.roles.filter((r) => !current.roles.includes(r));
      takeRoles(ctx, current.customerId, updated.id, gained);
      const before = describeAddress(current);
      const after = describeAddress(updated);
      if (Object.keys(changes).some((k) => k !== 'roles')) {
        systemNote(ctx, current.customerId, before === after ? `Address changed: ${after}` : `Address changed from ${before} to ${after}`, {
          field: 'addresses', from: before, to: after,
        });
      }
      if (changes.roles) {
        systemNote(ctx, current.customerId, `Address roles changed for ${after}: from ${roleList(current.roles) ?? 'none'} to ${roleList(updated.roles) ?? 'none'}`, {
          field: 'addressRoles', from: roleList(current.roles), to: roleList(updated.roles),
        });
      }
      return { body: ctx.db.getAddress(updated.id) ?? updated, headers: { ETag: etag(updated.version) } };
    },
  },

  'addresses.delete': {
    handle(ctx) {
      const address = loadAddress(ctx);
      ctx.db.deleteAddress(address.id);
      systemNote(ctx, address.customerId, `Address removed: ${describeAddress(address)}`, {
        field: 'addresses', from: describeAddress(address), to: null,
      });
      return { status: 204 };
    },
  },
} satisfies Record<string, ResourceDef>;
