/**
 * The address role rule, as a client of the reference API sees it through the SDK: admin and
 * billing are each held by one address at most, delivery by any number, and a role is never moved
 * silently (409 naming the holder, unless the write names the holder in `moveRoles`). And the
 * generated reference data obeys the rule for every customer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../mocks/data/index.js';
import { setupMockApi } from '../../mocks/node.js';
import {
  createClient,
  isConflictError,
  isValidationError,
  SINGLE_HOLDER_ROLES,
  type Address,
  type AddressInput,
  type Client,
  type ConflictError,
} from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

const mock = setupMockApi({ seed: 4, size: { customers: 40, orders: 200, bigCustomerOrders: 100, manyNotes: 20 } });
const { db, scenario, tokens } = mock;

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => scenario.reset());
afterAll(() => mock.server.close());

const api = (): Client => createClient({ baseUrl: mock.baseUrl, getToken: () => tokens.admin, retry: 0 });

async function conflict(promise: Promise<unknown>): Promise<ConflictError> {
  const error = await rejection(promise);
  expect(isConflictError(error), String(error)).toBe(true);
  return error as ConflictError;
}

let made = 0;
/** A new customer with a head office (admin, billing, delivery) and a depot (delivery). */
async function customerWithTwo(client: Client): Promise<{ id: string; office: Address; depot: Address }> {
  const reference = await client.reference.get();
  const customer = await client.customers.create({ name: `Roles Test ${++made}`, type: 'retailer', salesChannelId: reference.salesChannels[0]!.id });
  const office = await client.addresses.create(customer.id, {
    label: 'Head office', line1: '12 High Street', city: 'Leeds', postcode: 'LS1 4AP', country: 'GB', roles: ['admin', 'billing', 'delivery'],
  });
  const depot = await client.addresses.create(customer.id, { label: 'Depot', line1: '4 Dock Road', city: 'Hull', postcode: 'HU1 1AA', country: 'GB', roles: ['delivery'] });
  return { id: customer.id, office, depot };
}

const rolesById = (customerId: string) => new Map(db.addressesOf(customerId).map((a) => [a.id, [...a.roles].sort()]));
const systemNotes = async (client: Client, customerId: string) =>
  (await client.notes.list(customerId, { source: 'system', limit: 100 }, { cache: 'reload' })).items;

