import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** Any other unsuccessful HTTP status (5xx, 429, 413, …), with the server's problem details. */
export class HttpError extends CustomerElementsError {
  declare readonly status: number;
  constructor(message: string, details: ErrorDetails & { status: number }) {
    super('http', message, details);
    this.name = 'HttpError';
  }
}

export function isHttpError(value: unknown): value is HttpError {
  return errorKind(value) === 'http';
}
