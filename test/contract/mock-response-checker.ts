/**
 * Checks mock responses against the OpenAPI document and collects the violations: the logic of the
 * `validate-mock-responses.ts` setup file, kept apart so that it can be tested on its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { ResponseValidator } from '../../scripts/openapi-validate.js';

export interface MockResponseEvent {
  routeId: string;
  request: Request;
  response: Response;
}

/** The header the mocks put on responses of a scenario: `malformed` (broken on purpose) or `error` (a simulated failure). */
export const SCENARIO_HEADER = 'x-mock-scenario';
const MAX_LISTED = 50;

export interface MockResponseChecker {
  /** The `onMockResponse` listener. Synchronous: reading the body happens in the background. */
  listener(event: MockResponseEvent): void;
  /** Waits for the responses still being read, then reports (and forgets) what was seen. */
  drain(): Promise<{ validated: number; skipped: number; violations: string[] }>;
}

export function createMockResponseChecker(validator: ResponseValidator): MockResponseChecker {
  let validated = 0;
  let skipped = 0;
  let pending: Promise<void>[] = [];
  const violations = new Map<string, number>();
  const record = (message: string) => violations.set(message, (violations.get(message) ?? 0) + 1);

  async function check({ routeId, request, response }: MockResponseEvent): Promise<void> {
    const url = new URL(request.url);
    const label = `${request.method} ${url.pathname}${url.search} → ${response.status} (${routeId})`;
    const contentType = response.headers.get('content-type');
    const isJson = /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType ?? '');
    let body: unknown;
    try {
      if (isJson && response.status !== 204) {
        const text = await response.text();
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          record(`${label}: the body is not valid JSON: ${text.slice(0, 80)}`);
          return;
        }
      } else {
        // Binary downloads and empty responses: status and content type only. Not awaited: cancelling
        // one branch of a tee'd body settles only when the other branch is done too.
        void response.body?.cancel().catch(() => undefined);
      }
    } catch (error) {
      record(`${label}: the body could not be read (${String(error)})`);
      return;
    }
    validated++;
    const result = validator.validate({
      method: request.method, url: request.url, operationId: routeId, status: response.status, contentType, body, headers: response.headers,
    });
    if (result.ok) return;
    // A failure the scenario simulated may use a status the route does not document (e.g. 429, 504);
    // its body must still be a problem.
    if (response.headers.has(SCENARIO_HEADER) && result.errors.every((e) => e.includes('is not documented'))) {
      const problem = validator.validateSchema('Problem', body);
      if (!problem.ok) for (const error of problem.errors) record(`${label}: simulated failure is not a problem: ${error}`);
      return;
    }
    // The validator prefixes "METHOD path status:"; the label already says it.
    for (const error of result.errors) record(`${label}: ${error.replace(/^\S+ \S+ (\d{3}:|\(\S+\):)\s*/, '')}`);
  }

  return {
    listener(event) {
      if (event.response.headers.get(SCENARIO_HEADER) === 'malformed') {
        skipped++;
        return;
      }
      pending.push(check(event));
    },
    async drain() {
      while (pending.length > 0) {
        const current = pending;
        pending = [];
        await Promise.all(current);
      }
      const lines = [...violations].map(([message, count]) => (count > 1 ? `${message} (×${count})` : message));
      const report = { validated, skipped, violations: lines };
      violations.clear();
      validated = 0;
      skipped = 0;
      return report;
    },
  };
}

/** The error a test file fails with: one line per distinct violation (method, path, status, route, what is wrong). */
export function violationsError(violations: string[]): Error {
  const listed = violations.slice(0, MAX_LISTED).map((line) => `  - ${line}`);
  if (violations.length > MAX_LISTED) listed.push(`  … and ${violations.length - MAX_LISTED} more`);
  return new Error(
    `${violations.length} kind(s) of mock response in this file break the OpenAPI contract (openapi/openapi.json; ` +
      `if you changed src/sdk/schemas.ts or the routes, run \`npm run openapi\`):\n${listed.join('\n')}`,
  );
}

const IMPORT_PATTERN = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
const CANDIDATE_SUFFIXES = ['', '.ts', '.mts', '.tsx', '/index.ts'];

function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, base.replace(/\.(m?)js$/, '.$1ts')].flatMap((b) => CANDIDATE_SUFFIXES.map((suffix) => b + suffix))) {
    if (/\.[cm]?[jt]sx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether `file` reaches anything under `dir` through its relative imports (static or dynamic),
 * following the files it imports inside `root`. How the setup file tells the test files that use
 * the mocks without loading the mocks for the others.
 */
export function importsUnder(file: string, dir: string, root: string, seen = new Set<string>()): boolean {
  if (seen.has(file) || seen.size > 500) return false;
  seen.add(file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const inside = dir.endsWith(sep) ? dir.slice(0, -1) : dir;
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('.')) continue;
    const target = resolveImport(file, specifier);
    const path = target ?? resolve(dirname(file), specifier);
    if (path === inside || path.startsWith(inside + sep)) return true;
    if (target && target.startsWith(root) && !target.includes(`${sep}node_modules${sep}`) && importsUnder(target, dir, root, seen)) return true;
  }
  return false;
}
