import type { FieldError } from '../schemas.js';
import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** The server rejected the request body (400 or 422); `fieldErrors` says which fields and why. */
export class ValidationError extends CustomerElementsError {
  declare readonly status: number;
  readonly fieldErrors: FieldError[];
  constructor(message: string, fieldErrors: FieldError[], details: ErrorDetails & { status: number }) {
    super('validation', message, details);
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }

  /** The first error for a field (dotted path, e.g. `postcode` or `lines.0.quantity`), if any. */
  fieldError(field: string): FieldError | undefined {
    return this.fieldErrors.find((error) => error.field === field);
  }
}

export function isValidationError(value: unknown): value is ValidationError {
  return errorKind(value) === 'validation';
}
