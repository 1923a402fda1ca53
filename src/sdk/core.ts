/**
 * The machinery every resource uses: call a route of the contract (URL, query, body, If-Match,
 * response validation, typed errors), read through the shared cache, and commit the effects of a
 * write on the cache.
 */
import type { KyInstance } from 'ky';
import * as v from 'valibot';
import { fillPath, routes, type RouteDef, type RouteId, type RouteParams, type RouteResponse } from './contract.js';
import { QueryCache, cacheKey, type ReadOptions } from './cache.js';
import { errorFromResponse } from './errors/from-response.js';
import { InvalidResponseError } from './errors/invalid-response-error.js';
import { isTimeoutError } from './errors/timeout-error.js';
import { isUnauthorizedError } from './errors/unauthorized-error.js';
import { applyHeaders, baseHeaders, createHttp, notifyUnauthorized, toSdkError, xhrSend, type ResolvedConfig } from './http.js';

export interface CallInit {
  query?: object;
  /** A JSON body, or a FormData for multipart routes. */
  body?: unknown;
  /** For `ifMatch` routes: the version the change is based on. */
  version?: number;
  signal?: AbortSignal | undefined;
}

export interface UploadInit {
  filename?: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
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
    options?: ReadOptions,
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

const key = (id: RouteId, params: Record<string, string>, query?: object) => cacheKey(id, params, query ?? {});

export function createCore(config: ResolvedConfig): Core {
  const http = createHttp(config);
  const cache = new QueryCache({ staleTime: config.staleTime, maxEntries: config.cacheSize });

  function target(id: RouteId, params: Record<string, string>, query?: Record<string, string>) {
    const route: RouteDef = routes[id];
    const path = fillPath(route.path, params).replace(/^\/+/, '');
    const url = new URL(path, config.base);
    if (query) for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return { route, path, url: url.href };
  }

  async function parse(route: RouteDef, response: Response, url: string, signal?: AbortSignal): Promise<unknown> {
    const context = { method: route.method, url, signal, config };
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
        throw new InvalidResponseError([{ path: '', message: 'the body is not JSON' }], { status: response.status, method: route.method, url });
      }
      const result = v.safeParse(route.response, data);
      if (!result.success) {
        throw new InvalidResponseError(
          result.issues.map((issue) => ({ path: dotPath(issue), message: issue.message })),
          { status: response.status, method: route.method, url },
        );
      }
      return result.output;
    } catch (error) {
      if (error instanceof InvalidResponseError) throw error;
      // The body was cut off (network) or the caller aborted while it was read.
      throw await toSdkError(error, context);
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
    const isForm = typeof FormData === 'function' && init.body instanceof FormData;
    let response: Response;
    try {
      response = await http(path, {
        method: route.method,
        headers,
        ...(query ? { searchParams: query } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
        ...(init.body === undefined ? {} : isForm ? { body: init.body as FormData } : { json: init.body }),
      });
    } catch (error) {
      throw await toSdkError(error, { method: route.method, url, signal: init.signal, config });
    }
    return (await parse(route, response, url, init.signal)) as RouteResponse<K>;
  }

  async function upload<K extends RouteId>(id: K, params: RouteParams<K>, file: Blob, init: UploadInit = {}): Promise<RouteResponse<K>> {
    const form = new FormData();
    const name = init.filename ?? (typeof (file as { name?: unknown }).name === 'string' ? (file as File).name : 'upload');
    form.append('file', file, name);
    const { onProgress, signal } = init;
    if (!onProgress || typeof XMLHttpRequest !== 'function') {
      onProgress?.(0, file.size);
      const result = await call(id, params, { body: form, signal });
      onProgress?.(file.size, file.size);
      return result;
    }
    const { route, url } = target(id, params as Record<string, string>);
    const headers = new Headers(baseHeaders(config));
    await applyHeaders(headers, url, config);
    let response: Response;
    try {
      response = await xhrSend({ url, method: route.method, body: form, headers, timeout: config.timeout, signal, onProgress });
    } catch (error) {
      if (isTimeoutError(error)) throw error;
      throw await toSdkError(error, { method: route.method, url, signal, config });
    }
    if (!response.ok) {
      const error = await errorFromResponse(response, route.method, url);
      if (isUnauthorizedError(error)) notifyUnauthorized(error, config);
      throw error;
    }
    return (await parse(route, response, url, signal)) as RouteResponse<K>;
  }


  return {
    config,
    http,
    cache,
    call,
    upload,
    key,
    read(id, params, query, tags, options) {
      return cache.read(
        key(id, params as Record<string, string>, query),
        id,
        tags,
        (signal) => call(id, params, { ...(query ? { query } : {}), signal }),
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
