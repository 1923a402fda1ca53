/**
 * Loyalty through the SDK against the reference API: the points statement reconciles for every
 * customer, adjustments land on it with their reason, and the shop-wide settings are a versioned,
 * capability-gated write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupMockApi } from '../../mocks/node.js';
import { createDatabase } from '../../mocks/data/index.js';
import { pointsFor } from '../../mocks/data/loyalty.js';
import { createClient, isConflictError, isForbiddenError, isValidationError } from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

const db = createDatabase({ size: { customers: 200, orders: 3000, bigCustomerOrders: 500, manyNotes: 20 } });
const mock = setupMockApi({ db });
const fx = db.fixtures;
const sdk = (token = mock.tokens.admin) => createClient({ baseUrl: mock.baseUrl, getToken: () => token, retry: 0 });

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.server.close());

describe('loyalty points history (reference data)', () => {
  it('explains every customer\'s balance: the history sums to it and never goes below zero', () => {
    for (const record of db.searchCustomers({})) {
      const history = db.loyaltyHistoryOf(record.id);
      const points = db.loyaltyOf(record.id).points;
      let running = 0;
      for (const entry of history) {
        running += entry.points;
        expect(entry.balanceAfter, `${record.id} ${entry.id}`).toBe(running);
        expect(running, `${record.id} ${entry.id}`).toBeGreaterThanOrEqual(0);
        if (entry.kind === 'earned') expect(entry.points).toBeGreaterThan(0);
        if (entry.kind === 'spent') expect(entry.points).toBeLessThan(0);
        if (entry.kind !== 'adjustment') expect(entry.orderId).toMatch(/^ord_/);
        else expect(entry.reason).toBeTruthy();
      }
      expect(running, record.id).toBe(points);
    }
  });

  it('earns on dispatched orders only, at whole pounds times the rate', () => {
    const id = fx.customers.allStatuses;
    const history = db.loyaltyHistoryOf(id);
    const earned = history.filter((e) => e.kind === 'earned');
    expect(earned.length).toBeGreaterThan(0);
    for (const entry of earned) {
      const order = db.getOrderSummary(entry.orderId!)!;
      expect(order.status).toBe('dispatched');
      expect(entry.points).toBe(pointsFor(order.total.amountMinor, 1));
      expect(entry.orderNumber).toBe(order.number);
    }
  });
});

describe('loyalty statement', () => {
  it('reconciles for any period: opening + earned − spent + adjusted = closing, and periods chain', async () => {
    const api = sdk();
    const id = fx.customers.allStatuses;
    const year = await api.loyalty.statement(id, { from: '2020-01-01', to: '2026-12-31' });
    expect(year.closing).toBe((await api.loyalty.get(id)).points);
    const first = await api.loyalty.statement(id, { from: '2020-01-01', to: '2025-06-30' });
    const second = await api.loyalty.statement(id, { from: '2025-07-01', to: '2026-12-31' });
    for (const s of [year, first, second]) {
      expect(s.opening + s.earned - s.spent + s.adjusted).toBe(s.closing);
      const movements = s.entries.reduce((sum, e) => sum + e.points, 0);
      expect(s.opening + movements).toBe(s.closing);
    }
    expect(second.opening).toBe(first.closing);
    expect(first.entries.length + second.entries.length).toBe(year.entries.length);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const error = await rejection(sdk().loyalty.statement(fx.customers.allStatuses, { from: '2026-05-01', to: '2026-04-01' }));
    expect(isValidationError(error)).toBe(true);
    expect(isValidationError(error) && error.fieldErrors.map((f) => f.field)).toEqual(['from']);
  });

  it('shows an adjustment with its reason, leaves a system note, and updates the cached statement', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const before = await api.loyalty.statement(id);
    const after = await api.loyalty.adjust(id, { delta: 15, reason: 'Damaged parcel goodwill' });
    expect(after.points).toBe(before.closing + 15);
    const statement = await api.loyalty.statement(id);
    expect(statement.closing).toBe(after.points);
    expect(statement.entries.at(-1)).toMatchObject({ kind: 'adjustment', points: 15, reason: 'Damaged parcel goodwill', balanceAfter: after.points });
    const notes = await api.notes.list(id);
    expect(notes.items.some((n) => n.source === 'system' && n.text.includes('Damaged parcel goodwill'))).toBe(true);
  });
});

describe('loyalty settings', () => {
  it('reads and changes the shop-wide settings with the version read; a stale version is a conflict', async () => {
    const api = sdk();
    const read = await api.loyalty.settings();
    expect(read).toMatchObject({ pointsPerPound: 1, pointValue: { amountMinor: 1, currency: 'GBP' } });
    const saved = await api.loyalty.updateSettings({ pointsPerPound: 2, pointValue: { amountMinor: 2, currency: 'GBP' } }, { version: read.version });
    expect(saved).toMatchObject({ pointsPerPound: 2, pointValue: { amountMinor: 2 }, version: read.version + 1, updatedBy: 'Hannah Whitfield' });
    expect(await api.loyalty.settings()).toEqual(saved);
    const stale = await rejection(api.loyalty.updateSettings({ pointsPerPound: 3, pointValue: { amountMinor: 1, currency: 'GBP' } }, { version: read.version }));
    expect(isConflictError(stale)).toBe(true);
    // A statement values points at the settings now in force.
    expect((await api.loyalty.statement(fx.customers.allStatuses)).pointValue.amountMinor).toBe(2);
  });

  it('is refused to a user without the loyalty.settings.edit capability, and validated', async () => {
    const clerk = sdk(mock.tokens.clerk);
    const current = await clerk.loyalty.settings();
    const forbidden = await rejection(clerk.loyalty.updateSettings({ pointsPerPound: 5, pointValue: { amountMinor: 1, currency: 'GBP' } }, { version: current.version }));
    expect(isForbiddenError(forbidden)).toBe(true);
    const invalid = await rejection(sdk().loyalty.updateSettings({ pointsPerPound: 1.5, pointValue: { amountMinor: -1, currency: 'GBP' } }, { version: current.version }));
    expect(isValidationError(invalid)).toBe(true);
  });
});
