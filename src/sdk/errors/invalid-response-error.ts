import { CustomerElementsError, errorKind, type ErrorDetails } from './customer-elements-error.js';

export interface ResponseIssue {
  /** Dotted path of the offending value in the response body (`items.3.balance.amountMinor`), or '' for the root. */
  path: string;
  message: string;
}

/** The server answered successfully but with a body that does not match the contract. */
export class InvalidResponseError extends CustomerElementsError {
  readonly issues: ResponseIssue[];
  constructor(issues: ResponseIssue[], details: ErrorDetails = {}) {
    const where = details.method && details.url ? ` to ${details.method} ${pathOf(details.url)}` : '';
    const listed = issues
      .slice(0, 3)
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    const more = issues.length > 3 ? ` and ${issues.length - 3} more` : '';
    super(
      'invalid-response',
      `The server's response${where} did not match the expected format (${listed}${more}).`,
      details,
    );
    this.name = 'InvalidResponseError';
    this.issues = issues;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export function isInvalidResponseError(value: unknown): value is InvalidResponseError {
  return errorKind(value) === 'invalid-response';
}