describe('the address role rule in the reference API', () => {
  it('refuses billing for a new address while another holds it, naming the holder, and writes nothing', async () => {
    const client = api();
    const { id, office } = await customerWithTwo(client);
    const before = db.addressesOf(id).length;
    const input: AddressInput = { line1: '1 New Road', city: 'York', postcode: 'YO1 7HH', country: 'GB', roles: ['billing'] };
    const error = await conflict(client.addresses.create(id, input));
    expect(error.status).toBe(409);
    expect(error.roleHolders).toEqual([{ role: 'billing', addressId: office.id, summary: 'Head office, 12 High Street, Leeds, LS1 4AP' }]);
    expect(error.message).toContain('Head office, 12 High Street, Leeds, LS1 4AP');
    expect(db.addressesOf(id)).toHaveLength(before);
    expect(db.getAddress(office.id)!.roles).toContain('billing');
  });

  it('refuses a PATCH that gives admin and billing held elsewhere, naming both, and changes nothing', async () => {
    const client = api();
    const { id, office, depot } = await customerWithTwo(client);
    const roles = rolesById(id);
    const error = await conflict(client.addresses.update(id, depot.id, { roles: ['admin', 'billing', 'delivery'] }, { version: depot.version }));
    expect(error.roleHolders?.map((h) => [h.role, h.addressId])).toEqual([['admin', office.id], ['billing', office.id]]);
    expect(rolesById(id)).toEqual(roles);
    expect(db.getAddress(depot.id)!.version).toBe(depot.version);
  });

  it('moves billing when the write names the holder: the holder loses it and a system note records the move', async () => {
    const client = api();
    const { id, office, depot } = await customerWithTwo(client);
    const moved = await client.addresses.update(
      id, depot.id, { roles: ['billing', 'delivery'], moveRoles: { billing: office.id } }, { version: depot.version },
    );
    expect(moved.roles).toEqual(['billing', 'delivery']);
    expect(db.getAddress(office.id)!.roles).toEqual(['admin', 'delivery']);
    expect(db.getAddress(office.id)!.version).toBe(office.version + 1);
    const note = (await systemNotes(client, id)).find((n) => n.changes[0]?.field === 'addressRoles.billing');
    expect(note?.text).toBe('Billing role moved from 12 High Street, Leeds, LS1 4AP to 4 Dock Road, Hull, HU1 1AA');
    expect(note?.changes).toEqual([{
      field: 'addressRoles.billing',
      from: { type: 'text', text: '12 High Street, Leeds, LS1 4AP' },
      to: { type: 'text', text: '4 Dock Road, Hull, HU1 1AA' },
    }]);
    // The rule holds afterwards: one billing address.
    expect(db.addressesOf(id).filter((a) => a.roles.includes('billing')).map((a) => a.id)).toEqual([depot.id]);
  });

  it('moves admin to a new address in the same write that creates it', async () => {
    const client = api();
    const { id, office } = await customerWithTwo(client);
    const created = await client.addresses.create(id, {
      line1: '1 New Road', city: 'York', postcode: 'YO1 7HH', country: 'GB', roles: ['admin'], moveRoles: { admin: office.id },
    });
    expect(db.getAddress(office.id)!.roles).toEqual(['billing', 'delivery']);
    expect(db.addressesOf(id).filter((a) => a.roles.includes('admin')).map((a) => a.id)).toEqual([created.id]);
    expect((await systemNotes(client, id)).some((n) => n.text === 'Admin role moved from 12 High Street, Leeds, LS1 4AP to 1 New Road, York, YO1 7HH')).toBe(true);
  });

  it('refuses a move that names another address than the holder (someone moved it meanwhile), naming the real holder', async () => {
    const client = api();
    const { id, office, depot } = await customerWithTwo(client);
    // Someone else moves billing to the depot; this user still believes the head office holds it.
    await client.addresses.update(id, depot.id, { roles: ['billing', 'delivery'], moveRoles: { billing: office.id } }, { version: depot.version });
    const roles = rolesById(id);
    const error = await conflict(client.addresses.create(id, {
      line1: '1 New Road', city: 'York', postcode: 'YO1 7HH', country: 'GB', roles: ['billing'], moveRoles: { billing: office.id },
    }));
    expect(error.roleHolders).toEqual([{ role: 'billing', addressId: depot.id, summary: 'Depot, 4 Dock Road, Hull, HU1 1AA' }]);
    expect(rolesById(id)).toEqual(roles);
  });

  it('answers 422 for a move of a role the address does not take, and for delivery (never moved)', async () => {
    const client = api();
    const { id, office, depot } = await customerWithTwo(client);
    const error = await rejection(client.addresses.update(id, depot.id, { moveRoles: { billing: office.id } }, { version: depot.version }));
    expect(isValidationError(error)).toBe(true);
    expect(isValidationError(error) && error.fieldErrors.map((e) => e.field)).toEqual(['moveRoles.billing']);
    const delivery = await rejection(client.addresses.update(
      id, depot.id, { moveRoles: { delivery: office.id } as never }, { version: depot.version },
    ));
    expect(isValidationError(delivery)).toBe(true);
    expect(db.getAddress(office.id)!.roles).toEqual(['admin', 'billing', 'delivery']);
  });

  it('lets delivery be on several addresses, added and changed, with no question', async () => {
    const client = api();
    const { id, office, depot } = await customerWithTwo(client);
    const third = await client.addresses.create(id, { line1: '1 New Road', city: 'York', postcode: 'YO1 7HH', country: 'GB', roles: ['delivery'] });
    expect(db.addressesOf(id).filter((a) => a.roles.includes('delivery')).map((a) => a.id)).toEqual([office.id, depot.id, third.id]);
    const plain = await client.addresses.create(id, { line1: '2 New Road', city: 'York', postcode: 'YO1 7HH', country: 'GB' });
    await client.addresses.update(id, plain.id, { roles: ['delivery'] }, { version: plain.version });
    expect(db.addressesOf(id).filter((a) => a.roles.includes('delivery'))).toHaveLength(4);
  });

  it('gives billing freely when no address holds it, and keeps it on an address that already holds it', async () => {
    const client = api();
    const { id, office, depot } = await customerWithTwo(client);
    // The holder gives billing up, then another address takes it with no move.
    const dropped = await client.addresses.update(id, office.id, { roles: ['admin', 'delivery'] }, { version: office.version });
    await client.addresses.update(id, depot.id, { roles: ['billing', 'delivery'] }, { version: depot.version });
    expect(db.getAddress(depot.id)!.roles).toEqual(['billing', 'delivery']);
    // The holder's other changes never ask about the role it already holds.
    const depotNow = db.getAddress(depot.id)!;
    const renamed = await client.addresses.update(id, depot.id, { label: 'Main depot', roles: ['billing', 'delivery'] }, { version: depotNow.version });
    expect(renamed.label).toBe('Main depot');
    expect(dropped.roles).toEqual(['admin', 'delivery']);
  });
});

/** Every customer's addresses obey the rule: admin and billing on one address at most. */
function breaches(database: Database): string[] {
  const found: string[] = [];
  for (const customer of database.searchCustomers({})) {
    for (const role of SINGLE_HOLDER_ROLES) {
      const holders = database.addressesOf(customer.id).filter((a) => a.roles.includes(role));
      if (holders.length > 1) found.push(`${customer.id} has ${role} on ${holders.map((a) => a.id).join(', ')}`);
    }
  }
  return found;
}

describe('the reference data obeys the role rule', () => {
  it.each([1, 7, 42])('for every customer of the data set with seed %i', (seed) => {
    const database = createDatabase({ seed, size: { customers: 400, orders: 400, bigCustomerOrders: 100, manyNotes: 20 } });
    expect(database.searchCustomers({}).length).toBeGreaterThan(400);
    expect(breaches(database)).toEqual([]);
    // The rule is not met by having no roles: billing is on an address of nearly every customer with
    // addresses, and delivery is on several addresses of many.
    const withAddresses = database.searchCustomers({}).filter((c) => database.addressesOf(c.id).length > 0);
    const billed = withAddresses.filter((c) => database.addressesOf(c.id).some((a) => a.roles.includes('billing')));
    expect(billed.length).toBe(withAddresses.length);
    const severalDeliveries = withAddresses.filter((c) => database.addressesOf(c.id).filter((a) => a.roles.includes('delivery')).length > 1);
    expect(severalDeliveries.length).toBeGreaterThan(10);
  });

  it('for every customer of the default data set, and of the API these tests run against', () => {
    expect(breaches(createDatabase())).toEqual([]);
    expect(breaches(db)).toEqual([]);
  });
});
