import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/**
 * The change was refused because the data changed since it was read (412 on a stale `If-Match`)
 * or because the resource is in a state that forbids it (409, e.g. cancelling a dispatched order).
 */
export class ConflictError extends CustomerElementsError {
  declare readonly status: number;
  /** For a stale write: the version the server holds now. */
  readonly currentVersion?: number;
  constructor(message: string, details: ErrorDetails & { status: number; currentVersion?: number }) {
    super('conflict', message, details);
    this.name = 'ConflictError';
    if (details.currentVersion !== undefined) this.currentVersion = details.currentVersion;
  }
}

export function isConflictError(value: unknown): value is ConflictError {
  return errorKind(value) === 'conflict';
}
