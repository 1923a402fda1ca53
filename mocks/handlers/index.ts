/**
 * The mock API's HTTP layer: one MSW handler per route of the contract (`src/sdk/contract.ts`),
 * each running the same pipeline —
 * scenario → auth → capability → query → body → If-Match → resource → response checked against
 * the route's schema — so that every endpoint behaves the same way about everything but its own logic.
 */
import { http, type RequestHandler } from 'msw';
import * as v from 'valibot';
import { routes, type RouteDef, type RouteId } from '../../src/sdk/contract.js';
import type { Database } from '../data/database.js';
import type { ScenarioController, ScenarioDecision } from '../scenario.js';
import { accountResources } from './accounts.js';
import { addressResources } from './addresses.js';
import { attachmentResources } from './attachments.js';
import { catalogueResources } from './catalogue.js';
import { contactResources } from './contacts.js';
import { actorOf, etag, parseIfMatch, type HandlerContext, type HandlerResult, type ResourceMap } from './context.js';
import { customerCreateResources } from './customer-create.js';
import { customerResources } from './customers.js';
import { ledgerResources } from './ledger.js';
import type { MockResponseEvent } from './hooks.js';
import { loyaltyResources } from './loyalty.js';
import { noteResources } from './notes.js';
import { orderResources } from './orders.js';
import { withIdempotency } from './idempotency.js';
import { fieldErrors, HttpError, problemResponse } from './problem.js';

export { HttpError, problemBody, problemResponse, PROBLEM_BASE } from './problem.js';
export { emitMockResponse, onMockResponse, type MockResponseEvent, type MockResponseListener } from './hooks.js';

/** The response header that marks a deliberately broken response from the `malformed` scenario. */
export const SCENARIO_HEADER = 'x-mock-scenario';

export const resources: ResourceMap = {
  ...customerResources,
  ...customerCreateResources,
  ...contactResources,
  ...addressResources,
  ...noteResources,
  ...accountResources,
  ...loyaltyResources,
  ...ledgerResources,
  ...attachmentResources,
  ...orderResources,
  ...catalogueResources,
};

export interface CreateHandlersOptions {
  db: Database;
  /** Absolute API base URL, e.g. `http://api.test/v1` (no trailing slash needed). */
  baseUrl: string;
  scenario?: ScenarioController;
  /** Called with a clone of every response (not for simulated network errors and timeouts, which have none). */
  onResponse?: (event: MockResponseEvent) => void;
}

/** `{customerId}` → `:customerId`, as MSW spells path parameters. */
export const toMswPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Unwrap optional/nullable wrappers to find what type a query entry expects. */
function baseType(schema: v.GenericSchema | undefined): string | undefined {
  let s = schema as (v.GenericSchema & { wrapped?: v.GenericSchema }) | undefined;
  while (s && (s.type === 'optional' || s.type === 'nullable' || s.type === 'nullish' || s.type === 'exact_optional')) s = s.wrapped as typeof s;
  return s?.type;
}

/** Query strings are text: turn numeric and boolean parameters into numbers and booleans where the schema asks for them. */
function readQuery(url: URL, schema: v.GenericSchema): Record<string, unknown> {
  const entries = (schema as { entries?: Record<string, v.GenericSchema> }).entries ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, raw] of url.searchParams) {
    if (key in out) continue;
    const type = baseType(entries[key]);
    if (type === 'number' && /^-?\d+(?:\.\d+)?$/.test(raw.trim())) out[key] = Number(raw);
    else if (type === 'boolean' && (raw === 'true' || raw === 'false')) out[key] = raw === 'true';
    else out[key] = raw;
  }
  return out;
}

/** Break a good response on purpose: a body that violates its schema, or text that is not JSON. */
async function corrupt(response: Response, decision: ScenarioDecision): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(SCENARIO_HEADER, 'malformed');
  headers.set('Content-Type', 'application/json');
  headers.delete('Content-Length');
  const status = response.status === 204 ? 200 : response.status;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  if (decision.invalidJson || !isJson || response.status === 204) {
    return new Response('{"items": [{"id": "cus_', { status, headers });
  }
  const body: unknown = await response.json();
  let broken: unknown;
  if (Array.isArray(body)) broken = [{ unexpected: true }, ...body];
  else if (body && typeof body === 'object') {
    const keys = Object.keys(body);
    // The first field of every response schema is required and not nullable.
    broken = { ...body, [keys[0] ?? 'id']: null };
  } else broken = { unexpected: body };
  return new Response(JSON.stringify(broken), { status, headers });
}

/**
 * The same answer, but its body stops halfway and never ends: the first half is sent, then the
 * stream waits until `until` settles (the client gave up, or the scenario was reset) and fails.
 */
async function stalled(response: Response, until: () => Promise<void>): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.set(SCENARIO_HEADER, 'stall');
  headers.delete('Content-Length');
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(bytes.slice(0, Math.max(1, Math.floor(bytes.length / 2))));
      await until();
      controller.error(new Error('The mock scenario stalled this body.'));
    },
  });
  return new Response(body, { status: response.status, headers });
}

