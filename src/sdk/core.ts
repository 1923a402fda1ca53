/**
 * The machinery every resource uses: call a route of the contract (URL, query, body, If-Match,
 * response validation, typed errors), read through the shared cache, and commit the effects of a
 * write on the cache.
 */
import { HTTPError, type KyInstance } from 'ky';
import * as v from 'valibot';
import { fillPath, routeCalls, type RouteCall, type RouteId, type RouteParams, type RouteResponse } from './routes.js';
import { QueryCache, cacheKey, type ReadOptions } from './cache.js';
import { isUncertainError } from './errors/customer-elements-error.js';
import { errorFromResponse } from './errors/from-response.js';
import { InvalidResponseError } from './errors/invalid-response-error.js';
import { RedirectError, isRedirectError } from './errors/redirect-error.js';
import { TimeoutError, isTimeoutError } from './errors/timeout-error.js';
import { isUnauthorizedError } from './errors/unauthorized-error.js';
import { applyHeaders, baseHeaders, createHttp, isRedirectResponse, notifyUnauthorized, toSdkError, xhrSend, type ResolvedConfig } from './http.js';
import { PendingIntents, writeFingerprint } from './idempotency.js';

export interface CallInit {
  query?: object;
  /** A JSON body, or a FormData for multipart routes. */
  body?: unknown;
  /** For `ifMatch` routes: the version the change is based on. */
  version?: number;
  signal?: AbortSignal | undefined;
  /** For writes: the `Idempotency-Key` to send (default: one per intent, see `idempotency.ts`). */
  idempotencyKey?: string | undefined;
  /** For routes that answer in a language: sent as `Accept-Language` (wins over the client's locale). */
  language?: string | undefined;
}

/** Options of a read through the cache; `language` (for routes that answer in one) is part of the cache key. */
export interface CoreReadOptions extends ReadOptions {
  language?: string | undefined;
}

export interface UploadInit {
  filename?: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
}

export interface Put {
  route: RouteId;
  params: Record<string, string>;
  query?: object;
  tags: readonly string[];
  value: unknown;
}

export interface Commit {
  /** Values the server returned, stored as fresh reads. */
  put?: Put[];
  /** Tags whose reads are dropped (the next read refetches). */
  invalidate?: string[];
  /** Further tags to notify (patched in place, or put). */
  touch?: string[];
}

export interface Core {
  readonly config: ResolvedConfig;
  readonly http: KyInstance;
  readonly cache: QueryCache;
  call<K extends RouteId>(id: K, params: RouteParams<K>, init?: CallInit): Promise<RouteResponse<K>>;
  read<K extends RouteId>(
    id: K,
    params: RouteParams<K>,
    query: object | undefined,
    tags: readonly string[],
    options?: CoreReadOptions,
  ): Promise<RouteResponse<K>>;
  upload<K extends RouteId>(id: K, params: RouteParams<K>, file: Blob, init?: UploadInit): Promise<RouteResponse<K>>;
  /** Apply a write's effects to the cache, then notify every tag involved, once. */
  commit(commit: Commit): void;
  key(id: RouteId, params: Record<string, string>, query?: object): string;
}

function definedQuery(query: object | undefined): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[name] = String(value);
  }
  return out;
}

function dotPath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

/** Redirects followed within the API, at most, for one read. */
const MAX_REDIRECTS = 5;

const key = (id: RouteId, params: Record<string, string>, query?: object) => cacheKey(id, params, query ?? {});

