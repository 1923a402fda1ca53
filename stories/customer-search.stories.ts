import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { controlsFor, deepQuery, renderElement, until, type Args, type FixtureRole, type StoryLoaded } from './support.js';

/** A fixture customer's name (or its first word), so that no story hard-codes data. */
function nameOf(context: StoryContext, role: FixtureRole, firstWord = false): string {
  const { mock, customers } = context.loaded as StoryLoaded;
  const name = mock.db.getCustomer(customers[role])?.name ?? '';
  return firstWord ? (name.split(/\s+/)[0] ?? name) : name;
}

const meta: Meta<Args> = {
  title: 'Components/customer-search',
  component: 'customer-search',
  argTypes: controlsFor('customer-search'),
  render: (args, context) => renderElement('customer-search', args, context),
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** Typing in the box opens the results (shown here by focusing it, as a user would). */
const focusBox: Story['play'] = async ({ canvasElement, userEvent }) => {
  const input = await until(() => deepQuery<HTMLInputElement>(canvasElement, 'input[part~="input"]'), 'the search box');
  await userEvent.click(input);
};

/** Nothing typed yet: the criterion and segment selects, the A–Z filter and a hint. */
export const Default: Story = {};

/** A name search with results: names, trading names, type, postcode, channel, balance and flags. */
export const Results: Story = {
  render: (args, context) => renderElement('customer-search', { ...args, query: args.query || nameOf(context, 'watchListed', true) }, context),
  play: focusBox,
};

/** Search by email. */
export const ByEmail: Story = {
  args: { criterion: 'email' },
  render: (args, context) => {
    const { mock, customers } = context.loaded as StoryLoaded;
    const email = mock.db.getCustomer(customers.creditTrade)?.email ?? '';
    return renderElement('customer-search', { ...args, query: args.query || email.split('@')[0] }, context);
  },
  play: focusBox,
};

/** Trade customers only, starting with a letter (the A–Z filter). */
export const TradeByInitial: Story = {
  args: { segment: 'trade' },
  render: (args, context) => renderElement('customer-search', { ...args, initial: args.initial || nameOf(context, 'creditTrade').charAt(0) }, context),
  play: focusBox,
};

/** Many results, five per page: "Load more". */
export const ManyResults: Story = { args: { initial: '', pageSize: 5, query: 'ltd' }, play: focusBox };

/** No customer matches. */
/** Nothing matches, and the host offers to add the customer (`offer-create`): "Add customer" fires `customer-create-request`. */
export const NoResultsOfferCreate: Story = { args: { query: 'Acme Widgts', offerCreate: true }, play: focusBox };

export const NoResults: Story = { args: { query: 'zzqxw no such customer' }, play: focusBox };

/** Hostile names (HTML, scripts, RTL overrides, 300-character words) in the results, shown as text. */
export const HostileText: Story = {
  render: (args, context) => renderElement('customer-search', { ...args, query: args.query || 'Hostile' }, context),
  play: focusBox,
};

/** The search failed (500): a message with Retry. */
export const SearchError: Story = {
  args: { query: 'ltd' },
  parameters: { mocks: { failNext: [['customers.search', 500]] } },
  play: focusBox,
};

/** Waiting for the server. */
export const Searching: Story = { args: { query: 'ltd' }, parameters: { mocks: { latency: 'forever' } }, play: focusBox };

/** German. */
export const German: Story = { globals: { locale: 'de-DE' }, args: { query: 'ltd' }, play: focusBox };

/** A query longer than the 200 characters the contract allows: said beside the box, and nothing is sent. */
export const QueryTooLong: Story = { args: { query: `${'Wolstenholme & Partners '.repeat(8)}Ltd and sons` }, play: focusBox };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** The dark theme, with results open. */
export const DarkTheme: Story = { globals: { theme: 'dark' }, args: { query: 'ltd' }, play: focusBox };

/** The `empty` slot: the host's own "no results" content (here, a create-customer link). */
export const EmptySlot: Story = {
  args: { query: 'zzqxw no such customer' },
  render: (args, context) =>
    renderElement('customer-search', args, context, html`<span slot="empty">No match. <a href="#new-customer">Create a customer</a></span>`),
  play: focusBox,
};
