/**
 * Server data in the user's language, and system notes as typed changes: the mock API as a
 * client sees it (plain `fetch`, then the SDK over the same mock).
 */
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/sdk/index.js';
import { Note, Reference, type Customer, type FieldChange, type Page } from '../../src/sdk/schemas.js';
import { routes } from '../../src/sdk/contract.js';
import { negotiateLanguage } from '../../mocks/handlers/language.js';
import { setupMockApi } from '../../mocks/node.js';
import { CHANNEL, SEASON, TERMS } from '../../mocks/data/reference.js';

const mock = setupMockApi({ seed: 11, size: { customers: 40, orders: 200, bigCustomerOrders: 100, manyNotes: 200 } });
const { db, tokens } = mock;
const fx = db.fixtures;

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.scenario.reset());
afterAll(() => mock.server.close());

async function reference(acceptLanguage?: string) {
  const headers: Record<string, string> = { Authorization: `Bearer ${tokens.admin}` };
  if (acceptLanguage !== undefined) headers['Accept-Language'] = acceptLanguage;
  const res = await fetch(`${mock.baseUrl}/reference`, { headers });
  expect(res.status).toBe(200);
  const body = v.parse(Reference, await res.json());
  return { body, language: res.headers.get('content-language'), vary: res.headers.get('vary') ?? '' };
}

const termsName = (ref: Reference, id: string) => ref.paymentTerms.find((t) => t.id === id)?.name;
/** The reference lists without the names that a language may change. */
const withoutNames = (r: Reference) => ({
  ...r,
  salesChannels: r.salesChannels.map(({ name: _n, ...rest }) => rest),
  paymentTerms: r.paymentTerms.map(({ name: _n, ...rest }) => rest),
  seasons: r.seasons.map(({ name: _n, ...rest }) => rest),
});

describe('negotiateLanguage', () => {
  const available = ['en', 'de', 'ar'] as const;
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['AR-EG', 'ar'],
    ['fr-FR, fr;q=0.9', 'en'],
    ['fr, de;q=0.8, en;q=0.5', 'de'],
    ['en;q=0.2, ar;q=0.9, de;q=0.5', 'ar'],
    ['de;q=0.5, ar;q=0.5', 'de'],
    ['*', 'en'],
    ['de;q=0, *', 'en'],
    ['en;q=0, *;q=0.1', 'de'],
    ['de;q=0', 'en'],
    ['de;q=abc, ar', 'ar'],
    [' de-CH ;q=0.7 , en ; q=0.6 ', 'de'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header, available)).toBe(expected);
  });
});

describe('reference lists in the caller\'s language', () => {
  it('answers in German, says so, and varies on Accept-Language', async () => {
    const { body, language, vary } = await reference('de-DE,de;q=0.9,en;q=0.8');
    expect(language).toBe('de');
    expect(vary.toLowerCase()).toContain('accept-language');
    expect(termsName(body, TERMS.eom30)).toBe('30 Tage zum Monatsende');
    expect(body.salesChannels.find((c) => c.id === CHANNEL.trade)?.name).toBe('Händlerportal');
    expect(body.seasons.find((s) => s.id === SEASON.aw27)?.name).toBe('Herbst/Winter 2027');
  });

  it('answers in Arabic', async () => {
    const { body, language } = await reference('ar');
    expect(language).toBe('ar');
    expect(termsName(body, TERMS.fullPayment)).toBe('الدفع الكامل قبل الشحن');
    expect(body.seasons.find((s) => s.id === SEASON.christmas)?.name).toBe('طلبات مسبقة لعيد الميلاد 2026');
  });

  it('falls back to English for a language it does not have, and without the header', async () => {
    for (const header of ['fr-FR', undefined]) {
      const { body, language, vary } = await reference(header);
      expect(language).toBe('en');
      expect(vary.toLowerCase()).toContain('accept-language');
      expect(body).toEqual(db.reference);
    }
  });

  it('changes only names: ids, kinds, dates and every other list are the same in each language', async () => {
    const en = (await reference('en')).body;
    for (const lang of ['de', 'ar']) {
      const other = (await reference(lang)).body;
      expect(withoutNames(other)).toEqual(withoutNames(en));
      // Every translated name is a real translation or a brand kept as it is, never empty.
      for (const item of [...other.salesChannels, ...other.paymentTerms, ...other.seasons]) expect(item.name.trim()).not.toBe('');
      expect(other.paymentTerms.filter((t, i) => t.name !== en.paymentTerms[i]!.name).length).toBe(en.paymentTerms.length);
    }
  });

  it('the SDK sends the locale asked for as Accept-Language and caches each language apart', async () => {
    const sent: Array<string | null> = [];
    const client = createClient({
      baseUrl: mock.baseUrl,
      getToken: () => tokens.admin,
      locale: 'en-GB',
      fetch: (input, init) => {
        sent.push(new Request(input, init).headers.get('accept-language'));
        return fetch(input, init);
      },
    });
    const german = await client.reference.get({ locale: 'de-DE' });
    const english = await client.reference.get();
    const germanAgain = await client.reference.get({ locale: 'de-DE' });
    expect(termsName(german, TERMS.days7)).toBe('7 Tage');
    expect(termsName(english, TERMS.days7)).toBe('7 days');
    expect(germanAgain).toBe(german);
    expect(sent).toEqual(['de-DE', 'en-GB']);
  });

  it('the contract documents the route as answering in en, de and ar', () => {
    expect(routes['reference.get'].languages).toEqual(['en', 'de', 'ar']);
  });
});

