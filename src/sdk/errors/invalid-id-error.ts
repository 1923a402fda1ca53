import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/**
 * An id that cannot name a record was passed as a path segment (empty, `.` or `..`, which a URL
 * would resolve to another resource). Thrown before any request is sent.
 */
export class InvalidIdError extends CustomerElementsError {
  /** The path parameter, e.g. `contactId`. */
  readonly param: string;
  /** What was passed instead of an id (as text). */
  readonly value: string;
  constructor(param: string, value: unknown, details: ErrorDetails = {}) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    super('invalid-id', `"${param}" must be an id, not ${shown}: nothing was sent.`, details);
    this.name = 'InvalidIdError';
    this.param = param;
    this.value = typeof value === 'string' ? value : String(typeof value);
  }
}

export function isInvalidIdError(value: unknown): value is InvalidIdError {
  return errorKind(value) === 'invalid-id';
}
