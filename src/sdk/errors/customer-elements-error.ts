import type { Problem } from '../schemas.js';

/**
 * Every SDK error carries this brand, registered in the global symbol registry so that the type
 * guards also work for errors created by another copy of the SDK or in another realm (an iframe),
 * where `instanceof` fails.
 */
export const ERROR_BRAND: unique symbol = Symbol.for('customer-elements.error') as never;

export type ErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'validation'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid-response'
  | 'invalid-id'
  | 'redirect';

export interface ErrorDetails {
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** The problem details sent by the server, or synthesized from the status when it sent none. */
  problem?: Problem;
  /** HTTP method of the failed request. */
  method?: string;
  /** URL of the failed request (never carries credentials: the token travels in a header). */
  url?: string;
  cause?: unknown;
  /**
   * The request was sent and it is not known whether the server applied it: the answer was lost,
   * cut off, late or unreadable. Only ever true for writes.
   */
  uncertain?: boolean;
}

/** The base class of every error the SDK throws (a caller's own abort excepted). */
export class CustomerElementsError extends Error {
  declare readonly [ERROR_BRAND]: ErrorKind;
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly problem?: Problem;
  readonly method?: string;
  readonly url?: string;
  /**
   * True when a write was sent and whether the server applied it is unknown (the connection
   * dropped, the answer was late, cut off or unreadable). Repeating the same call is safe: the SDK
   * sends it again with the same `Idempotency-Key`, so the server answers with what it did the
   * first time instead of doing it twice. False for reads and for answers that say what happened.
   */
  readonly uncertain: boolean;

  constructor(kind: ErrorKind, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CustomerElementsError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.problem !== undefined) this.problem = details.problem;
    if (details.method !== undefined) this.method = details.method;
    if (details.url !== undefined) this.url = details.url;
    this.uncertain = details.uncertain === true;
    Object.defineProperty(this, ERROR_BRAND, { value: kind, enumerable: false });
  }
}

/** The kind of an SDK error, read from its brand, or undefined for anything else. */
export function errorKind(value: unknown): ErrorKind | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const kind = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND];
  return typeof kind === 'string' ? (kind as ErrorKind) : undefined;
}

/** True for any error thrown by the SDK, whichever realm or copy of the SDK created it. */
export function isCustomerElementsError(value: unknown): value is CustomerElementsError {
  return errorKind(value) !== undefined;
}

/**
 * True for an SDK error after which it is unknown whether a write was applied (see
 * `CustomerElementsError.uncertain`): read the record again, or repeat the same call, before
 * telling the user it was not saved.
 */
export function isUncertainError(value: unknown): value is CustomerElementsError & { readonly uncertain: true } {
  return isCustomerElementsError(value) && (value as { uncertain?: unknown }).uncertain === true;
}

/** Ensure a message is a sentence: trimmed, with a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
