import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** 404: the customer, order, note… does not exist (or is not visible to this user). */
export class NotFoundError extends CustomerElementsError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails & { status: number }) {
    super('not-found', message, details);
    this.name = 'NotFoundError';
  }
}

export function isNotFoundError(value: unknown): value is NotFoundError {
  return errorKind(value) === 'not-found';
}
