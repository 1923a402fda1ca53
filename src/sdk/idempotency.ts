/**
 * Idempotency keys (IETF httpapi "The Idempotency-Key HTTP Header Field"): every write carries one,
 * the same on every retry, so that a server that already did the work answers a repeat with its
 * first answer instead of doing it twice.
 *
 * One key per user intent: when a write fails without an answer that says what happened (see
 * `CustomerElementsError.uncertain`) and the same client sends the identical write again — the
 * user pressing Save again on the same draft — it goes with the same key. Once a write has a
 * certain outcome its key is forgotten, so a later identical write is a new intent.
 */

/** How long an uncertain write's key is reused (servers keep keys at least this long, per the contract). */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How many uncertain writes are remembered at most (oldest forgotten first). */
const MAX_PENDING = 200;

/** A random UUID v4; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What makes two writes the same intent: method, path, query, the version it is based on and the body. */
export function writeFingerprint(method: string, path: string, query: Record<string, string> | undefined, version: number | undefined, body: unknown): string {
  return JSON.stringify([method, path, query ?? null, version ?? null, describeBody(body)]);
}

function describeBody(body: unknown): unknown {
  if (body === undefined) return null;
  if (typeof FormData === 'function' && body instanceof FormData) {
    // Files are described, not read: name, size, type and date tell the same file from another.
    return [...body.entries()].map(([name, value]) =>
      typeof value === 'string' ? [name, value] : [name, value.name, value.size, value.type, (value as File).lastModified ?? null],
    );
  }
  return body;
}

/** The keys of writes whose outcome is unknown, by fingerprint. */
export class PendingIntents {
  readonly #keys = new Map<string, { key: string; at: number }>();

  /** The key to send: the pending one of an identical uncertain write, else a new one. */
  keyFor(fingerprint: string): string {
    const pending = this.#keys.get(fingerprint);
    if (pending && Date.now() - pending.at < KEY_TTL_MS) return pending.key;
    return newIdempotencyKey();
  }

  /** The write's outcome is unknown: an identical write reuses its key. */
  remember(fingerprint: string, key: string): void {
    this.#keys.delete(fingerprint);
    this.#keys.set(fingerprint, { key, at: Date.now() });
    while (this.#keys.size > MAX_PENDING) this.#keys.delete(this.#keys.keys().next().value!);
  }

  /** The write's outcome is known (done, or refused): the next identical write is a new intent. */
  settle(fingerprint: string): void {
    this.#keys.delete(fingerprint);
  }
}
