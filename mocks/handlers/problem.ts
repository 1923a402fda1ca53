/**
 * RFC 9457 problem details: one error type the handlers throw and one function that turns it into
 * an `application/problem+json` response, so every error the mock API gives has the same shape.
 */
import type * as v from 'valibot';
import type { FieldError, Problem, RoleHolder } from '../../src/sdk/schemas.js';

export const PROBLEM_BASE = 'https://customer-elements.dev/problems/';

/** The problem types the API uses, by status. */
const TYPES: Record<number, { type: string; title: string }> = {
  400: { type: 'bad-request', title: 'The request is not valid' },
  401: { type: 'unauthorized', title: 'Sign in to continue' },
  403: { type: 'forbidden', title: 'You are not allowed to do this' },
  404: { type: 'not-found', title: 'Not found' },
  405: { type: 'method-not-allowed', title: 'Method not allowed' },
  409: { type: 'conflict', title: 'This cannot be done in the current state' },
  412: { type: 'stale-version', title: 'Someone else changed this since you loaded it' },
  413: { type: 'too-large', title: 'The file is too large' },
  415: { type: 'unsupported-media-type', title: 'This type of file is not accepted' },
  422: { type: 'validation', title: 'Some fields are not valid' },
  428: { type: 'precondition-required', title: 'Send If-Match with the version you loaded' },
  429: { type: 'rate-limited', title: 'Too many requests' },
  500: { type: 'server-error', title: 'Something went wrong on the server' },
  502: { type: 'bad-gateway', title: 'The server could not reach a service it needs' },
  503: { type: 'unavailable', title: 'The service is temporarily unavailable' },
  504: { type: 'gateway-timeout', title: 'The server timed out' },
};

export interface ProblemInit {
  detail?: string;
  title?: string;
  /** Short type name appended to PROBLEM_BASE, or a full URI. */
  type?: string;
  errors?: FieldError[];
  currentVersion?: number;
  requiredCapability?: string;
  /** On a 409 for an address role: the address that holds it. */
  roleHolders?: RoleHolder[];
  headers?: Record<string, string>;
}

/** Thrown by a resource handler or the pipeline; becomes a problem response. */
export class HttpError extends Error {
  readonly status: number;
  readonly init: ProblemInit;
  constructor(status: number, init: ProblemInit = {}) {
    super(init.detail ?? init.title ?? `HTTP ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.init = init;
  }
}

export const notFound = (what: string, id: string) =>
  new HttpError(404, { detail: `No ${what} with id "${id}".` });

export const conflict = (detail: string) => new HttpError(409, { detail });

export const invalid = (errors: FieldError[], detail = 'Correct the fields listed in errors.') =>
  new HttpError(422, { detail, errors });

export function problemBody(status: number, init: ProblemInit = {}, instance?: string): Problem {
  const known = TYPES[status];
  const type = init.type
    ? (init.type.includes(':') ? init.type : PROBLEM_BASE + init.type)
    : PROBLEM_BASE + (known?.type ?? (status >= 500 ? 'server-error' : 'bad-request'));
  const body: Problem = { type, title: init.title ?? known?.title ?? 'Request failed', status };
  if (init.detail !== undefined) body.detail = init.detail;
  if (instance !== undefined) body.instance = instance;
  if (init.errors !== undefined) body.errors = init.errors;
  if (init.currentVersion !== undefined) body.currentVersion = init.currentVersion;
  if (init.requiredCapability !== undefined) body.requiredCapability = init.requiredCapability;
  if (init.roleHolders !== undefined) body.roleHolders = init.roleHolders;
  return body;
}

export function problemResponse(status: number, init: ProblemInit = {}, instance?: string): Response {
  const headers = new Headers({ 'Content-Type': 'application/problem+json' });
  if (status === 503 || status === 429) headers.set('Retry-After', '1');
  if (status === 401) headers.set('WWW-Authenticate', 'Bearer realm="customer-elements"');
  for (const [k, val] of Object.entries(init.headers ?? {})) headers.set(k, val);
  return new Response(JSON.stringify(problemBody(status, init, instance)), { status, headers });
}

/** A machine-readable code for a valibot issue, e.g. `required`, `too_long`, `invalid_format`. */
function issueCode(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'required';
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      return issue.expected === 'never' ? 'unknown_field' : 'invalid_type';
    case 'min_length':
      return typeof issue.input === 'string' && issue.input.trim() === '' ? 'required' : 'too_short';
    case 'max_length':
      return 'too_long';
    case 'regex':
    case 'email':
    case 'iso_timestamp':
    case 'iso_date':
      return 'invalid_format';
    case 'picklist':
      return 'invalid_choice';
    case 'min_value':
      return 'too_small';
    case 'max_value':
      return 'too_large';
    case 'not_value':
      return 'invalid_value';
    case 'integer':
      return 'not_integer';
    default:
      return issue.kind === 'schema' ? 'invalid_type' : 'invalid';
  }
}

const humanise = (field: string) => {
  const last = field.split('.').pop() ?? field;
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
};

/** valibot issues → field errors: dotted path, the schema's message, a code. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key));
    // An unknown key's own name is the offending field.
    if (issue.expected === 'never' && path.length === 0 && typeof issue.input === 'string') path.push(issue.input);
    const field = path.join('.');
    const code = issueCode(issue);
    let message = issue.message;
    if (code === 'required' && issue.kind === 'schema') message = `Enter ${humanise(field) || 'a value'}.`;
    else if (code === 'unknown_field') message = `"${field}" is not a field this request accepts.`;
    return { field, message, code };
  });
}
