/**
 * Cursor pagination: an opaque base64url cursor that encodes the offset of the next item and a
 * fingerprint of the query it belongs to, so that a cursor replayed with another query is refused
 * (400) rather than silently giving the wrong page.
 */
import { HttpError } from './problem.js';

export const DEFAULT_LIMIT = 25;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
  try {
    const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return decoder.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** FNV-1a over the canonical query: short, stable, good enough to tell two queries apart. */
export function fingerprint(parts: Record<string, unknown>): string {
  const keys = Object.keys(parts).filter((k) => parts[k] !== undefined);
  // oxlint-disable-next-line unicorn/no-array-sort -- a fresh array; toSorted is not in the ES2022 lib
  keys.sort();
  const canonical = JSON.stringify(keys.map((k) => [k, parts[k]]));
  let h = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    h ^= canonical.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function encodeCursor(offset: number, fp: string): string {
  return toBase64Url(JSON.stringify({ o: offset, f: fp }));
}

export function decodeCursor(cursor: string, fp: string): number {
  const text = fromBase64Url(cursor);
  let parsed: unknown = null;
  try {
    parsed = text === null ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  const o = parsed as { o?: unknown; f?: unknown } | null;
  if (!o || typeof o.o !== 'number' || !Number.isInteger(o.o) || o.o < 0 || typeof o.f !== 'string') {
    throw new HttpError(400, {
      type: 'invalid-cursor',
      detail: 'The cursor is not one this API issued. Start again from the first page.',
      errors: [{ field: 'cursor', message: 'This cursor is not valid.', code: 'invalid_cursor' }],
    });
  }
  if (o.f !== fp) {
    throw new HttpError(400, {
      type: 'invalid-cursor',
      detail: 'The cursor belongs to a different query. Start again from the first page.',
      errors: [{ field: 'cursor', message: 'This cursor belongs to a different query.', code: 'cursor_mismatch' }],
    });
  }
  return o.o;
}

export interface PageQuery {
  cursor?: string;
  limit?: number;
  /** Random access (orders): used only when there is no cursor. */
  offset?: number;
}

/**
 * One page of `items`. `scope` identifies the list (route and path parameters) and `filters` the
 * query without its paging fields; both go into the fingerprint.
 */
export function paginate<T>(
  /** The whole list, or anything that pages like one (a virtual customer's orders). */
  items: Pick<readonly T[], 'length' | 'slice'>,
  query: PageQuery,
  scope: string,
  filters: Record<string, unknown>,
): { items: T[]; nextCursor: string | null; total: number } {
  const fp = fingerprint({ ...filters, '@scope': scope });
  const limit = query.limit ?? DEFAULT_LIMIT;
  const start = query.cursor !== undefined ? decodeCursor(query.cursor, fp) : (query.offset ?? 0);
  const end = Math.min(items.length, start + limit);
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? encodeCursor(end, fp) : null,
    total: items.length,
  };
}