describe('system notes carry typed changes', () => {
  const api = () => createClient({ baseUrl: mock.baseUrl, getToken: () => tokens.admin, retry: 0 });
  const systemNotes = async (id: string) =>
    (await api().notes.list(id, { source: 'system', limit: 100 }) as Page<Note>).items;
  const first = async (id: string, field: string): Promise<FieldChange | undefined> =>
    (await systemNotes(id)).flatMap((n) => n.changes).find((c) => c.field === field);

  it('every system note of the seeded data is structured, and every manual note has none', () => {
    let system = 0;
    for (const customer of db.searchCustomers({})) {
      for (const note of db.notesOf(customer.id)) {
        v.parse(Note, note);
        if (note.source === 'manual') expect(note.changes).toEqual([]);
        else {
          system++;
          expect(note.changes.length, note.text).toBeGreaterThan(0);
        }
      }
    }
    expect(system).toBeGreaterThan(0);
  });

  it('a customer update records each field typed: money in minor units, booleans, reference ids with their list, enum codes', async () => {
    const id = fx.customers.creditTrade;
    const client = api();
    const before = await client.customers.get(id);
    const terms = db.reference.paymentTerms.find((t) => t.id !== before.paymentTermsId)!;
    const updated: Customer = await client.customers.update(
      id,
      { creditLimit: { amountMinor: 123_456, currency: 'GBP' }, onHold: !before.onHold, paymentTermsId: terms.id, type: 'agent', eori: 'GB123456789000' },
      { version: before.version },
    );
    expect(updated.creditLimit.amountMinor).toBe(123_456);
    expect(await first(id, 'creditLimit')).toEqual({
      field: 'creditLimit', from: { type: 'money', money: before.creditLimit }, to: { type: 'money', money: { amountMinor: 123_456, currency: 'GBP' } },
    });
    expect(await first(id, 'onHold')).toEqual({ field: 'onHold', from: { type: 'boolean', value: before.onHold }, to: { type: 'boolean', value: !before.onHold } });
    expect(await first(id, 'paymentTermsId')).toEqual({
      field: 'paymentTermsId',
      from: { type: 'reference', kind: 'paymentTerms', id: before.paymentTermsId },
      to: { type: 'reference', kind: 'paymentTerms', id: terms.id },
    });
    expect(await first(id, 'type')).toMatchObject({ to: { type: 'enum', kind: 'customerType', values: ['agent'] } });
    expect(await first(id, 'eori')).toMatchObject({ to: { type: 'text', text: 'GB123456789000' } });
  });

  it('a password change records that it changed and nothing else', async () => {
    const id = fx.customers.creditTrade;
    const client = api();
    const before = await client.customers.get(id);
    await client.customers.update(id, { password: 'a secret of mine 42' }, { version: before.version });
    const notes = await systemNotes(id);
    const change = notes.flatMap((n) => n.changes).find((c) => c.field === 'password');
    expect(change).toEqual({ field: 'password', secret: true });
    expect(JSON.stringify(notes)).not.toContain('a secret of mine');
  });

  it('order and loyalty writes record numbers, money and enumerations with their subject', async () => {
    const id = fx.customers.creditTrade;
    const client = api();
    await client.loyalty.adjust(id, { delta: 25, reason: 'Goodwill' });
    expect(await first(id, 'loyaltyPoints')).toMatchObject({ subject: 'Goodwill', from: { type: 'number' }, to: { type: 'number' } });
    const ordersOf = (customerId: string) => db.ordersOf(customerId, { sort: 'placedAt', order: 'desc' });
    const open = fx.customers.bigOrders;
    const order = ordersOf(open).find((o) => o.status === 'unallocated' || o.status === 'allocated');
    expect(order, 'an order that can still be cancelled').toBeDefined();
    const { status, number } = order!;
    await client.orders.cancel(order!.id, { reason: 'Customer asked' });
    expect(await first(open, 'order.status')).toEqual({
      field: 'order.status', subject: number,
      from: { type: 'enum', kind: 'orderStatus', values: [status] },
      to: { type: 'enum', kind: 'orderStatus', values: ['cancelled'] },
    });
    const cancelledAt = await first(open, 'order.cancelledAt');
    expect(cancelledAt).toMatchObject({ subject: number, from: null, to: { type: 'date' } });
    expect(Number.isNaN(Date.parse((cancelledAt as { to: { date: string } }).to.date))).toBe(false);
    const refundable = ordersOf(open).find((o) => o.status === 'dispatched' && o.total.amountMinor > 100);
    expect(refundable, 'a dispatched order').toBeDefined();
    await client.orders.refund(refundable!.id, { amount: { amountMinor: 100, currency: refundable!.total.currency }, reason: 'Scratched', method: 'manual' });
    expect(await first(open, 'order.refund')).toEqual({
      field: 'order.refund', subject: refundable!.number, from: null, to: { type: 'money', money: { amountMinor: 100, currency: refundable!.total.currency } },
    });
  });
});
