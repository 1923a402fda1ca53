import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/order-table/define.js';
import type { OrderTable } from '../src/components/order-table/order-table.js';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync('.ce-story-narrow-table { inline-size: 22rem; }');
if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const meta: Meta<Args> = {
  title: 'Components/order-table',
  component: 'order-table',
  argTypes: controlsFor('order-table'),
  render: (args, context) => renderElement('order-table', args, context),
  parameters: { customer: 'allStatuses' },
};
export default meta;
type Story = StoryObj<Args>;

/** Orders in every status (in words), with priority flags, tracking and documents. */
export const AllStatuses: Story = {};

/** Thousands of orders, virtualised: only the rows in view are rendered; pages load as you scroll. */
export const ManyOrders: Story = { parameters: { customer: 'bigOrders' } };

/** 2,000,000 orders: past the browser's height limit, so the grid scrolls scaled; every row is reachable. */
export const TwoMillionOrders: Story = {
  render: (args, context) =>
    renderElement('order-table', { ...args, customerId: (context.loaded as StoryLoaded).mock.db.fixtures.hugeOrders }, context),
};

/** 2,000,000 orders, scrolled to the last one (as Ctrl+End or the thumb at the bottom shows it). */
export const TwoMillionOrdersAtTheEnd: Story = {
  ...TwoMillionOrders,
  play: async ({ canvasElement }) => {
    const table = await until(() => {
      const el = canvasElement.querySelector<OrderTable>('order-table');
      return el?.total ? el : undefined;
    }, 'the order count');
    table.scrollToIndex(table.total! - 1);
    await until(() => deepQuery(canvasElement, '[aria-rowindex="2000001"]:not([part~="row-loading"])'), 'the last order');
  },
};

/**
 * 2,000,000 orders filtered by status: the server refuses (it cannot filter a history that long),
 * and the table says which filter and offers all statuses, instead of asking to check fields.
 */
export const TwoMillionOrdersFilterRefused: Story = {
  render: (args, context) =>
    renderElement('order-table', { ...args, status: 'dispatched', customerId: (context.loaded as StoryLoaded).mock.db.fixtures.hugeOrders }, context),
  play: async ({ canvasElement }) => {
    await until(() => deepQuery(canvasElement, '[part~="refused-query"]'), 'the refused filter');
  },
};

/** Sorted by cost, largest first. */
export const SortedByCost: Story = { args: { sort: 'total', order: 'desc' }, parameters: { customer: 'bigOrders' } };

/** Filtered to dispatched orders. */
export const DispatchedOnly: Story = { args: { status: 'dispatched' } };

/** A customer with no orders. */
export const Empty: Story = { parameters: { customer: 'noAddresses' } };

/** Created by Amazon: orders wait for payment before dispatch. */
export const AmazonCustomer: Story = { parameters: { customer: 'amazon' } };

/** Hostile text in order fields, shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** The viewer: orders open read-only, with no actions. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** German: dates, money and statuses in de-DE. */
export const German: Story = { globals: { locale: 'de-DE' } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The orders failed to load (500): a message with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['orders.list', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** An order opened (Enter on a row, or a click): its detail and actions in a dialog. */
export const OrderOpen: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const row = await until(() => deepQuery<HTMLElement>(canvasElement, '[part~="row"]:not([part~="row-loading"]) [part~="cell-number"]'), 'a loaded row');
    await userEvent.click(row);
    await until(() => deepQuery<HTMLDialogElement>(canvasElement, 'dialog[part~="dialog"]')?.open, 'the order dialog');
  },
};

/** In a narrow column (22rem): each order in two lines, number, status and cost first, no sideways scroll. */
export const Narrow: Story = {
  decorators: [(story) => html`<div class="ce-story-narrow-table">${story()}</div>`],
};

/** The dark theme, compact. */
export const DarkCompact: Story = { globals: { theme: 'dark', density: 'compact' } };
