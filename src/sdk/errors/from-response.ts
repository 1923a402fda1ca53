import * as v from 'valibot';
import { Problem } from '../schemas.js';
import { sentence, type CustomerElementsError } from './customer-elements-error.js';
import { ConflictError } from './conflict-error.js';
import { ForbiddenError } from './forbidden-error.js';
import { HttpError } from './http-error.js';
import { NotFoundError } from './not-found-error.js';
import { UnauthorizedError } from './unauthorized-error.js';
import { ValidationError } from './validation-error.js';

const TITLES: Record<number, string> = {
  400: 'The request was not valid',
  401: 'You are not signed in, or your session has expired',
  403: 'You do not have permission to do this',
  404: 'It was not found',
  405: 'This action is not allowed',
  408: 'The server timed out waiting for the request',
  409: 'This conflicts with the current state',
  412: 'It was changed by someone else since it was loaded',
  413: 'The file is too large',
  415: 'This type of file is not accepted',
  422: 'Some fields are not valid',
  428: 'The request must say which version it changes',
  429: 'Too many requests; wait a moment and try again',
  500: 'The server had an internal error',
  502: 'The server is unreachable behind its gateway',
  503: 'The service is unavailable just now',
  504: 'The server timed out behind its gateway',
};

/** The problem details a response carries, or ones synthesized from its status. */
export async function readProblem(response: Response): Promise<Problem> {
  const status = response.status;
  const type = response.headers.get('content-type') ?? '';
  if (/\bjson\b/i.test(type)) {
    try {
      const parsed = v.safeParse(Problem, JSON.parse(await response.text()));
      if (parsed.success) return { ...parsed.output, status };
    } catch {
      // Not JSON after all: fall through to a synthesized problem.
    }
  } else {
    // Not awaited: cancelling one branch of a cloned (tee'd) body only settles when every branch has.
    void response.body?.cancel().catch(() => undefined);
  }
  return { title: TITLES[status] ?? (response.statusText || `The server answered with status ${status}`), status };
}

function parseEtagVersion(etag: string | null): number | undefined {
  const match = etag ? /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/** Map an unsuccessful response to the typed error for its status. */
export async function errorFromResponse(response: Response, method: string, url: string): Promise<CustomerElementsError> {
  const problem = await readProblem(response);
  const status = response.status;
  const details = { status, problem, method, url };
  const message = sentence(problem.detail ?? problem.title);
  switch (status) {
    case 400:
    case 422: {
      const fieldErrors = problem.errors ?? [];
      const listed = fieldErrors.length > 0 && !problem.detail
        ? ` ${fieldErrors.map((error) => `${error.field}: ${sentence(error.message)}`).join(' ')}`
        : '';
      return new ValidationError(`${message}${listed}`, fieldErrors, details);
    }
    case 401:
      return new UnauthorizedError(message, details);
    case 403:
      return new ForbiddenError(message, { ...details, ...(problem.requiredCapability ? { requiredCapability: problem.requiredCapability } : {}) });
    case 404:
      return new NotFoundError(message, details);
    case 409:
    case 412: {
      const currentVersion = problem.currentVersion ?? parseEtagVersion(response.headers.get('etag'));
      return new ConflictError(message, {
        ...details,
        ...(currentVersion === undefined ? {} : { currentVersion }),
        ...(problem.roleHolders?.length ? { roleHolders: problem.roleHolders } : {}),
      });
    }
    default:
      return new HttpError(message, details);
  }
}
