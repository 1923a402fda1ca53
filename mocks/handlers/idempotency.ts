/**
 * The reference API's side of `Idempotency-Key` (IETF httpapi draft), as the contract states it for
 * backend teams: per user, a key is stored with the fingerprint of its request (method, path and
 * query, body) and, once the request succeeded, its answer. A repeat with the same fingerprint gets
 * the stored answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with
 * another request gets 422; a repeat while the first is still running gets 409. A request that
 * failed is forgotten, so it may be sent again with its key.
 */
import type { Database } from '../data/database.js';
import { HttpError } from './problem.js';

/** How long a key is kept (the contract promises at least 24 hours). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Keys kept at most per database (oldest forgotten first), so a long demo session stays small. */
const MAX_KEYS = 20_000;
const MAX_KEY_LENGTH = 255;

interface Stored {
  fingerprint: string;
  at: number;
  answer?: { status: number; headers: Array<[string, string]>; body: ArrayBuffer | null };
}

const stores = new WeakMap<Database, Map<string, Stored>>();

function storeOf(db: Database): Map<string, Stored> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new Map()));
  return store;
}

/** FNV-1a over bytes: enough to tell one body from another without keeping it. */
function hash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

/** What makes two requests the same: method, path and query, and the body (a form by its parts, whatever its boundary). */
async function fingerprintOf(request: Request): Promise<string> {
  const url = new URL(request.url);
  const type = request.headers.get('content-type') ?? '';
  let body = '';
  if (/multipart\/form-data/i.test(type)) {
    try {
      const form = await request.clone().formData();
      const parts: string[] = [];
      for (const [name, value] of form) {
        parts.push(typeof value === 'string' ? `${name}=${value}` : `${name}:${value.name}:${value.type}:${hash(new Uint8Array(await value.arrayBuffer()))}`);
      }
      body = parts.join('&');
    } catch {
      body = hash(new Uint8Array(await request.clone().arrayBuffer()));
    }
  } else if (request.body) {
    body = hash(new Uint8Array(await request.clone().arrayBuffer()));
  }
  return `${request.method} ${url.pathname}${url.search} ${body}`;
}

function prune(store: Map<string, Stored>, now: number): void {
  for (const [key, entry] of store) {
    if (store.size <= MAX_KEYS && now - entry.at < KEEP_MS) break;
    store.delete(key);
  }
}

/**
 * Run a write under its `Idempotency-Key` (when it has one): replay, refuse, or run it and keep a
 * successful answer.
 */
export async function withIdempotency(db: Database, userId: string, request: Request, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null || request.method === 'GET' || request.method === 'HEAD') return run();
  if (key.trim() === '' || key.length > MAX_KEY_LENGTH) {
    throw new HttpError(400, { detail: `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters (a UUID is best).` });
  }
  const store = storeOf(db);
  const now = Date.now();
  prune(store, now);
  const id = `${userId}\n${key}`;
  const fingerprint = await fingerprintOf(request);
  const known = store.get(id);
  if (known) {
    if (known.fingerprint !== fingerprint) {
      throw new HttpError(422, {
        type: 'idempotency-key-reused',
        detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
      });
    }
    if (!known.answer) {
      throw new HttpError(409, {
        type: 'idempotency-key-in-use',
        detail: 'A request with this Idempotency-Key is still being processed. Try again in a moment.',
        headers: { 'Retry-After': '1' },
      });
    }
    const headers = new Headers(known.answer.headers);
    headers.set('Idempotent-Replayed', 'true');
    return new Response(known.answer.body, { status: known.answer.status, headers });
  }
  const entry: Stored = { fingerprint, at: now };
  store.set(id, entry);
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    store.delete(id);
    throw error;
  }
  if (!response.ok) {
    store.delete(id);
    return response;
  }
  const body = response.body ? await response.clone().arrayBuffer() : null;
  entry.answer = { status: response.status, headers: [...response.headers], body };
  return response;
}
