import type { Core } from '../core.js';
import type { Loyalty, LoyaltySettings, LoyaltyStatement, Money } from '../schemas.js';
import { tags } from '../tags.js';
import type { ReadOptions, VersionedWriteOptions, WriteOptions } from './types.js';

export interface LoyaltyAdjustmentRequest {
  /** Points to add (positive) or take away (negative); never 0. */
  delta: number;
  reason: string;
}

export interface LoyaltyStatementQuery {
  /** First day of the period, `YYYY-MM-DD` (inclusive). Default: a year before `to`. */
  from?: string;
  /** Last day of the period, `YYYY-MM-DD` (inclusive). Default: today. */
  to?: string;
}

export interface LoyaltySettingsInput {
  /** Points earned per whole pound of a dispatched order (0 to 100; 0 turns earning off). */
  pointsPerPound: number;
  /** What one point is worth when spent. */
  pointValue: Money;
}

export function loyaltyResource(core: Core) {
  return {
    /** The loyalty points balance. */
    get(customerId: string, opts?: ReadOptions): Promise<Loyalty> {
      return core.read('loyalty.get', { customerId }, undefined, [tags.loyalty(customerId)], opts);
    },
    /** Add or take away points, with a reason (recorded in a system note and on the points statement). */
    async adjust(customerId: string, body: LoyaltyAdjustmentRequest, opts?: WriteOptions): Promise<Loyalty> {
      const loyalty = await core.call('loyalty.adjust', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      // Statements of any period may now differ, and the adjustment left a system note.
      core.commit({ invalidate: [tags.loyalty(customerId), tags.notes(customerId)] });
      core.commit({ put: [{ route: 'loyalty.get', params: { customerId }, tags: [tags.loyalty(customerId)], value: loyalty }] });
      return loyalty;
    },
    /** Points earned, spent and adjusted over a period, per order (opening + movements = closing). */
    statement(customerId: string, query: LoyaltyStatementQuery = {}, opts?: ReadOptions): Promise<LoyaltyStatement> {
      return core.read('loyalty.statement', { customerId }, query, [tags.loyalty(customerId)], opts);
    },
    /** The shop-wide settings: points per pound and the value of a point (with the `version` to send on a change). */
    settings(opts?: ReadOptions): Promise<LoyaltySettings> {
      return core.read('loyalty.settings', {}, undefined, [tags.loyaltySettings()], opts);
    },
    /**
     * Change the shop-wide settings (needs `loyalty.settings`). `version` is the settings' version
     * as read: when someone else changed them meanwhile the call rejects with a ConflictError.
     */
    async updateSettings(input: LoyaltySettingsInput, opts: VersionedWriteOptions): Promise<LoyaltySettings> {
      const settings = await core.call('loyalty.updateSettings', {}, { body: input, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      core.commit({ put: [{ route: 'loyalty.settings', params: {}, tags: [tags.loyaltySettings()], value: settings }] });
      return settings;
    },
  };
}
