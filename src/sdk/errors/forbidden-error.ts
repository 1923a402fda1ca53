import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/** 403: signed in, but not allowed to do this; `requiredCapability` says what was missing. */
export class ForbiddenError extends CustomerElementsError {
  declare readonly status: number;
  readonly requiredCapability?: string;
  constructor(message: string, details: ErrorDetails & { status: number; requiredCapability?: string }) {
    super('forbidden', message, details);
    this.name = 'ForbiddenError';
    if (details.requiredCapability !== undefined) this.requiredCapability = details.requiredCapability;
  }
}

export function isForbiddenError(value: unknown): value is ForbiddenError {
  return errorKind(value) === 'forbidden';
}
