/**
 * When the current user's capabilities cannot be loaded, every component with edit actions says
 * so where those actions would be, with a Retry; the read-only data still shows; one Retry asks
 * once for the whole page, and the edit actions appear everywhere.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Client } from '../../src/sdk/index.js';
// Registers the tags, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/define.js';
import { click, clientFor, expectAxeClean, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => {
  mocks.scenario.reset();
});

const inside = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Counts the requests for the user's capabilities from now on. */
function countMeRequests(): { count: number; stop: () => void } {
  const counter = { count: 0, stop: () => {} };
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.endsWith('/me')) counter.count++;
  };
  mocks.worker.events.on('request:start', listener);
  counter.stop = () => mocks.worker.events.removeListener('request:start', listener);
  return counter;
}

async function page(client: Client, locale = 'en-GB') {
  const { creditTrade, allStatuses } = mocks.db.fixtures.customers;
  const orderId = mocks.db.ordersOf(allStatuses, {})[0]!.id;
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${locale}>
    <customer-card customer-id=${creditTrade} .client=${client} locale=${locale}></customer-card>
    <watch-list-badge customer-id=${creditTrade} editable .client=${client} locale=${locale}></watch-list-badge>
    <notes-panel customer-id=${creditTrade} .client=${client} locale=${locale}></notes-panel>
    <address-book customer-id=${creditTrade} .client=${client} locale=${locale}></address-book>
    <customer-attachments customer-id=${creditTrade} .client=${client} locale=${locale}></customer-attachments>
    <order-detail order-id=${orderId} .client=${client} locale=${locale}></order-detail>
  </div>`);
  const get = (tag: string) => wrapper.querySelector(tag)!;
  return {
    card: get('customer-card'),
    badge: get('watch-list-badge'),
    notes: get('notes-panel'),
    addresses: get('address-book'),
    attachments: get('customer-attachments'),
    detail: get('order-detail'),
  };
}

type Page = Awaited<ReturnType<typeof page>>;

/** What each component offers an editor, when the user may edit. */
const editActions: Record<keyof Page, string> = {
  card: '[part~="section-identity"] [part~="edit-button"]',
  badge: '[part~="add-button"], button[part~="trigger"]',
  notes: '[part~="add-button"]',
  addresses: '[part~="add-button"]',
  attachments: '[part~="choose-button"]',
  detail: '[part~="actions"]',
};

/** Read-only data each component shows whatever the capabilities. */
const readOnlyData: Partial<Record<keyof Page, string>> = {
  card: '[part~="name"]',
  notes: '[part~="list"]',
  addresses: '[part~="list"]',
  attachments: '[part~="list"], [part~="empty"]',
  detail: '[part~="detail-lines"]',
};

describe('capabilities that fail to load', () => {
  it('say so where the edit buttons would be, show the data, and one Retry brings every edit button back', async function () {
    this.timeout(30_000);
    const requests = countMeRequests();
    try {
      mocks.scenario.failNext('me.get', 500, 10);
      const el = await page(clientFor(mocks.tokens.admin, { retry: 0 }));
      const names = Object.keys(editActions) as Array<keyof Page>;
      for (const name of names) {
        await waitFor(() => inside(el[name], '[part~="permissions-message"]'), `the permissions message in ${name}`);
        expect(text(inside(el[name], '[part~="permissions-message"]'))).to.contain('Your permissions could not be loaded, so editing is off.');
        expect(inside(el[name], editActions[name]), `no edit actions in ${name}`).to.equal(null);
      }
      for (const [name, selector] of Object.entries(readOnlyData)) {
        await waitFor(() => inside(el[name as keyof Page], selector), `the read-only data of ${name}`);
      }
      // The badge inside the card leaves the saying to the card: one message per component.
      const cardBadge = inside(el.card, '[part~="watch-list-badge"]')!;
      expect(cardBadge.shadowRoot!.querySelector('[part~="permissions-message"]')).to.equal(null);
      expect(requests.count, 'one request for the whole page').to.equal(1);
      await expectAxeClean(el.addresses);
      await expectAxeClean(el.card);

      mocks.scenario.reset();
      await click(inside(el.addresses, '[part~="permissions-retry-button"]')!);
      for (const name of names) {
        await waitFor(() => inside(el[name], editActions[name]), `the edit actions of ${name} after Retry`);
        expect(inside(el[name], '[part~="permissions-message"]'), `no message left in ${name}`).to.equal(null);
      }
      expect(requests.count, 'Retry asks once for every component').to.equal(2);
    } finally {
      requests.stop();
    }
  });

  it('a Retry that fails again keeps the message and Retry; the next one works', async () => {
    const requests = countMeRequests();
    try {
      mocks.scenario.failNext('me.get', 503, 2);
      const { oneAddress } = mocks.db.fixtures.customers;
      const el = await fixture<HTMLElement>(
        html`<address-book customer-id=${oneAddress} .client=${clientFor(mocks.tokens.admin, { retry: 0 })}></address-book>`,
      );
      const retry = () => inside(el, '[part~="permissions-retry-button"]');
      await waitFor(() => retry(), 'Retry');
      await click(retry()!);
      await waitFor(() => requests.count === 2 && retry()?.getAttribute('aria-disabled') === 'false', 'the second failure');
      expect(inside(el, '[part~="add-button"]')).to.equal(null);
      await click(retry()!);
      await waitFor(() => inside(el, '[part~="add-button"]'), 'the Add button');
      expect(inside(el, '[part~="permissions-message"]')).to.equal(null);
    } finally {
      requests.stop();
    }
  });

  it('speaks German', async () => {
    mocks.scenario.failNext('me.get', 500, 10);
    const { oneAddress } = mocks.db.fixtures.customers;
    const el = await fixture<HTMLElement>(
      html`<notes-panel customer-id=${oneAddress} locale="de-DE" .client=${clientFor(mocks.tokens.admin, { retry: 0 })}></notes-panel>`,
    );
    const message = await waitFor(() => inside(el, '[part~="permissions-message"]'), 'the message');
    expect(text(message)).to.contain('Ihre Berechtigungen konnten nicht geladen werden, daher ist Bearbeiten ausgeschaltet.');
    expect(text(inside(el, '[part~="permissions-retry-button"]'))).to.equal('Erneut versuchen');
  });

  it('a readonly component asks nothing and says nothing', async () => {
    mocks.scenario.failNext('me.get', 500, 10);
    const { oneAddress } = mocks.db.fixtures.customers;
    const el = await fixture<HTMLElement>(
      html`<address-book readonly customer-id=${oneAddress} .client=${clientFor(mocks.tokens.admin, { retry: 0 })}></address-book>`,
    );
    await waitFor(() => inside(el, '[part~="list"]'), 'the addresses');
    expect(inside(el, '[part~="permissions-message"]')).to.equal(null);
  });
});
