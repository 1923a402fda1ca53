/**
 * The transport: one ky instance per client with the auth, locale and retry policy, plus the
 * mapping from ky/fetch failures to the SDK's typed errors. Everything here is per client: nothing
 * runs at import time.
 */
import ky, { HTTPError, TimeoutError as KyTimeoutError, type KyInstance } from 'ky';
import { errorFromResponse } from './errors/from-response.js';
import { NetworkError } from './errors/network-error.js';
import { RedirectError } from './errors/redirect-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { isUnauthorizedError, type UnauthorizedError } from './errors/unauthorized-error.js';

export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface ClientOptions {
  /** The API root, e.g. `https://api.example.com/v1` (or `/api` in a browser). */
  baseUrl: string;
  /**
   * Called before every request (and every retry) for a bearer token. The token is only sent to
   * the origin of `baseUrl`, never to another origin, and never in a URL.
   */
  getToken?: TokenSource;
  /** A fetch implementation (defaults to the global `fetch`, looked up per request). */
  fetch?: typeof fetch;
  /** Extra headers for every request. An `Authorization` here is also only sent to `baseUrl`'s origin. */
  headers?: Record<string, string>;
  /**
   * How long one attempt may take in milliseconds, from sending the request until the last byte of
   * the answer (a server that sends its headers and then stalls times out too). Default 15000.
   */
  timeout?: number;
  /**
   * Retries after a network error or a 408, 429, 500, 502, 503 or 504. Reads are retried; so are
   * writes, because every write carries an `Idempotency-Key` that the server uses to answer a repeat
   * with its first answer instead of doing the work twice (the contract requires it). A number is
   * the limit. Default `{ limit: 2, backoffMs: 300 }`; `0` disables.
   */
  retry?: number | { limit: number; backoffMs?: number };
  /**
   * Origins (besides the API's own) that a download may be redirected to, e.g. a storage service:
   * `['https://files.example.com']`. API calls never follow redirects.
   */
  downloadOrigins?: string[];
  /** Called with every 401 before the call rejects (e.g. to send the user to sign in). */
  onUnauthorized?: (error: UnauthorizedError) => void;
  /** Sent as `Accept-Language`; also available to components as `client.locale`. */
  locale?: string;
  /** How long a read stays fresh in the shared cache, in milliseconds. Default 30000. */
  staleTime?: number;
  /** How many reads the shared cache keeps at most (oldest dropped first). Default 500. */
  cacheSize?: number;
}

export interface ResolvedConfig {
  baseUrl: string;
  /** `baseUrl` resolved to an absolute URL, ending with a slash. */
  base: URL;
  getToken?: TokenSource;
  fetch?: typeof fetch;
  headers: Record<string, string>;
  timeout: number;
  retryLimit: number;
  backoffMs: number;
  onUnauthorized?: (error: UnauthorizedError) => void;
  locale?: string;
  staleTime: number;
  cacheSize: number;
  /** The origins a download may come from: the API's own and those the host allowed. */
  downloadOrigins: ReadonlySet<string>;
}

/** Statuses worth retrying for an idempotent request. */
export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Longest `Retry-After` honoured, so that a server cannot park a component for minutes. */
export const MAX_RETRY_AFTER_MS = 10_000;
const MAX_BACKOFF_MS = 5_000;

