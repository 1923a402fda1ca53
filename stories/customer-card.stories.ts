import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/customer-card',
  component: 'customer-card',
  argTypes: controlsFor('customer-card'),
  render: (args, context) => renderElement('customer-card', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

const card = (root: HTMLElement) => root.querySelector('customer-card');
const loaded = (root: HTMLElement) => card(root)?.shadowRoot?.querySelector('[part~="card"][aria-busy="false"]');

/** A trade customer on 30-day credit terms: credit limit, available credit, an overdue amount. */
export const CreditTrade: Story = {};

/** Account on hold: shown unmistakably (text and symbol, not colour alone). */
export const OnHold: Story = { parameters: { customer: 'onHold' } };

/** Watch-listed: the badge beside the name. */
export const WatchListed: Story = { parameters: { customer: 'watchListed' } };

/** An agent, acting for sub-customers. */
export const Agent: Story = { parameters: { customer: 'agent' } };

/** A sub-customer of the agent. */
export const SubCustomer: Story = { parameters: { customer: 'subCustomer' } };

/** Created by Amazon: "Full payment before despatch", and the card says why. */
export const CreatedByAmazon: Story = { parameters: { customer: 'amazon' } };

/** Created by eBay: "Full payment before despatch", with the eBay user id. */
export const CreatedByEbay: Story = { parameters: { customer: 'ebay' } };

/** EU VAT exempt. */
export const VatExempt: Story = { parameters: { customer: 'vatExempt' } };

/** Every text field holds hostile text (HTML, scripts, RTL overrides, 300-character words): shown as text, layout intact. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** The viewer may change nothing: no Edit buttons (the server would refuse anyway). */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** The clerk may edit personal details and contacts but not finances or terms. */
export const Clerk: Story = { parameters: { mocks: { token: 'clerk' } } };

/** `readonly`: everything read-only, whatever the user may change. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** German: labels, money and dates in de-DE. */
export const German: Story = { globals: { locale: 'de-DE' } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The customer failed to load (500): a message with Retry, which then succeeds. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['customers.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** Editing the identity sub-section, opened with its Edit button. */
export const Editing: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await until(() => loaded(canvasElement), 'the card');
    const edit = await until(() => deepQuery<HTMLButtonElement>(canvasElement, '[part~="section-identity"] [part~="edit-button"]'), 'Edit');
    await userEvent.click(edit);
    await until(() => deepQuery(canvasElement, '[part~="section-identity"] form[part~="form"]'), 'the identity form');
  },
};

/**
 * Conflict on save: the user edits the name; meanwhile someone else changes the customer (here,
 * straight in the mock database); Save answers 412 and the card says so, keeping the typed text.
 * Press Reload to see what changed, then Save again.
 */
export const ConflictOnSave: Story = {
  play: async ({ canvasElement, userEvent, loaded: data }) => {
    const { mock, customerId } = data as StoryLoaded;
    await until(() => loaded(canvasElement), 'the card');
    const edit = await until(() => deepQuery<HTMLButtonElement>(canvasElement, '[part~="section-identity"] [part~="edit-button"]'), 'Edit');
    await userEvent.click(edit);
    const name = await until(() => deepQuery<HTMLInputElement>(canvasElement, '[part~="section-identity"] input[name="name"]'), 'the name field');
    // Select what is there and type over it (user-event's clear() cannot see focus inside a shadow root).
    await userEvent.type(name, 'Typed By Me Ltd', { initialSelectionStart: 0, initialSelectionEnd: name.value.length });
    mock.db.updateCustomer(customerId!, { tradingName: 'Changed Elsewhere' });
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, '[part~="section-identity"] [part~="save-button"]'), 'Save'));
    const conflict = await until(() => deepQuery(canvasElement, '[part~="conflict"]'), 'the conflict message');
    await expect(conflict.getAttribute('role')).toBe('alert');
    await expect(name.value).toBe('Typed By Me Ltd');
  },
};

/** The user's permissions could not be loaded (500): every section shows, and one message under the header says editing is off (no Edit buttons). Retry asks again and brings them. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The same in German. */
export const PermissionsFailedGerman: Story = { globals: { locale: 'de-DE' }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' }, parameters: { customer: 'onHold' } };

/** Compact density. */
export const CompactDensity: Story = { globals: { density: 'compact' } };

/** The example brand (tokens and parts only: see Docs/Theming). */
export const BrandTheme: Story = { globals: { theme: 'brand' }, parameters: { customer: 'watchListed' } };

/** Host content in the `actions` slot (header buttons) and the `footer` slot. */
export const WithSlots: Story = {
  render: (args, context) =>
    renderElement(
      'customer-card',
      args,
      context,
      html`<button slot="actions" type="button">Send statement</button>
        <p slot="footer">Account manager: Priya Natarajan (host content in the footer slot).</p>`,
    ),
};
