/**
 * Adding a customer through the SDK against the reference API: the whole customer (fields, first
 * address, contacts) in one write that is all or nothing, payment terms from the sales channel, a
 * lost answer that never makes a second customer, the capability, and the duplicate check.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupMockApi } from '../../mocks/node.js';
import { similarNames } from '../../mocks/handlers/customer-create.js';
import { defaultPaymentTermsId } from '../../src/sdk/customer-rules.js';
import {
  createClient, isForbiddenError, isUncertainError, isValidationError,
  type Client, type CustomerCreate, type ValidationError,
} from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

const mock = setupMockApi({ seed: 7, size: { customers: 40, orders: 200, bigCustomerOrders: 100, manyNotes: 20 } });
const { db, scenario, tokens } = mock;

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => scenario.reset());
afterAll(() => mock.server.close());

const api = (token = tokens.admin): Client => createClient({ baseUrl: mock.baseUrl, getToken: () => token, retry: 0 });

let made = 0;
const unique = (base: string) => `${base} ${++made}`;
const named = (name: string) => db.searchCustomers({ q: name }).filter((c) => c.name === name);

function acme(name: string, extra: Partial<CustomerCreate> = {}): CustomerCreate {
  return {
    name, type: 'retailer', salesChannelId: 'sc_trade', email: `${name.replace(/\W+/g, '.').toLowerCase()}@example.com`,
    address: { line1: '1 Mill Lane', city: 'Leeds', postcode: 'ls1 4ap', country: 'GB' },
    contacts: [{ name: 'Jo Buyer', role: 'Buyer', email: 'jo@example.com' }, { name: 'Sam Books', phone: '0113 496 0000' }],
    ...extra,
  };
}

describe('customers.create', () => {
  it('creates the customer, its first address (every role, postcode formatted) and its contacts in one write; search finds it at once', async () => {
    const client = api();
    const name = unique('Thornbury Fabrics');
    const customer = await client.customers.create(acme(name, { tradingName: 'Thornbury', vatExempt: true, eori: 'GB123456789000', mobile: '07700 900123' }));
    expect(customer).toMatchObject({ name, tradingName: 'Thornbury', vatExempt: true, eori: 'GB123456789000', mobile: '07700 900123', version: 1 });
    const addresses = await client.addresses.list(customer.id);
    expect(addresses.items).toHaveLength(1);
    expect(addresses.items[0]).toMatchObject({ line1: '1 Mill Lane', postcode: 'LS1 4AP', country: 'GB' });
    expect([...addresses.items[0]!.roles].sort()).toEqual(['admin', 'billing', 'delivery']);
    const contacts = await client.contacts.list(customer.id);
    expect(contacts.map((c) => c.name)).toEqual(['Jo Buyer', 'Sam Books']);
    const byName = await client.customers.search({ q: name });
    expect(byName.items.map((c) => c.id)).toContain(customer.id);
    const byPostcode = await client.customers.search({ q: 'LS1 4AP', criterion: 'postcode' });
    expect(byPostcode.items.find((c) => c.id === customer.id)?.postcode).toBe('LS1 4AP');
  });

  it('gives the payment terms of the sales channel when none are sent, as the form computes them', async () => {
    const client = api();
    const reference = await client.reference.get();
    const expected = { sc_trade: 'pt_7_days', sc_amazon: 'pt_full_payment', sc_website: 'pt_full_payment', sc_direct: 'pt_full_payment' };
    for (const [channel, terms] of Object.entries(expected)) {
      expect(defaultPaymentTermsId(reference, channel)).toBe(terms);
      const created = await client.customers.create({ name: unique('Terms Test'), type: 'public', salesChannelId: channel });
      expect(created.paymentTermsId, channel).toBe(terms);
    }
    const chosen = await client.customers.create({ name: unique('Terms Chosen'), type: 'retailer', salesChannelId: 'sc_trade', paymentTermsId: 'pt_60_days' });
    expect(chosen.paymentTermsId).toBe('pt_60_days');
  });

  it('refuses a bad address or contact with errors at those fields, and writes nothing at all', async () => {
    const client = api();
    const name = unique('Half Customer');
    const error = await rejection(client.customers.create(acme(name, {
      address: { line1: '', city: 'Leeds', postcode: 'LS1 XYZ', country: 'GB' },
    })));
    expect(isValidationError(error)).toBe(true);
    const fields = (error as ValidationError).fieldErrors.map((e) => e.field).sort();
    expect(fields).toEqual(['address.line1']);
    const postcode = await rejection(client.customers.create(acme(name, { address: { line1: '1 A Road', city: 'Leeds', postcode: 'LS1 XYZ', country: 'GB' } })));
    expect((postcode as ValidationError).fieldError('address.postcode')?.message).toBe('Enter a real UK postcode, like SW1A 1AA.');
    const contact = await rejection(client.customers.create(acme(name, { contacts: [{ name: 'Fine' }, { name: 'Bad', email: 'not-an-address' }] })));
    expect((contact as ValidationError).fieldError('contacts.1.email')).toBeDefined();
    // A German postcode follows Germany's rules.
    const german = await rejection(client.customers.create(acme(name, { address: { line1: 'Hauptstraße 1', city: 'Berlin', postcode: '1011', country: 'DE' } })));
    expect((german as ValidationError).fieldError('address.postcode')?.message).toBe('Enter a real postcode, like 10115.');
    expect(named(name)).toHaveLength(0);
  });

  it('a lost answer and the same write again make exactly one customer', async () => {
    const client = api();
    const name = unique('Lost Answer Ltd');
    const body = acme(name);
    scenario.failNext('customers.create', 'lost');
    const first = await rejection(client.customers.create(body));
    expect(isUncertainError(first)).toBe(true);
    expect(named(name)).toHaveLength(1); // the server did it
    const again = await client.customers.create(body);
    expect(named(name)).toHaveLength(1);
    expect(again.id).toBe(named(name)[0]!.id);
    expect(db.contactsOf(again.id)).toHaveLength(2);
    expect(db.addressesOf(again.id)).toHaveLength(1);
  });

  it('the same draft key with the same body is a replay, also from another client', async () => {
    const name = unique('Keyed Draft');
    const key = `draft-${name}`;
    scenario.failNext('customers.create', 'lost');
    await rejection(api().customers.create(acme(name), { idempotencyKey: key }));
    const again = await api().customers.create(acme(name), { idempotencyKey: key });
    expect(named(name).map((c) => c.id)).toEqual([again.id]);
  });

  it('needs the customers.create capability', async () => {
    const name = unique('Not Allowed');
    const error = await rejection(api(tokens.clerk).customers.create(acme(name)));
    expect(isForbiddenError(error)).toBe(true);
    expect(named(name)).toHaveLength(0);
  });
});

describe('customers.duplicates', () => {
  let existing: { id: string; name: string; email: string };
  beforeAll(async () => {
    const name = 'Acme Widgets Ltd';
    const created = await api().customers.create(acme(name, { email: 'Orders@Acme-Widgets.example', address: { line1: '2 Canal St', city: 'Leeds', postcode: 'LS2 7EH', country: 'GB' } }));
    existing = { id: created.id, name, email: 'orders@acme-widgets.example' };
  });

  it('finds the same email whatever its case, with the reason', async () => {
    const found = await api().customers.duplicates({ email: ' ORDERS@acme-widgets.example ' });
    expect(found.items).toEqual([expect.objectContaining({ reasons: ['email'] })]);
    expect(found.items[0]!.customer).toMatchObject({ id: existing.id, name: existing.name });
  });

  it('finds the same postcode with a similar name, and not a different name there', async () => {
    for (const name of ['ACME Widgets Limited', 'Acme Widgts', 'acme widgets', 'Acme']) {
      const found = await api().customers.duplicates({ name, postcode: 'ls27eh' });
      expect(found.items.map((m) => [m.customer.id, m.reasons]), name).toEqual([[existing.id, ['postcodeName']]]);
    }
    expect((await api().customers.duplicates({ name: 'Bramley Bakery', postcode: 'LS2 7EH' })).items).toEqual([]);
    expect((await api().customers.duplicates({ name: 'Acme Widgets Ltd', postcode: 'LS1 1AA' })).items).toEqual([]);
  });

  it('puts both reasons together, strongest first; nothing asked, nothing found', async () => {
    const both = await api().customers.duplicates({ name: 'Acme Widgets', postcode: 'LS2 7EH', email: 'orders@acme-widgets.example' });
    expect(both.items[0]).toMatchObject({ customer: { id: existing.id }, reasons: ['email', 'postcodeName'] });
    expect((await api().customers.duplicates({})).items).toEqual([]);
    expect((await api().customers.duplicates({ email: 'orders@' })).items).toEqual([]);
  });

  it('is a route of its own, not a customer called "duplicates"', async () => {
    const response = await fetch(`${mock.baseUrl}/customers/duplicates?email=x%40y.z`, { headers: { Authorization: `Bearer ${tokens.viewer}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [] });
  });

  it('names alike and not alike', () => {
    expect(similarNames('The Acme Co. Ltd', 'ACME')).toBe(true);
    expect(similarNames('Smith & Sons', 'Smith and Sons Limited')).toBe(true);
    expect(similarNames('Jones', 'Janes')).toBe(true);
    expect(similarNames('Jones', 'Bones Bakery')).toBe(false);
    expect(similarNames('Ltd', 'Limited')).toBe(false);
  });
});