/** Turn a resource's result into the response: the body checked against the route's schema, an ETag for versioned records. */
function finish(routeId: RouteId, route: RouteDef, result: HandlerResult): Response {
  const status = result.status ?? route.status;
  const headers = new Headers(result.headers);
  if (route.response === null || status === 204) return new Response(null, { status, headers });
  if (route.response === 'binary') throw new Error(`Mock bug: ${routeId} must return a Response for a binary body.`);
  const checked = v.safeParse(route.response, result.body);
  if (!checked.success) {
    // A bug in the mock itself, not a scenario: fail loudly rather than serve a body the contract forbids.
    const detail = checked.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ');
    const error = new Error(`Mock bug: ${routeId} produced a response that violates its schema: ${detail}`);
    console.error(error);
    throw error;
  }
  const output = checked.output as unknown;
  if (!headers.has('ETag') && output && typeof output === 'object' && !Array.isArray(output)) {
    const version = (output as { version?: unknown }).version;
    if (typeof version === 'number') headers.set('ETag', etag(version));
  }
  for (const [k, val] of Object.entries(JSON_HEADERS)) headers.set(k, val);
  return new Response(JSON.stringify(output), { status, headers });
}

export function createHandlers(options: CreateHandlersOptions): RequestHandler[] {
  const { db, scenario, onResponse } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function pipeline(routeId: RouteId, route: RouteDef, request: Request, params: Record<string, string>): Promise<Response> {
    const instance = new URL(request.url).pathname;
    try {
      // 1. Auth
      const header = request.headers.get('authorization') ?? '';
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (!token) {
        throw new HttpError(401, { detail: 'Send the header Authorization: Bearer <token>.' });
      }
      const user = db.userByToken(token);
      if (!user) {
        throw new HttpError(401, {
          detail: 'The token is not valid or has expired. Sign in again.',
          headers: { 'WWW-Authenticate': 'Bearer realm="customer-elements", error="invalid_token"' },
        });
      }
      // 1b. Idempotency-Key: a repeat of a write gets the first answer back, nothing done twice.
      return await withIdempotency(db, user.id, request, async () => {
        // 2. Capability
        if (route.capability && !user.capabilities.includes(route.capability)) {
          throw new HttpError(403, {
            detail: `This needs the "${route.capability}" capability, which your account does not have.`,
            requiredCapability: route.capability,
          });
        }
        // 3. Query
        let query: Record<string, unknown> = {};
        if (route.query) {
          const parsed = v.safeParse(route.query, readQuery(new URL(request.url), route.query));
          if (!parsed.success) {
            throw new HttpError(400, { type: 'invalid-query', detail: 'Some query parameters are not valid.', errors: fieldErrors(parsed.issues) });
          }
          query = parsed.output as Record<string, unknown>;
        }
        // 4. Body
        let body: unknown;
        if (route.body && route.body !== 'multipart') {
          const text = await request.text();
          let json: unknown = {};
          if (text.trim() !== '') {
            try {
              json = JSON.parse(text);
            } catch {
              throw new HttpError(400, { type: 'invalid-json', detail: 'The request body is not valid JSON.' });
            }
          }
          const parsed = v.safeParse(route.body, json);
          if (!parsed.success) throw new HttpError(422, { detail: 'Correct the fields listed in errors.', errors: fieldErrors(parsed.issues) });
          body = parsed.output;
        }
        const resource = resources[routeId];
        const ctx: HandlerContext = {
          routeId, db, request, baseUrl, user, actor: actorOf(user), params, query, body, now: new Date().toISOString(),
        };
        // 5. If-Match (after a 404 for a missing record: there is no version to compare with)
        if (route.ifMatch && resource.version) {
          const current = resource.version(ctx);
          const sent = parseIfMatch(request.headers.get('if-match'));
          if (sent === null) {
            throw new HttpError(428, {
              detail: `Send If-Match: "${current}" (the version you loaded) so that a change made meanwhile is not overwritten.`,
            });
          }
          if (sent !== '*' && sent !== current) {
            throw new HttpError(412, {
              detail: 'Someone else changed this since you loaded it. Reload, then make your change again.',
              currentVersion: current,
              headers: { ETag: etag(current) },
            });
          }
        }
        // 6. The resource
        const result = await resource.handle(ctx);
        if (result instanceof Response) return result;
        return finish(routeId, route, result);
      });
    } catch (error) {
      if (error instanceof HttpError) return problemResponse(error.status, error.init, instance);
      throw error;
    }
  }

  async function respond(routeId: RouteId, route: RouteDef, request: Request, params: Record<string, string>): Promise<Response> {
    const decision = scenario?.decide(routeId);
    if (decision && decision.delayMs > 0) await wait(decision.delayMs, request.signal);
    if (request.signal.aborted) return Response.error();
    const failure = decision?.failure ?? null;
    if (failure === 'network') return Response.error();
    if (failure === 'timeout') {
      await scenario!.hang(request.signal);
      return Response.error();
    }
    let response: Response;
    if (typeof failure === 'number') {
      response = problemResponse(failure, { detail: 'A failure simulated by the mock scenario.', headers: { [SCENARIO_HEADER]: 'error' } }, new URL(request.url).pathname);
    } else if (failure === 'lost' || failure === 'late' || failure === 'stall') {
      // The server does the work; then its answer is lost, withheld, or cut off after the headers.
      const done = await pipeline(routeId, route, request, params);
      if (failure === 'lost') return Response.error();
      if (failure === 'late' || !done.body) {
        await scenario!.hang(request.signal);
        return Response.error();
      }
      return stalled(done, () => scenario!.hang(request.signal));
    } else {
      response = await pipeline(routeId, route, request, params);
      if (failure === 'malformed' && decision) response = await corrupt(response, decision);
    }
    onResponse?.({ routeId, request, response: response.clone() });
    return response;
  }

  return (Object.entries(routes) as Array<[RouteId, RouteDef]>).map(([routeId, route]) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    return http[method](`${baseUrl}${toMswPath(route.path)}`, ({ request, params }) => {
      const flat: Record<string, string> = {};
      for (const [k, val] of Object.entries(params)) if (typeof val === 'string') flat[k] = val;
      return respond(routeId, route, request, flat);
    });
  });
}
