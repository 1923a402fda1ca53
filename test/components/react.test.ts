/**
 * `customer-elements/react` (src/react) in real Chromium with React 19, as a React app uses it:
 * handlers as `on…` props, the client as an object prop, tags registered before or after React's
 * first render, and a class under a tag of the host's own. React is served as modules by
 * web-test-runner.config.mjs (`reactAsModules`). `h` is React.createElement: no JSX build here.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createElement as h, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  CustomerCard as CustomerCardElement,
  CustomerElementsProvider as ProviderElement,
  CustomerSearch as CustomerSearchElement,
  OrderTable as OrderTableElement,
  defineElement,
  type CustomerSelectDetail,
  type OrderOpenDetail,
} from '../../src/index.js';
import { createComponent, CustomerCard, CustomerElementsProvider, CustomerSearch } from '../../src/react/index.js';
import { click, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

// The default tags, registered before anything renders, as `import 'customer-elements/define'` does.
defineElement('customer-elements-provider', ProviderElement);
defineElement('customer-search', CustomerSearchElement);
defineElement('customer-card', CustomerCardElement);

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

let root: Root | undefined;
let container: HTMLElement | undefined;

/** Renders with React into a fresh container in the document. */
function render(node: ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(node);
  return container;
}

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = undefined;
  container = undefined;
});

// Clients are compared by identity (`=== mocks.client`): a failing deep comparison of a client
// would have the runner serialise the whole object graph.
const shadow = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Every element under `node` that carries a `client` attribute (there must be none). */
const clientAttributes = (node: Element) => [...node.querySelectorAll('[client]')].map((e) => e.localName);

describe('customer-elements/react', () => {
  it('a customer chosen in the search reaches onCustomerSelect, and the card shows that customer', async () => {
    const { q, customerId } = mocks.db.fixtures.search.name;
    const expected = await mocks.client.customers.get(customerId);
    const heard: CustomerSelectDetail[] = [];

    function App() {
      const [selected, setSelected] = useState<CustomerSelectDetail>();
      return h(
        CustomerElementsProvider,
        { client: mocks.client, locale: 'en-GB' },
        h(CustomerSearch, {
          onCustomerSelect: (event) => {
            heard.push(event.detail);
            setSelected(event.detail);
          },
        }),
        h('output', { id: 'selected' }, selected ? `Selected: ${selected.customer.name}` : 'Nobody selected'),
        h(CustomerCard, { customerId: selected?.customerId }),
      );
    }
    const page = render(h(App));

    const provider = await waitFor(() => page.querySelector<ProviderElement>('customer-elements-provider'), 'the provider');
    expect(provider.client === mocks.client, 'the client is the provider property').to.equal(true);
    const search = page.querySelector('customer-search')!;
    const input = await waitFor(() => shadow(search, '[part~="input"]'), 'the search box');
    await click(input);
    await sendKeys({ type: q });
    const option = await waitFor(
      () => [...search.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.dataset.customerId === customerId),
      'the result',
    );
    await click(option);

    expect(heard.map((d) => d.customerId)).to.deep.equal([customerId]);
    await waitFor(() => text(page.querySelector('#selected')) === `Selected: ${expected.name}`, 'the output to show the choice');
    const card = page.querySelector<CustomerCardElement>('customer-card')!;
    await waitFor(() => text(shadow(card, '[part~="name"]')) === expected.name, "the card to show the customer's name");
    expect(card.customerId).to.equal(customerId);
    expect(clientAttributes(page), 'no client attribute anywhere').to.deep.equal([]);
    expect(page.innerHTML).not.to.contain('[object Object]');
  });

  it('works when the tags are registered after React first renders them (the client stays a property)', async () => {
    const customerId = mocks.db.fixtures.customers.creditTrade;
    const expected = await mocks.client.customers.get(customerId);
    // Tags nobody has registered yet, as in an app that renders before its lazy chunk defines them.
    class LateProvider extends ProviderElement {}
    class LateCard extends CustomerCardElement {}
    const Provider = createComponent(LateProvider, 'late-provider');
    const Card = createComponent(LateCard, 'late-customer-card');

    const page = render(h(Provider, { client: mocks.client }, h(Card, { customerId })));
    const card = await waitFor(() => page.querySelector<HTMLElement>('late-customer-card'), 'the card in the DOM');
    const provider = page.querySelector<HTMLElement & { client?: unknown }>('late-provider')!;
    expect(customElements.get('late-customer-card'), 'not registered yet').to.equal(undefined);
    expect(card).not.to.be.instanceOf(CustomerCardElement);
    expect(provider.client === mocks.client, 'set as a property before the upgrade').to.equal(true);
    expect(clientAttributes(page)).to.deep.equal([]);

    defineElement('late-provider', LateProvider);
    defineElement('late-customer-card', LateCard);

    expect(card).to.be.instanceOf(CustomerCardElement);
    await waitFor(() => text(shadow(card, '[part~="name"]')) === expected.name, "the card to load the customer's name");
    expect((provider as ProviderElement).client === mocks.client, 'still the client').to.equal(true);
    expect((card as CustomerCardElement).customerId).to.equal(customerId);
    expect(clientAttributes(page)).to.deep.equal([]);
    expect(page.innerHTML).not.to.contain('[object Object]');
  });

  it('a class under a renamed tag renders, takes its props and calls its own event props', async function () {
    this.timeout(20_000);
    defineElement('acme-order-table', OrderTableElement);
    const AcmeOrderTable = createComponent(OrderTableElement, 'acme-order-table');
    const customerId = mocks.db.fixtures.customers.allStatuses;
    const opened: OrderOpenDetail[] = [];

    const page = render(
      h(AcmeOrderTable, {
        client: mocks.client,
        customerId,
        pageSize: 10,
        onOrderOpen: (event) => opened.push(event.detail),
      }),
    );
    const table = await waitFor(() => page.querySelector<OrderTableElement>('acme-order-table'), 'the table');
    expect(table).to.be.instanceOf(OrderTableElement);
    const row = await waitFor(
      () => table.shadowRoot?.querySelector<HTMLElement>('[role="grid"] .body > [role="row"]'),
      'the first order row',
      8_000,
    );
    expect(table.client === mocks.client, 'the client property').to.equal(true);
    expect(table.pageSize).to.equal(10);
    const number = text(row.querySelector('[part~="cell-number"]'));
    await click(row.querySelector('[part~="cell-number"]')!);

    await waitFor(() => opened.length === 1, 'onOrderOpen');
    expect(opened[0]!.order.number).to.equal(number);
    expect(clientAttributes(page)).to.deep.equal([]);
  });
});
