/**
 * Opt-in persistence of the in-browser reference data (used by the demo; Storybook and tests stay
 * stateless). The seeded data set is still built from its seed at start-up, as always; what is kept
 * in IndexedDB is a journal of the writes made since (each `Database` mutation with its arguments),
 * replayed on top of the fresh data set. A write costs one small IndexedDB `add` (a note, an
 * address, one order), never a serialisation of the whole data set.
 *
 * Each data set (seed, size, "now") has its own IndexedDB database, so another setting never loads
 * journal entries meant for different data. A journal that cannot be replayed (written by another
 * version of the generator, or damaged) and an IndexedDB that is missing or refuses to open leave
 * the page working on fresh data, with one `console.warn` that says why.
 *
 * Replay gives the same ids and versions as the original writes, because ids come from the store's
 * counters (the journal holds `nextId` calls too) and every mutation is replayed in order. Other
 * open tabs of the same data set apply each write as it happens (a BroadcastChannel), so their ids
 * stay in step; two tabs writing in the very same moment can still take the same id.
 */
import { createDatabase } from './data/index.js';
import type { Database, DatabaseOptions } from './data/database.js';

/** Bump when the journal's entry format or meaning changes: older journals are then discarded. */
const FORMAT = 3;
const JOURNAL = 'journal';
const META = 'meta';

type MethodName = { [K in keyof Database]: Database[K] extends (...args: never[]) => unknown ? K : never }[keyof Database];

/**
 * Every method of `Database`, classified: a new method fails the type check until someone says
 * whether it changes the data (and so must be journaled) or only reads it.
 */
const METHODS: Record<MethodName, 'read' | 'write'> = {
  userByToken: 'read',
  getCustomer: 'read',
  toCustomer: 'read',
  toSummary: 'read',
  searchCustomers: 'read',
  subCustomers: 'read',
  createCustomer: 'write',
  updateCustomer: 'write',
  contactsOf: 'read',
  getContact: 'read',
  createContact: 'write',
  updateContact: 'write',
  deleteContact: 'write',
  addressesOf: 'read',
  getAddress: 'read',
  createAddress: 'write',
  updateAddress: 'write',
  deleteAddress: 'write',
  addressRoles: 'read',
  notesOf: 'read',
  getNote: 'read',
  addNote: 'write',
  updateNote: 'write',
  watchListOf: 'read',
  setWatchList: 'write',
  ordersOf: 'read',
  countOrders: 'read',
  getOrderSummary: 'read',
  // Materialises a detail deterministically (from the order's own seed): replay need not repeat it.
  getOrder: 'read',
  // An accessor of the huge customer's computed orders; changes to them go through saveOrder.
  virtualOrders: 'read',
  saveOrder: 'write',
  createOrder: 'write',
  account: 'read',
  transactionsOf: 'read',
  // Returns the live ledger; its changes go through the two writes below.
  ledgerOf: 'read',
  postLedgerEntry: 'write',
  voidLedgerEntry: 'write',
  loyaltyOf: 'read',
  setLoyalty: 'write',
  loyaltyHistoryOf: 'read',
  adjustLoyalty: 'write',
  loyaltySettings: 'read',
  setLoyaltySettings: 'write',
  attachmentsOf: 'read',
  getAttachment: 'read',
  addAttachment: 'write',
  deleteAttachment: 'write',
  // Handlers take ids for nested records (tracking codes, refunds, …) from the same counters.
  nextId: 'write',
};

/** One journaled write: the method, a copy of its arguments as they were passed, and the clock then. */
interface Entry {
  m: MethodName;
  a: unknown[];
  /** `Date.now()` at the write: replay restores it, so stored timestamps come out the same. */
  t: number;
}

interface Meta {
  format: number;
  /** Changes when the generator makes different fixtures for the same seed and size. */
  fingerprint: string;
}

export interface PersistOptions extends DatabaseOptions {
  /** Prefix of the IndexedDB database names. Default `customer-elements-mocks`. */
  name?: string;
}

export interface PersistentDatabase {
  /** The data set with the journal replayed; its writes are journaled. */
  db: Database;
  /** Where writes go: `indexeddb`, or `memory` when IndexedDB could not be used (with a console.warn). */
  storage: 'indexeddb' | 'memory';
  /** How many journaled writes were replayed at start-up. */
  restored: number;
  /** Resolves once every write made so far is stored. */
  flush(): Promise<void>;
  /** Forgets every kept change (the caller reloads the page to start on fresh data). */
  reset(): Promise<void>;
}

const warn = (message: string, error?: unknown) =>
  console.warn(`[customer-elements mocks] ${message}${error instanceof Error ? ` (${error.name}: ${error.message})` : ''}`);

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(JOURNAL, { autoIncrement: true });
      req.result.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** FNV-1a over the fixtures: cheap, and enough to notice a generator that changed under a journal. */
function fingerprint(db: Database): string {
  const text = JSON.stringify(db.fixtures);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const datasetKey = (db: Database) =>
  `seed=${db.seed};customers=${db.size.customers};orders=${db.size.orders};big=${db.size.bigCustomerOrders};notes=${db.size.manyNotes};now=${db.now}`;

function isEntry(value: unknown): value is Entry {
  const e = value as Partial<Entry> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.m === 'string' && METHODS[e.m as MethodName] === 'write' &&
    Array.isArray(e.a) && typeof e.t === 'number' && Number.isFinite(e.t)
  );
}