export function resolveConfig(options: ClientOptions): ResolvedConfig {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createClient needs a baseUrl, e.g. createClient({ baseUrl: "https://api.example.com" }).');
  }
  const location = (globalThis as { location?: { href?: string } }).location?.href;
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`, location);
  } catch {
    throw new TypeError(`The baseUrl "${options.baseUrl}" is not a URL. Give an absolute URL, or a path in a browser.`);
  }
  const retry = options.retry ?? 2;
  const limit = typeof retry === 'number' ? retry : retry.limit;
  const backoff = typeof retry === 'number' ? undefined : retry.backoffMs;
  const retryLimit = Number.isFinite(limit) ? limit : 2;
  const backoffMs = backoff !== undefined && Number.isFinite(backoff) ? backoff : 300;
  const timeout = options.timeout ?? 15_000;
  if (!(timeout > 0)) throw new RangeError('The timeout must be a positive number of milliseconds.');
  const downloadOrigins = new Set([base.origin]);
  for (const origin of options.downloadOrigins ?? []) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      throw new TypeError(`downloadOrigins takes origins such as "https://files.example.com"; "${origin}" is not one.`);
    }
    downloadOrigins.add(parsed.origin);
  }
  return {
    baseUrl: options.baseUrl,
    base,
    ...(options.getToken ? { getToken: options.getToken } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { ...options.headers },
    timeout,
    retryLimit: Math.max(0, Math.floor(retryLimit)),
    backoffMs: Math.max(0, backoffMs),
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    staleTime: options.staleTime ?? 30_000,
    cacheSize: options.cacheSize !== undefined && options.cacheSize >= 1 ? Math.floor(options.cacheSize) : 500,
    downloadOrigins,
  };
}

/** True when `url` has the same origin (scheme, host and port) as the configured API. */
export function isApiOrigin(url: string | URL, config: ResolvedConfig): boolean {
  try {
    return new URL(url, config.base).origin === config.base.origin;
  } catch {
    return false;
  }
}

/** The headers every request starts with; the host's `headers` override the defaults. */
export function baseHeaders(config: ResolvedConfig): Record<string, string> {
  return { accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1', ...config.headers };
}

/**
 * Finish the headers of a request bound for `url`: the locale and, only for the API's own origin,
 * the bearer token. Credentials are removed for any other origin,
 * including an `Authorization` the host passed in `headers`.
 */
export async function applyHeaders(headers: Headers, url: string, config: ResolvedConfig): Promise<void> {
  const sameOrigin = isApiOrigin(url, config);
  if (config.locale && !headers.has('accept-language')) headers.set('accept-language', config.locale);
  if (!sameOrigin) {
    headers.delete('authorization');
    return;
  }
  if (config.getToken) {
    const token = await config.getToken();
    if (token === null || token === undefined || token === '') return;
    if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
      // Checked here so that a bad token is reported as what it is, not as a network failure.
      throw new Error('getToken returned something that cannot be sent as a bearer token: give the token string alone.');
    }
    headers.set('authorization', `Bearer ${token}`);
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** The ky instance of a client: prefix, timeout, retry policy and the header hook. */
export function createHttp(config: ResolvedConfig): KyInstance {
  return ky.create({
    prefixUrl: config.base.href,
    timeout: config.timeout,
    // Looked up per request so that a fetch patched after createClient (MSW, tests) is used.
    fetch: (input, init) => (config.fetch ?? globalThis.fetch)(input, init),
    headers: baseHeaders(config),
    retry: {
      limit: config.retryLimit,
      // Writes too: each carries an Idempotency-Key, the same on every attempt.
      methods: ['get', 'put', 'delete', 'post', 'patch'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      backoffLimit: MAX_BACKOFF_MS,
      delay: (attempt) => config.backoffMs * 2 ** (attempt - 1),
      jitter: true,
      retryOnTimeout: false,
      shouldRetry: ({ error }) => {
        if (isAbort(error)) return false;
        if (error instanceof HTTPError) return undefined; // ky checks the status and Retry-After
        // fetch rejects with a TypeError when the network fails; anything else (a throwing
        // getToken, a bug) is not transient.
        return error instanceof TypeError ? undefined : false;
      },
    },
    hooks: {
      beforeRequest: [
        // Runs on every attempt, with the final URL: the token is fetched afresh and only sent to
        // the API's own origin.
        async (request) => {
          await applyHeaders(request.headers, request.url, config);
        },
      ],
    },
  });
}

export interface FailureContext {
  method: string;
  url: string;
  signal?: AbortSignal | undefined;
  config: ResolvedConfig;
  /** The request was a write that reached (or may have reached) the server. */
  write?: boolean;
}

/** True for a redirect answer to a request made with `redirect: 'manual'` (opaque in browsers). */
export function isRedirectResponse(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/**
 * Turn whatever a request threw into what the caller sees: the caller's own abort reason as is,
 * a typed SDK error for everything the network or the server did.
 */
export async function toSdkError(error: unknown, context: FailureContext): Promise<unknown> {
  const { method, url, signal, config } = context;
  if (signal?.aborted) return signal.reason;
  // Whether a write was applied is unknown when its answer never came or came late.
  const uncertain = context.write === true;
  let mapped: unknown = error;
  if (error instanceof HTTPError) {
    const { response } = error;
    if (isRedirectResponse(response)) {
      void response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      mapped = new RedirectError(location ? new URL(location, url).href : undefined, { status: response.status, method, url, uncertain });
    } else {
      mapped = await errorFromResponse(error.response, method, url);
    }
  } else if (error instanceof KyTimeoutError) {
    mapped = new TimeoutError(config.timeout, { method, url, cause: error, uncertain });
  } else if (error instanceof TypeError) {
    mapped = new NetworkError(undefined, { method, url, cause: error, uncertain });
  }
  if (isUnauthorizedError(mapped)) notifyUnauthorized(mapped, config);
  return mapped;
}

export function notifyUnauthorized(error: UnauthorizedError, config: ResolvedConfig): void {
  try {
    config.onUnauthorized?.(error);
  } catch (hookError) {
    // The host's handler must not replace the error the caller is waiting for.
    queueMicrotask(() => {
      throw hookError;
    });
  }
}

export interface XhrRequest {
  url: string;
  method: string;
  body: FormData;
  headers: Headers;
  timeout: number;
  signal?: AbortSignal | undefined;
  onProgress: (loaded: number, total: number) => void;
}

/**
 * Send a request with XMLHttpRequest, the only browser API that reports upload progress.
 * Resolves with a `Response` for any HTTP status so that error mapping is shared with fetch.
 */
export function xhrSend(request: XhrRequest): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.open(request.method, request.url);
    xhr.responseType = 'blob';
    xhr.timeout = request.timeout;
    request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      done();
      // XMLHttpRequest follows redirects by itself: an answer from elsewhere is not the API's.
      if (xhr.responseURL && new URL(xhr.responseURL).origin !== new URL(request.url).origin) {
        reject(new RedirectError(xhr.responseURL, { method: request.method, url: request.url, uncertain: true }));
        return;
      }
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const nullBody = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(new Response(nullBody ? null : (xhr.response as Blob | null), { status: xhr.status, statusText: xhr.statusText, headers }));
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('Network request failed'));
    };
    xhr.ontimeout = () => {
      done();
      reject(new TimeoutError(request.timeout, { method: request.method, url: request.url, uncertain: true }));
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(request.body);
  });
}
