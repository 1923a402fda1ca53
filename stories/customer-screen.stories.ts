import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { screenViews } from '../src/components/customer-screen/views.js';
import { controlsFor, deepQuery, renderElement, until, type Args } from './support.js';

// The screen lays itself out by its own width (container queries), so the stories size a container.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  .ce-story-narrow { inline-size: 22rem; }
  .ce-story-medium { inline-size: 56rem; }
`);
if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const inWidth = (width: 'narrow' | 'medium'): Decorator => (story) => html`<div class="ce-story-${width}">${story()}</div>`;

const meta: Meta<Args> = {
  title: 'Components/customer-screen',
  component: 'customer-screen',
  argTypes: controlsFor('customer-screen'),
  render: (args, context) => renderElement('customer-screen', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

/** Wide: three columns (from 75rem of the element's own width). */
export const Wide: Story = {};

/** Two columns (from 48rem). */
export const Medium: Story = { decorators: [inWidth('medium')] };

/** Narrow, as in a side panel: one column of collapsible sections. */
export const Narrow: Story = { decorators: [inWidth('narrow')] };

/** On hold: flagged in the header. */
export const OnHold: Story = { parameters: { customer: 'onHold' } };

/** Watch-listed: the badge in the header. */
export const WatchListed: Story = { parameters: { customer: 'watchListed' } };

/** An agent with sub-customers. */
export const Agent: Story = { parameters: { customer: 'agent' } };

/** Created by Amazon. */
export const CreatedByAmazon: Story = { parameters: { customer: 'amazon' } };

/** Thousands of orders and many notes: the table virtualises, the notes page. */
export const ManyRows: Story = { parameters: { customer: 'bigOrders' } };

/** Hostile text everywhere, shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** "Discounts" as a link (`discounts-href`) rather than a button firing `discounts-open`. */
export const DiscountsLink: Story = { args: { discountsHref: '/discounts' } };

/** The viewer: everything read-only. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** German, narrow. */
export const GermanNarrow: Story = { globals: { locale: 'de-DE' }, decorators: [inWidth('narrow')] };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The customer failed to load (500): the header says so, with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['customers.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** The dark theme, wide. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** Host content in the `header-actions` slot (beside Discounts) and the `aside` slot (the layout's last block). */
export const WithSlots: Story = {
  render: (args, context) =>
    renderElement(
      'customer-screen',
      args,
      context,
      html`<button slot="header-actions" type="button">New order</button>
        <section slot="aside" aria-label="Account manager"><h2>Account manager</h2><p>Priya Natarajan, ext. 4410</p></section>`,
    ),
};

/** Every request fails: one message with Try again in the header, not one per section. */
export const ServerDown: Story = { parameters: { mocks: { failNext: [['*', 500, 1000]] } } };

/** A view registered for this story only, standing in for the accounts view (another component). */
class StoryAccountsView extends HTMLElement {
  customerId = '';
  connectedCallback(): void {
    const p = document.createElement('p');
    p.textContent = `The accounts of ${this.customerId} show here.`;
    const done = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Done' });
    done.addEventListener('click', () => this.dispatchEvent(new Event('view-close', { bubbles: true, composed: true })));
    this.replaceChildren(p, done);
  }
}

/** "View accounts" opens the registered accounts view in the screen's view dialog. */
export const ViewOpen: Story = {
  play: async ({ canvasElement, userEvent }) => {
    screenViews.accounts = { defaultTag: 'story-accounts-view', load: () => Promise.resolve(StoryAccountsView) };
    try {
      const button = await until(() => deepQuery<HTMLElement>(canvasElement, '[part~="view-accounts-button"]'), 'View accounts');
      await userEvent.click(button);
      await until(() => deepQuery<HTMLDialogElement>(canvasElement, 'dialog[part~="view-dialog"]')?.open && deepQuery(canvasElement, 'story-accounts-view p'), 'the view');
    } finally {
      // Only this story opens it.
      delete screenViews.accounts;
    }
  },
};
