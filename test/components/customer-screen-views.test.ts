import { expect, fixture, html } from '@open-wc/testing';
import { consume } from '@lit/context';
import { LitElement, html as litHtml } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Client } from '../../src/sdk/index.js';
import type { CustomerScreen } from '../../src/components/customer-screen/customer-screen.js';
import { screenViews, type ScreenView } from '../../src/components/customer-screen/views.js';
import { clientContext } from '../../src/components/shared/context.js';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, startMocks, waitFor } from './helpers.js';
import { deepQuery, screenLoaded, sectionHost } from './customer-screen.helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

const cancel = (e: Event) => e.preventDefault();

/** A view for these tests only: shows what the screen passed it, and closes itself on "Done". */
class TestView extends LitElement {
  @property({ attribute: false }) customerId = '';
  @property({ attribute: false }) seasonId: string | null = null;
  @property({ attribute: false }) orderId?: string;
  @consume({ context: clientContext, subscribe: true }) @state() client?: Client;
  override render() {
    return litHtml`<p class="got">customer ${this.customerId}, season ${this.seasonId ?? 'none'}, client ${this.client ? 'yes' : 'no'}${this.orderId ? `, order ${this.orderId}` : ''}</p>
      <button type="button" class="done" @click=${() => this.dispatchEvent(new Event('view-close', { bubbles: true, composed: true }))}>Done</button>`;
  }
}

let loads = 0;
const testView = (tag = 'test-screen-view', ctor: CustomElementConstructor = TestView): ScreenView => ({
  defaultTag: tag,
  load: () => {
    loads++;
    return Promise.resolve(ctor);
  },
});

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

beforeEach(async () => {
  loads = 0;
  await setViewport({ width: 1340, height: 900 });
});

afterEach(() => {
  delete screenViews.accounts;
  delete screenViews['order-entry'];
  delete screenViews.discounts;
});

async function mount(customerId = mocks.db.fixtures.customers.creditTrade): Promise<CustomerScreen> {
  const el = await fixture<CustomerScreen>(html`<customer-screen customer-id=${customerId} .client=${clientFor(mocks.tokens.admin)}></customer-screen>`);
  await waitFor(() => screenLoaded(el), 'the screen to load', 8_000);
  return el;
}

const dialogOf = (el: CustomerScreen) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="view-dialog"]');
const viewOf = (el: CustomerScreen) => el.shadowRoot!.querySelector<TestView>('[part~="view"]');

async function openedView(el: CustomerScreen): Promise<TestView> {
  await waitFor(() => dialogOf(el)?.open && viewOf(el)?.shadowRoot?.querySelector('.got'), 'the view to show');
  return viewOf(el)!;
}

