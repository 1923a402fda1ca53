/**
 * `mocks/persist.ts` in real Chromium with a real IndexedDB (web-test-runner runs only this folder,
 * and Node has no IndexedDB): what the demo's user relies on when they reload.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { persistDatabase, type PersistentDatabase } from '../../mocks/persist.js';
import { customerCreateResources } from '../../mocks/handlers/customer-create.js';
import { actorOf, type HandlerContext } from '../../mocks/handlers/context.js';

// Small data sets: the journal, not the generator, is under test. Each test uses its own name.
const size = { customers: 20, orders: 40, bigCustomerOrders: 10, manyNotes: 10 };
let run = 0;
const opened: PersistentDatabase[] = [];

async function open(name: string, seed = 1): Promise<PersistentDatabase> {
  const kept = await persistDatabase({ name, seed, size });
  opened.push(kept);
  return kept;
}

function captureWarnings(): { warnings: string[]; restore(): void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

async function deleteAll(): Promise<void> {
  for (const info of await indexedDB.databases()) {
    if (!info.name?.startsWith('persist-test-')) continue;
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(info.name!);
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
  }
}

afterEach(async () => {
  opened.splice(0);
  await deleteAll();
});

describe('mock persistence (IndexedDB journal)', () => {
  it('a second start restores every write exactly: ids, versions and timestamps', async () => {
    const name = `persist-test-${run++}`;
    const first = await open(name);
    const { customers } = first.db.fixtures;
    const customerId = customers.watchListed;
    const before = first.db.getCustomer(customerId)!.version;
    first.db.updateCustomer(customerId, { tradingName: 'Kept Trading' });
    const { id: _templateId, ...template } = first.db.notesOf(customerId)[0]!;
    const note = first.db.addNote({
      ...template, text: 'Kept note', source: 'manual', kind: 'general', changes: [], removed: null,
    });
    first.db.setWatchList(customerId, { ...first.db.watchListOf(customerId), note: 'Kept watch note' });
    const afterWrites = structuredClone(first.db.getCustomer(customerId)!);
    await first.flush();

    const second = await open(name);
    expect(second.storage).to.equal('indexeddb');
    expect(second.restored).to.equal(3);
    const restored = second.db.getCustomer(customerId)!;
    expect(restored.tradingName).to.equal('Kept Trading');
    expect(restored.version).to.equal(before + 1);
    expect(restored.updatedAt, 'the timestamp of the write, not of the replay').to.equal(afterWrites.updatedAt);
    expect(second.db.getNote(note.id)?.text).to.equal('Kept note');
    expect(second.db.watchListOf(customerId).note).to.equal('Kept watch note');
    // New ids continue after the restored ones.
    const { id: _noteId, ...copy } = second.db.getNote(note.id)!;
    const next = second.db.addNote({ ...copy, text: 'Next' });
    expect(next.id).to.not.equal(note.id);
  });

  it('a customer added in the demo (with its address and contacts) is still there, and found by search, after a reload', async () => {
    const name = `persist-test-${run++}`;
    const first = await open(name);
    const user = first.db.fixtures.users.admin;
    const ctx = {
      routeId: 'customers.create', db: first.db, request: new Request('http://api.test/v1/customers', { method: 'POST' }),
      baseUrl: 'http://api.test/v1', user, actor: actorOf(user), params: {}, query: {}, now: new Date().toISOString(),
      body: {
        name: 'Persisted Pottery Ltd', type: 'retailer', salesChannelId: 'sc_trade', email: 'hello@persisted.example',
        address: { line1: '5 Kiln Row', city: 'Stoke-on-Trent', postcode: 'ST1 1AA', country: 'GB' },
        contacts: [{ name: 'Clay Potter' }],
      },
    } as unknown as HandlerContext;
    const result = (await customerCreateResources['customers.create'].handle(ctx)) as { body: { id: string } };
    const id = result.body.id;
    await first.flush();

    const second = await open(name);
    expect(second.db.getCustomer(id)?.name).to.equal('Persisted Pottery Ltd');
    expect(second.db.searchCustomers({ q: 'persisted pottery' }).map((c) => c.id)).to.deep.equal([id]);
    expect(second.db.searchCustomers({ q: 'ST1 1AA', criterion: 'postcode' }).map((c) => c.id)).to.include(id);
    expect(second.db.addressesOf(id).map((a) => a.postcode)).to.deep.equal(['ST1 1AA']);
    expect(second.db.contactsOf(id).map((c) => c.name)).to.deep.equal(['Clay Potter']);
  });

  it('another seed keeps its own data: a change never appears in a different data set', async () => {
    const name = `persist-test-${run++}`;
    const one = await open(name, 1);
    const id = one.db.fixtures.customers.watchListed;
    one.db.updateCustomer(id, { tradingName: 'Only in seed 1' });
    await one.flush();
    const two = await open(name, 2);
    expect(two.restored).to.equal(0);
    expect(two.db.getCustomer(two.db.fixtures.customers.watchListed)!.tradingName).to.not.equal('Only in seed 1');
    expect((await open(name, 1)).db.getCustomer(id)!.tradingName).to.equal('Only in seed 1');
  });

  it('a journal from another format starts fresh with a warning', async () => {
    const name = `persist-test-${run++}`;
    const first = await open(name);
    const id = first.db.fixtures.customers.watchListed;
    first.db.updateCustomer(id, { tradingName: 'From an old version' });
    await first.flush();
    // What an older version of the mocks left behind.
    const dbName = (await indexedDB.databases()).find((d) => d.name?.startsWith(`${name}:`))!.name!;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(dbName);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ format: 0, fingerprint: 'old' }, 'meta');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    const capture = captureWarnings();
    try {
      const second = await open(name);
      expect(second.restored).to.equal(0);
      expect(second.db.getCustomer(id)!.tradingName).to.not.equal('From an old version');
      expect(capture.warnings.join('\n')).to.contain('another version of the mocks');
    } finally {
      capture.restore();
    }
  });

  it('another tab applies each write as it happens, so both go on with the same ids', async () => {
    const name = `persist-test-${run++}`;
    const tabA = await open(name);
    const tabB = await open(name);
    const id = tabA.db.fixtures.customers.watchListed;
    const { id: _templateId, ...template } = tabA.db.notesOf(id)[0]!;
    const fromA = tabA.db.addNote({ ...template, text: 'Written in tab A', source: 'manual', kind: 'general', changes: [], removed: null });
    await waitUntil(() => tabB.db.getNote(fromA.id)?.text === 'Written in tab A');
    // Tab B's next note takes the next id, not tab A's.
    const fromB = tabB.db.addNote({ ...template, text: 'Written in tab B', source: 'manual', kind: 'general', changes: [], removed: null });
    expect(fromB.id).to.not.equal(fromA.id);
    await waitUntil(() => tabA.db.getNote(fromB.id)?.text === 'Written in tab B');
    await tabA.flush();
    await tabB.flush();
    const reloaded = await open(name);
    expect(reloaded.db.getNote(fromA.id)?.text).to.equal('Written in tab A');
    expect(reloaded.db.getNote(fromB.id)?.text).to.equal('Written in tab B');
  });

  it('reset forgets every kept change', async () => {
    const name = `persist-test-${run++}`;
    const first = await open(name);
    const id = first.db.fixtures.customers.watchListed;
    first.db.updateCustomer(id, { tradingName: 'Soon forgotten' });
    await first.reset();
    const second = await open(name);
    expect(second.restored).to.equal(0);
    expect(second.db.getCustomer(id)!.tradingName).to.not.equal('Soon forgotten');
  });
});
