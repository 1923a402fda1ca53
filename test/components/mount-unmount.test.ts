/**
 * Mounting and unmounting components over and over (a host app's router does it all day) leaves
 * nothing behind: no DOM nodes, and no context requests held by the document for elements that are
 * gone (which kept their callbacks, and what those reach, alive). Heap figures are the bench's.
 */
import { expect } from '@open-wc/testing';
import '../../src/components/define.js';
import { contextRoot } from '../../src/components/shared/context.js';
import type { CustomerElementsProvider } from '../../src/components/shared/provider.js';
import { startMocks, waitFor, type Mocks } from './helpers.js';

// Two of them here (the root is shared code: every component goes through it); the bench mounts each.
const TAGS = ['watch-list-badge', 'customer-card'] as const;
const MOUNTS = 1_000;

const nodes = () => document.getElementsByTagName('*').length;

describe('mounting and unmounting 1,000 times', () => {
  let mocks: Mocks;
  // A thousand mounts take tens of seconds on a busy two-core machine.
  beforeEach(function () {
    this.timeout(180_000);
  });
  // Every mount started a request that its unmount aborted, but the mock API's service worker still
  // works through them: wait until it answers again, so the next hooks (which talk to the test
  // runner through the same worker) are not held up.
  afterEach(async function () {
    this.timeout(180_000);
    await fetch(location.href, { cache: 'no-store' });
  });
  before(async function () {
    this.timeout(60_000);
    mocks = await startMocks();
  });

  for (const tag of TAGS) {
    it(`<${tag}> with its client set directly (no provider) leaves no nodes and no pending context requests`, async function () {
      this.timeout(120_000);
      const host = document.createElement('div');
      document.body.append(host);
      const root = contextRoot();
      expect(root, 'a registration module attaches the root').to.not.equal(undefined);
      const nodesBefore = nodes();
      const { oneAddress } = mocks.db.fixtures.customers;
      for (let i = 0; i < MOUNTS; i++) {
        const el = document.createElement(tag) as HTMLElement & { client?: unknown; customerId?: string; updateComplete: Promise<unknown> };
        el.client = mocks.client;
        el.customerId = oneAddress;
        host.append(el);
        await el.updateComplete;
        el.remove();
      }
      expect(nodes()).to.equal(nodesBefore);
      // Each element asked for a client and a locale that no provider answers: those requests must
      // go with the elements, not pile up (two per mount before).
      expect(root!.size).to.be.below(100);
      host.remove();
    });
  }

  it('inside a provider, leaves no nodes either', async function () {
    this.timeout(120_000);
    const provider = document.createElement('customer-elements-provider') as CustomerElementsProvider;
    provider.client = mocks.client;
    document.body.append(provider);
    await provider.updateComplete;
    const nodesBefore = nodes();
    const sizeBefore = contextRoot()!.size;
    for (let i = 0; i < MOUNTS; i++) {
      const el = document.createElement('customer-card') as HTMLElement & { customerId?: string; updateComplete: Promise<unknown> };
      el.customerId = mocks.db.fixtures.customers.oneAddress;
      provider.append(el);
      await el.updateComplete;
      el.remove();
    }
    expect(nodes()).to.equal(nodesBefore);
    expect(contextRoot()!.size).to.be.at.most(sizeBefore);
    provider.remove();
  });

  it('still hands a provider defined after its components to the components waiting for it', async function () {
    this.timeout(60_000);
    // A provider tag nobody has upgraded yet: the card's requests wait at the document root.
    const tag = 'late-provider-for-mount-test';
    const host = document.createElement('div');
    host.innerHTML = `<${tag}><customer-card customer-id="${mocks.db.fixtures.customers.oneAddress}"></customer-card></${tag}>`;
    document.body.append(host);
    const card = host.querySelector('customer-card')!;
    await waitFor(() => card.shadowRoot?.textContent?.includes('customer-elements-provider'), 'the configuration message');
    const { CustomerElementsProvider } = await import('../../src/components/shared/provider.js');
    customElements.define(tag, class extends CustomerElementsProvider {});
    const late = host.firstElementChild as CustomerElementsProvider;
    late.client = mocks.client;
    const name = mocks.db.getCustomer(mocks.db.fixtures.customers.oneAddress)!.name;
    await waitFor(() => card.shadowRoot?.textContent?.includes(name), 'the customer, through the late provider', 10_000);
    host.remove();
  });
});
