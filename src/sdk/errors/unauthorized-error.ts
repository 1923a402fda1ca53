import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** 401: no valid credentials (signed out, token expired). The client's `onUnauthorized` is called. */
export class UnauthorizedError extends CustomerElementsError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails & { status: number }) {
    super('unauthorized', message, details);
    this.name = 'UnauthorizedError';
  }
}

export function isUnauthorizedError(value: unknown): value is UnauthorizedError {
  return errorKind(value) === 'unauthorized';
}
