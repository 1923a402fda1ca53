/**
 * The truth after a write whose answer is uncertain.
 *
 * When a write's answer is lost, cut off, late, unreadable or breaks the contract, the server may
 * well have done the work. Saying "not saved" then is a lie that makes the user save twice, and a
 * versioned record answers the second Save with "someone else changed this" for the user's own
 * change. So every component write goes through {@link confirmedWrite}: on an uncertain answer it
 * finds out what happened before it says anything.
 *
 * - A versioned record (customer, contact, address, watch list) is re-read and compared with the
 *   draft: when the fresh record shows what the user wrote, it was saved, and the fresh record
 *   (with its new version) becomes the base of the next edit; when it is still at the version the
 *   change was based on, it was not saved, and the first error says why ("not saved: …").
 * - Otherwise (creates, actions, deletes, or a re-read that does not show the draft) the identical
 *   write is repeated once. The SDK sends it with the same `Idempotency-Key`, so a server that did
 *   the work answers with the original response instead of doing it twice; one that did not, does
 *   it now or says why not. That replay is the re-read of what happened.
 * - Only when that cannot get through either does it throw an {@link UnconfirmedWriteError}:
 *   the component keeps the draft and says it could not confirm (`write.unconfirmed`); Save again
 *   is safe, because the SDK reuses the key for the identical write.
 *
 * Any other failure is certain (the server refused, with a reason) and is thrown as it came.
 */
import { isUncertainError } from '../../sdk/index.js';
import { errorMessage, type Translate } from './i18n.js';

/** A write whose outcome could not be confirmed: it may or may not have been done. */
export class UnconfirmedWriteError extends Error {
  /** Read by `errorMessage`, which then says "could not confirm", never "not saved". */
  readonly kind = 'unconfirmed' as const;
  constructor(cause: unknown) {
    super('The write was sent, but whether the server did it could not be confirmed.', { cause });
    this.name = 'UnconfirmedWriteError';
  }
}

/** True for the error {@link confirmedWrite} throws when it could not learn what happened. */
export function isUnconfirmedWrite(error: unknown): error is UnconfirmedWriteError {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'unconfirmed';
}

export interface ConfirmOptions<T> {
  /**
   * Re-reads the record the write changed (fresh, not from the cache) and returns it when it
   * shows what was written; `false` when it certainly was not written (the record is still at the
   * version the change was based on: the original error is then thrown, a true "not saved");
   * `undefined` when it cannot tell (changed since, or a field it cannot see): then the write is
   * repeated once. A re-read that fails means nothing could be confirmed.
   */
  verify?: () => Promise<T | false | undefined>;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Runs a write and resolves with its result, also when that result had to be confirmed after an
 * uncertain answer. Rejects with the server's certain refusal (validation, conflict, …) as it came,
 * or with an {@link UnconfirmedWriteError} when what happened could not be found out.
 *
 * `send` must make the identical call each time (same route, ids and body), so that the SDK gives
 * the repeat the same idempotency key.
 */
export async function confirmedWrite<T>(send: () => Promise<T>, options: ConfirmOptions<T> = {}): Promise<T> {
  let first: unknown;
  try {
    return await send();
  } catch (error) {
    if (!isUncertainError(error)) throw error;
    first = error;
  }
  if (options.verify) {
    let found: T | false | undefined;
    try {
      found = await options.verify();
    } catch (error) {
      if (isAbort(error)) throw error;
      // The re-read itself did not get through: nothing can be said either way.
      throw new UnconfirmedWriteError(error);
    }
    // Untouched on the server: the write did not happen, and the first error says why.
    if (found === false) throw first;
    if (found !== undefined) return found;
  }
  try {
    return await send();
  } catch (error) {
    if (isUncertainError(error)) throw new UnconfirmedWriteError(error);
    throw error;
  }
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists of values (roles, tags) compare as sets: a server may keep its own order.
    return a.length === b.length && a.every((item) => b.some((other) => same(item, other)));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const names = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const name of names) if (!same(ra[name], rb[name])) return false;
  return true;
}

/**
 * Whether a record shows every field of a change as it was sent. A field the record does not
 * carry (a password, say) cannot be seen, so the answer is then no: the caller repeats the write,
 * which the server answers from its idempotency store.
 */
export function recordShows(record: object, change: object): boolean {
  const fields = record as Record<string, unknown>;
  return Object.entries(change).every(([name, value]) => name in fields && same(value, fields[name]));
}

/**
 * What to say after a failed write: "could not confirm" for an unconfirmed one (the draft is kept
 * and Save again is safe), otherwise the component's own "not saved: {reason}" sentence.
 * `kind: 'action'` words the uncertain case for a button (pin, remove, cancel…) instead of a draft.
 */
export function writeFailureText(
  error: unknown,
  t: Translate,
  notDone: (reason: string) => string,
  kind: 'draft' | 'action' = 'draft',
): string {
  if (isUnconfirmedWrite(error)) return t(kind === 'action' ? 'write.unconfirmedAction' : 'write.unconfirmed');
  return notDone(errorMessage(error, t));
}

/**
 * A fresh idempotency key for one user intent whose body the SDK cannot compare (a file), kept
 * with the intent and passed again with every repeat of it. `randomUUID` needs a secure context;
 * `getRandomValues` does not.
 */
export function newWriteKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function' && globalThis.isSecureContext !== false) return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const keys = new WeakMap<object, string>();

/**
 * The idempotency key of a write of this object (a File the user chose): the same object gets the
 * same key until {@link forgetWriteKey}, so "try again" after an unconfirmed upload is safe.
 */
export function writeKeyFor(subject: object): string {
  let key = keys.get(subject);
  if (!key) keys.set(subject, (key = newWriteKey()));
  return key;
}

/** Drops the key of a write that is done: sending the same object again is a new intent. */
export function forgetWriteKey(subject: object): void {
  keys.delete(subject);
}
