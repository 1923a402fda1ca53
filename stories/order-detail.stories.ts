import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/components/order-table/define.js';
import { controlsFor, renderElement, type Args, type StoryLoaded } from './support.js';

/** One order of the story's fixture customer, by status (ids are never hard-coded). */
function orderOf(context: StoryContext, status?: 'unallocated' | 'allocated' | 'dispatched' | 'cancelled'): string | undefined {
  const { mock, customerId } = context.loaded as StoryLoaded;
  if (!customerId) return undefined;
  return mock.db.ordersOf(customerId, status ? { status } : {})[0]?.id;
}

const meta: Meta<Args> = {
  title: 'Components/order-detail',
  component: 'order-detail',
  argTypes: controlsFor('order-detail'),
  render: (args, context) => renderElement('order-detail', { ...args, orderId: args.orderId || orderOf(context, context.parameters.orderStatus) }, context),
  parameters: { customer: 'allStatuses', orderStatus: 'unallocated' },
};
export default meta;
type Story = StoryObj<Args>;

/** Unallocated: every action open to an admin. */
export const Unallocated: Story = {};

/** Allocated: stock allocated, not yet dispatched. */
export const Allocated: Story = { parameters: { orderStatus: 'allocated' } };

/** Dispatched: tracking and print history; cancel is disabled, with the reason. */
export const Dispatched: Story = { parameters: { orderStatus: 'dispatched' } };

/** Cancelled. */
export const Cancelled: Story = { parameters: { orderStatus: 'cancelled' } };

/** The big customer's order with the most lines (found in the data, never hard-coded), with totals, tracking and print history. */
export const MostLines: Story = {
  parameters: { customer: 'bigOrders' },
  render: (args, context) => {
    const { mock, customerId } = context.loaded as StoryLoaded;
    const largest = mock.db.ordersOf(customerId!, { sort: 'quantity', order: 'desc' }).slice(0, 10);
    const most = largest
      .map((o) => ({ id: o.id, lines: mock.db.getOrder(o.id)?.lines.length ?? 0 }))
      .sort((a, b) => b.lines - a.lines)[0];
    return renderElement('order-detail', { ...args, orderId: args.orderId || most?.id }, context);
  },
};

/** Hostile text in the order, shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile', orderStatus: undefined } };

/** The viewer: no actions. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** `readonly`: no actions offered, whatever the user may do. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The order failed to load (500): a message with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['orders.get', 500]] } } };

/** The user's permissions could not be loaded (500): the order shows, and where its actions would be a message says editing is off. Retry asks again and brings them. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The same in German. */
export const PermissionsFailedGerman: Story = { globals: { locale: 'de-DE' }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' }, parameters: { orderStatus: 'dispatched' } };
