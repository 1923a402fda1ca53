import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

/**
 * The API answered with a redirect. API calls never follow redirects (a write redirected to another
 * server would be reported as done when nothing was done there), and downloads follow them only
 * to the API's own origin or to an origin the host allowed in `downloadOrigins`.
 */
export class RedirectError extends CustomerElementsError {
  /** Where the server redirected to, when the runtime shows it (browsers hide it for API calls). */
  readonly location?: string;
  constructor(location: string | undefined, details: ErrorDetails = {}) {
    const where = location ? ` to ${safeOrigin(location)}` : '';
    super(
      'redirect',
      `The server redirected the request${where}; it was not followed. Point the client's baseUrl at the API itself.`,
      details,
    );
    this.name = 'RedirectError';
    if (location !== undefined) this.location = location;
  }
}

/** Only the origin goes into the message: a redirect URL may carry a signed query. */
function safeOrigin(location: string): string {
  try {
    return new URL(location).origin;
  } catch {
    return 'another address';
  }
}

export function isRedirectError(value: unknown): value is RedirectError {
  return errorKind(value) === 'redirect';
}