describe('customer-screen views', function () {
  // Each test mounts the whole screen (every section loads): more than 10 s on a busy machine.
  this.timeout(30_000);

  it('opens the registered accounts view from "View accounts", with the customer and the client, and closes it by mouse', async () => {
    screenViews.accounts = testView();
    const el = await mount();
    const card = sectionHost(el, 'details')!;
    const button = await waitFor(() => deepQuery(card, '[part~="view-accounts-button"]'), 'View accounts');
    const seen: Event[] = [];
    el.addEventListener('view-accounts', (e) => seen.push(e));
    await click(button);
    const view = await openedView(el);
    expect(seen).to.have.length(1);
    expect(seen[0]!.cancelable).to.equal(true);
    expect(view.shadowRoot!.querySelector('.got')!.textContent).to.equal(`customer ${el.customerId}, season none, client yes`);
    expect(view.localName).to.equal('test-screen-view');
    const dialog = dialogOf(el)!;
    expect(dialog.querySelector('[part~="view-heading"]')!.textContent!.trim()).to.equal('Accounts');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('view-title');
    expect(el.openView).to.equal('accounts');
    await expectAxeClean(el);
    // Close with the mouse at the button's real position; focus goes back to "View accounts".
    await click(dialog.querySelector('[part~="view-close-button"]')!);
    await waitFor(() => !dialogOf(el), 'the view to close');
    expect(el.openView).to.equal(undefined);
    expect(deepActiveElement()).to.equal(button);
    expect(loads).to.equal(1);
  });

  it('closes on Escape, on a click on the backdrop, and when the view fires view-close', async () => {
    screenViews.accounts = testView();
    const el = await mount();
    const button = await waitFor(() => deepQuery(sectionHost(el, 'details')!, '[part~="view-accounts-button"]'), 'View accounts');

    await click(button);
    await openedView(el);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialogOf(el), 'Escape to close the view');
    expect(deepActiveElement()).to.equal(button);

    await click(button);
    const box = (await openedView(el), dialogOf(el)!.getBoundingClientRect());
    // A point on the backdrop: left of the dialog, level with its middle.
    expect(box.left).to.be.greaterThan(4);
    await sendMouse({ type: 'click', position: [Math.floor(box.left / 2), Math.round(box.top + box.height / 2)] });
    await waitFor(() => !dialogOf(el), 'a backdrop click to close the view');

    await click(button);
    const view = await openedView(el);
    // A click inside the dialog's own box (on its heading) does not close it.
    await click(dialogOf(el)!.querySelector('[part~="view-heading"]')!);
    expect(dialogOf(el)?.open).to.equal(true);
    await click(view.shadowRoot!.querySelector('.done')!);
    await waitFor(() => !dialogOf(el), 'view-close to close the view');
    expect(deepActiveElement()).to.equal(button);
  });

  it('does nothing more when the host cancels the event, and only fires it when no view is registered', async () => {
    const el = await mount();
    const button = await waitFor(() => deepQuery(sectionHost(el, 'details')!, '[part~="view-accounts-button"]'), 'View accounts');
    let fired = 0;
    const onView = () => fired++;
    document.addEventListener('view-accounts', onView);
    try {
      // Not registered: the event is all.
      await click(button);
      await waitFor(() => fired === 1, 'the event');
      await el.updateComplete;
      expect(dialogOf(el)).to.equal(null);

      // Registered, but the host routes elsewhere.
      screenViews.accounts = testView();
      document.addEventListener('view-accounts', cancel);
      await click(button);
      await waitFor(() => fired === 2, 'the event again');
      await Promise.resolve();
      await el.updateComplete;
      expect(dialogOf(el)).to.equal(null);
      expect(loads).to.equal(0);
      document.removeEventListener('view-accounts', cancel);
    } finally {
      document.removeEventListener('view-accounts', onView);
    }
  });

  it('opens order entry with the season chosen in the order table', async () => {
    screenViews['order-entry'] = testView('test-order-entry-view');
    const el = await mount();
    const table = sectionHost(el, 'orders')!;
    const select = await waitFor(
      () => {
        const s = deepQuery(table, '[part~="season-select"]') as HTMLSelectElement | null;
        return s && s.options.length > 1 ? s : null;
      },
      'the seasons',
    );
    const seasonId = select.options[1]!.value;
    select.focus();
    select.value = seasonId;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await click(deepQuery(table, '[part~="order-from-stock"]')!);
    const view = await openedView(el);
    expect(view.shadowRoot!.querySelector('.got')!.textContent).to.equal(`customer ${el.customerId}, season ${seasonId}, client yes`);
    expect(dialogOf(el)!.querySelector('[part~="view-heading"]')!.textContent!.trim()).to.equal('Order from stock');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialogOf(el), 'the view to close');
  });

  it("opens order entry for the order when an order's detail asks to edit it (order-edit)", async () => {
    screenViews['order-entry'] = testView('test-order-entry-view');
    const el = await mount();
    const table = sectionHost(el, 'orders')!;
    // As the order detail inside the table fires it: bubbling, composed.
    table.shadowRoot!.firstElementChild!.dispatchEvent(
      new CustomEvent('order-edit', { detail: { orderId: 'ord_1', customerId: el.customerId }, bubbles: true, composed: true }),
    );
    const view = await openedView(el);
    expect(view.shadowRoot!.querySelector('.got')!.textContent).to.equal(`customer ${el.customerId}, season none, client yes, order ord_1`);
    expect(dialogOf(el)!.querySelector('[part~="view-heading"]')!.textContent!.trim()).to.equal('Edit order');
    el.closeView();
    await waitFor(() => !dialogOf(el), 'the view to close');
  });

  it('opens discounts from the Discounts button, keyboard only, under a free name when the default is taken', async () => {
    customElements.define('test-taken-view', class extends HTMLElement {});
    // A class of its own, registered nowhere yet (a registered class keeps the name it has).
    screenViews.discounts = testView('test-taken-view', class extends TestView {});
    const el = await mount();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="discounts-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const view = await openedView(el);
    expect(view.localName).to.match(/^test-taken-view-\d+$/);
    expect(deepActiveElement()).to.equal(dialogOf(el)!.querySelector('[part~="view-close-button"]'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !dialogOf(el), 'the view to close');
    expect(deepActiveElement()).to.equal(button);
  });

  it('says so, with Try again, when the view cannot be loaded', async () => {
    let fail = true;
    screenViews.accounts = {
      defaultTag: 'test-flaky-view',
      load: () => (fail ? Promise.reject(new Error('chunk failed')) : Promise.resolve(TestView)),
    };
    const el = await mount();
    await click(await waitFor(() => deepQuery(sectionHost(el, 'details')!, '[part~="view-accounts-button"]'), 'View accounts'));
    const error = await waitFor(() => dialogOf(el)?.querySelector('[part~="view-error"]'), 'the load error');
    expect(error.textContent).to.contain('This view could not be loaded');
    expect(error.textContent).not.to.contain('chunk failed');
    fail = false;
    await click(error.querySelector('[part~="retry-button"]')!);
    await openedView(el);
  });
});
