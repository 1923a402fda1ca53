import type { Core } from '../core.js';
import type { Loyalty } from '../schemas.js';
import { tags } from '../tags.js';
import type { ReadOptions, WriteOptions } from './types.js';

export interface LoyaltyAdjustmentRequest {
  /** Points to add (positive) or take away (negative); never 0. */
  delta: number;
  reason: string;
}

export function loyaltyResource(core: Core) {
  return {
    /** The loyalty points balance. */
    get(customerId: string, opts?: ReadOptions): Promise<Loyalty> {
      return core.read('loyalty.get', { customerId }, undefined, [tags.loyalty(customerId)], opts);
    },
    /** Add or take away points. */
    async adjust(customerId: string, body: LoyaltyAdjustmentRequest, opts?: WriteOptions): Promise<Loyalty> {
      const loyalty = await core.call('loyalty.adjust', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      core.commit({ put: [{ route: 'loyalty.get', params: { customerId }, tags: [tags.loyalty(customerId)], value: loyalty }] });
      return loyalty;
    },
  };
}
