import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** The server did not answer within the client's `timeout`. (A caller's own abort is not this.) */
export class TimeoutError extends CustomerElementsError {
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;
  constructor(timeout: number, details: ErrorDetails = {}) {
    super('timeout', `The server did not answer within ${Math.round(timeout / 100) / 10} seconds. Try again.`, details);
    this.name = 'TimeoutError';
    this.timeout = timeout;
  }
}

export function isTimeoutError(value: unknown): value is TimeoutError {
  return errorKind(value) === 'timeout';
}