/**
 * Runs a write with the clock stopped at `t`. The store stamps `updatedAt` from `Date.now()`, and a
 * write may take a few milliseconds (it can generate a customer's notes first): with the clock
 * stopped, the write and its replay read the same time, so the stamps come out the same.
 */
function atTime<T>(t: number, write: () => T): T {
  const realNow = Date.now;
  Date.now = () => t;
  try {
    return write();
  } finally {
    Date.now = realNow;
  }
}

/** Applies the journal in order, with the clock each write saw; throws at the first entry that does not fit. */
function replay(db: Database, entries: unknown[]): void {
  for (const [i, entry] of entries.entries()) {
    if (!isEntry(entry)) throw new Error(`entry ${i + 1} is not a journaled write`);
    atTime(entry.t, () => (db[entry.m] as (...args: unknown[]) => unknown)(...entry.a));
  }
}

/**
 * The database whose writes also go to `append`, with a copy of the arguments taken before the call
 * (a method may keep the object it was given and change it later). A copy that cannot be made
 * (`copyFailed`) never stops the write itself.
 */
function journaled(db: Database, append: (entry: Entry) => void, copyFailed: (error: unknown) => void): Database {
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (METHODS[prop as MethodName] !== 'write') return method.bind(target);
      return (...args: unknown[]) => {
        let a: unknown[] | undefined;
        try {
          a = structuredClone(args);
        } catch (error) {
          copyFailed(error);
        }
        const t = Date.now();
        const result = atTime(t, () => method.apply(target, args));
        if (a) append({ m: prop as MethodName, a, t });
        return result;
      };
    },
  });
}

/**
 * Builds the data set for `options` and replays the writes kept for it in this browser. Never
 * rejects: whatever goes wrong with storage, the result works (on fresh data, said in the console).
 */
export async function persistDatabase(options: PersistOptions = {}): Promise<PersistentDatabase> {
  const fresh = () => createDatabase({ seed: options.seed, size: options.size, now: options.now });
  let db = fresh();
  const name = `${options.name ?? 'customer-elements-mocks'}:${datasetKey(db)}`;
  const memory = (reason: string, error?: unknown): PersistentDatabase => {
    warn(`${reason}; the demo's changes will not be kept across reloads.`, error);
    return { db, storage: 'memory', restored: 0, flush: async () => {}, reset: async () => {} };
  };
  if (typeof indexedDB === 'undefined') return memory('IndexedDB is not available');

  let idb: IDBDatabase;
  try {
    idb = await open(name);
  } catch (error) {
    return memory('IndexedDB could not be opened', error);
  }
  // Another tab resetting or upgrading must not wait on this one.
  idb.onversionchange = () => idb.close();

  const clear = async () => {
    const tx = idb.transaction([JOURNAL, META], 'readwrite');
    tx.objectStore(JOURNAL).clear();
    tx.objectStore(META).put({ format: FORMAT, fingerprint: fingerprint(db) } satisfies Meta, 'meta');
    await done(tx);
  };

  let restored = 0;
  try {
    const tx = idb.transaction([JOURNAL, META], 'readonly');
    const [meta, entries] = await Promise.all([
      request(tx.objectStore(META).get('meta') as IDBRequest<Meta | undefined>),
      request(tx.objectStore(JOURNAL).getAll()),
    ]);
    if (meta === undefined && entries.length === 0) {
      await clear();
    } else if (meta?.format !== FORMAT || meta.fingerprint !== fingerprint(db)) {
      warn('The kept demo data was made by another version of the mocks; starting on fresh data.');
      await clear();
    } else {
      try {
        replay(db, entries);
        restored = entries.length;
      } catch (error) {
        warn('The kept demo data could not be replayed; starting on fresh data.', error);
        db = fresh();
        await clear();
      }
    }
  } catch (error) {
    idb.close();
    db = fresh();
    return memory('The kept demo data could not be read', error);
  }

  let pending: Promise<void> = Promise.resolve();
  let broken = false;
  const stop = (error: unknown) => {
    if (broken) return;
    // The journal so far is a consistent prefix; keep it rather than add writes after a gap.
    broken = true;
    warn('A change could not be stored; later changes will not be kept across reloads.', error);
  };
  // Other tabs on this data set: apply their writes here too, so both go on from the same state.
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  if (tabs) {
    tabs.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data as { write?: unknown; reset?: boolean } | null;
      if (message?.reset) {
        broken = true;
        warn('The demo data was reset in another tab; reload this one to see it.');
      } else if (!broken && message?.write !== undefined) {
        try {
          replay(db, [message.write]);
        } catch (error) {
          stop(error); // this tab no longer matches the journal: keep what is stored as it is
        }
      }
    };
  }
  const append = (entry: Entry) => {
    if (broken) return;
    try {
      const tx = idb.transaction(JOURNAL, 'readwrite', { durability: 'relaxed' });
      tx.objectStore(JOURNAL).add(entry);
      // Commit now rather than at the end of the task: the user may leave the page straight after.
      tx.commit();
      const stored = done(tx).catch(stop);
      pending = pending.then(() => stored);
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
      tabs?.postMessage({ write: entry });
    } catch (error) {
      stop(error);
    }
  };

  return {
    db: journaled(db, append, stop),
    storage: 'indexeddb',
    restored,
    flush: () => pending,
    reset: async () => {
      broken = true; // nothing written after a reset may come back
      await pending;
      await clear();
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
      tabs?.postMessage({ reset: true });
    },
  };
}