export function createCore(config: ResolvedConfig): Core {
  const http = createHttp(config);
  const cache = new QueryCache({ staleTime: config.staleTime, maxEntries: config.cacheSize });
  const intents = new PendingIntents();

  function target(id: RouteId, params: Record<string, string>, query?: Record<string, string>) {
    const route: RouteCall = routeCalls[id];
    const path = fillPath(route.path, params).replace(/^\/+/, '');
    const url = new URL(path, config.base);
    if (query) for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return { route, path, url: url.href };
  }

  async function parse(route: RouteCall, response: Response, url: string, signal: AbortSignal | undefined, write: boolean): Promise<unknown> {
    const context = { method: route.method, url, signal, config, write };
    try {
      if (route.response === null) {
        // Not awaited: cancelling a cloned (tee'd) body settles only when every branch has.
        void response.body?.cancel().catch(() => undefined);
        return undefined;
      }
      if (route.response === 'binary') return await response.blob();
      const text = await response.text();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new InvalidResponseError([{ path: '', message: 'the body is not JSON' }], { status: response.status, method: route.method, url, uncertain: write });
      }
      const result = v.safeParse(route.response, data);
      if (!result.success) {
        throw new InvalidResponseError(
          result.issues.map((issue) => ({ path: dotPath(issue), message: issue.message })),
          { status: response.status, method: route.method, url, uncertain: write },
        );
      }
      return result.output;
    } catch (error) {
      if (error instanceof InvalidResponseError) throw error;
      // The body was cut off (network) or the caller aborted while it was read.
      throw await toSdkError(error, context);
    }
  }

  /** Refuse a download that was redirected to an origin the host did not allow. */
  function checkOrigin(response: Response, method: string, url: string): void {
    if (!response.redirected || !response.url) return;
    let origin: string;
    try {
      origin = new URL(response.url).origin;
    } catch {
      origin = '';
    }
    if (config.downloadOrigins.has(origin)) return;
    void response.body?.cancel().catch(() => undefined);
    throw new RedirectError(response.url, { status: response.status, method, url });
  }

  /**
   * Where a redirect of a read leads, when that is within the API (same origin, under the base
   * path) and the runtime shows it; undefined for anything else, which is then refused.
   */
  function sameApiRedirect(error: unknown): string | undefined {
    if (!(error instanceof HTTPError) || !isRedirectResponse(error.response)) return undefined;
    const location = error.response.headers.get('location');
    if (!location) return undefined;
    const next = new URL(location, error.response.url || config.base);
    if (!next.href.startsWith(config.base.href)) return undefined;
    void error.response.body?.cancel().catch(() => undefined);
    return next.href.slice(config.base.href.length);
  }

  /**
   * One try of a request (ky's own retries of network errors and retryable statuses included):
   * the timeout covers the whole answer, from sending to the body's last byte.
   */
  async function attempt(route: RouteCall, path: string, url: string, headers: Record<string, string>, init: CallInit, query: Record<string, string> | undefined, hops = 0): Promise<unknown> {
    const write = route.method !== 'GET';
    const deadline = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
    let sentAt = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = () => new TimeoutError(config.timeout, { method: route.method, url, uncertain: write });
    const isForm = typeof FormData === 'function' && init.body instanceof FormData;
    const binary = route.response === 'binary';
    try {
      const response = await http(path, {
        method: route.method,
        headers,
        signal,
        // API calls never follow a redirect; a download may, to the origins the host allowed.
        redirect: binary ? 'follow' : 'manual',
        hooks: { beforeRequest: [() => void (sentAt = Date.now())] },
        ...(query ? { searchParams: query } : {}),
        ...(init.body === undefined ? {} : isForm ? { body: init.body as FormData } : { json: init.body }),
      });
      if (binary) checkOrigin(response, route.method, url);
      // ky's timeout ends with the headers: the body gets what is left of the same budget.
      timer = setTimeout(() => deadline.abort(timedOut()), Math.max(0, config.timeout - (Date.now() - sentAt)));
      return await parse(route, response, url, init.signal, write);
    } catch (error) {
      if (deadline.signal.aborted && !init.signal?.aborted) throw timedOut();
      const next = route.method === 'GET' && hops < MAX_REDIRECTS ? sameApiRedirect(error) : undefined;
      if (next !== undefined) return attempt(route, next, new URL(next, config.base).href, headers, init, undefined, hops + 1);
      if (isRedirectError(error) || error instanceof InvalidResponseError || isTimeoutError(error)) throw error;
      throw await toSdkError(error, { method: route.method, url, signal: init.signal, config, write });
    } finally {
      clearTimeout(timer);
    }
  }

  async function call<K extends RouteId>(id: K, params: RouteParams<K>, init: CallInit = {}): Promise<RouteResponse<K>> {
    const query = definedQuery(init.query);
    const { route, path, url } = target(id, params as Record<string, string>, query);
    const headers: Record<string, string> = {};
    if (route.ifMatch) {
      if (typeof init.version !== 'number' || !Number.isInteger(init.version)) {
        throw new TypeError(`${id} needs the version the change is based on: pass { version } from the object you read.`);
      }
      headers['if-match'] = `"${init.version}"`;
    }
    if (route.languages && init.language) headers['accept-language'] = init.language;
    if (route.method === 'GET') return (await attempt(route, path, url, headers, init, query)) as RouteResponse<K>;

    const fingerprint = writeFingerprint(route.method, path, query, init.version, init.body);
    const idempotencyKey = init.idempotencyKey ?? intents.keyFor(fingerprint);
    headers['idempotency-key'] = idempotencyKey;
    // A write whose answer came late or unreadable is sent once more with the same key: the server
    // answers with what it did (a replay), which is the truth the caller needs.
    const tries = config.retryLimit > 0 ? 2 : 1;
    for (let n = 1; ; n++) {
      try {
        const result = await attempt(route, path, url, headers, init, query);
        intents.settle(fingerprint);
        return result as RouteResponse<K>;
      } catch (error) {
        const again = n < tries && !init.signal?.aborted && (isTimeoutError(error) || error instanceof InvalidResponseError);
        if (again) continue;
        if (isUncertainError(error)) intents.remember(fingerprint, idempotencyKey);
        else intents.settle(fingerprint);
        throw error;
      }
    }
  }

  async function upload<K extends RouteId>(id: K, params: RouteParams<K>, file: Blob, init: UploadInit = {}): Promise<RouteResponse<K>> {
    const form = new FormData();
    const name = init.filename ?? (typeof (file as { name?: unknown }).name === 'string' ? (file as File).name : 'upload');
    form.append('file', file, name);
    const { onProgress, signal } = init;
    if (!onProgress || typeof XMLHttpRequest !== 'function') {
      onProgress?.(0, file.size);
      const result = await call(id, params, { body: form, signal, idempotencyKey: init.idempotencyKey });
      onProgress?.(file.size, file.size);
      return result;
    }
    const { route, path, url } = target(id, params as Record<string, string>);
    const fingerprint = writeFingerprint(route.method, path, undefined, undefined, form);
    const idempotencyKey = init.idempotencyKey ?? intents.keyFor(fingerprint);
    const headers = new Headers(baseHeaders(config));
    headers.set('idempotency-key', idempotencyKey);
    await applyHeaders(headers, url, config);
    let response: Response;
    try {
      try {
        response = await xhrSend({ url, method: route.method, body: form, headers, timeout: config.timeout, signal, onProgress });
      } catch (error) {
        if (isTimeoutError(error) || isRedirectError(error)) throw error;
        throw await toSdkError(error, { method: route.method, url, signal, config, write: true });
      }
      if (!response.ok) {
        const error = await errorFromResponse(response, route.method, url);
        if (isUnauthorizedError(error)) notifyUnauthorized(error, config);
        throw error;
      }
      const result = (await parse(route, response, url, signal, true)) as RouteResponse<K>;
      intents.settle(fingerprint);
      return result;
    } catch (error) {
      if (isUncertainError(error)) intents.remember(fingerprint, idempotencyKey);
      else intents.settle(fingerprint);
      throw error;
    }
  }

  return {
    config,
    http,
    cache,
    call,
    upload,
    key,
    read(id, params, query, tags, options) {
      // A route that answers in a language keeps one entry per language asked for.
      const language = (routeCalls[id] as RouteCall).languages ? (options?.language || config.locale || undefined) : undefined;
      const base = key(id, params as Record<string, string>, query);
      return cache.read(
        language ? `${base} ${JSON.stringify({ language })}` : base,
        id,
        tags,
        (signal) => call(id, params, { ...(query ? { query } : {}), signal, language }),
        options,
      );
    },
    commit({ put = [], invalidate = [], touch = [] }) {
      for (const item of put) cache.put(key(item.route, item.params, item.query), item.route, item.tags, item.value);
      if (invalidate.length > 0) cache.invalidate(invalidate);
      cache.notify([...put.flatMap((item) => item.tags), ...invalidate, ...touch]);
    },
  };
}
