import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/order-entry',
  component: 'order-entry',
  argTypes: controlsFor('order-entry'),
  render: (args, context) => renderElement('order-entry', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

type Play = NonNullable<Story['play']>;
type PlayContext = Parameters<Play>[0];

/**
 * Types each SKU into the finder and presses Enter, as a clerk (or a scanner) does; waits for the
 * server's totals. One SKU per story: after a product is added the finder clears itself, but
 * user-event keeps its own copy of what it typed and appends the next code to it (the component
 * tests type several products with a real keyboard).
 */
const addLines = (...skus: string[]): Play => addLinesThen(skus, '[part~="total"]', 'the totals');

/** The same, then waits for `selector` (`what` names it in a time-out). */
const addLinesThen =
  (skus: string[], selector: string, what: string): Play =>
  async ({ canvasElement, userEvent }: PlayContext) => {
    for (const sku of skus) {
      const finder = await until(() => deepQuery<HTMLInputElement>(canvasElement, 'input[part~="product-search"]'), 'the product finder');
      await userEvent.click(finder);
      await userEvent.type(finder, `${sku}{Enter}`);
      await until(() => deepQuery(canvasElement, `tr[data-sku="${sku}"]`), `the line for ${sku}`);
    }
    await until(() => deepQuery(canvasElement, selector), what);
  };

/** An open order of a fixture customer, from the story's mock data. */
const orderOf = (role: 'allStatuses', status: 'allocated' | 'dispatched') => (args: Args, context: Parameters<NonNullable<Story['render']>>[1]) => {
  const { mock } = context.loaded as StoryLoaded;
  const id = mock.db.ordersOf(mock.db.fixtures.customers[role], { status })[0]?.id;
  return renderElement('order-entry', { ...args, orderId: id }, context);
};

/** A trade customer on 30-day terms, nothing added yet. */
export const Empty: Story = {};

/** The trade customer's group discount on a line: Trade price less 10 %; VAT and totals from the server; straight to the dispatch queue. */
export const TradeWithDiscounts: Story = { play: addLines('TT-LIN-SAG') };

/** The trade customer's agreed price for one SKU, which wins over the group discount. */
export const AgreedPrice: Story = { play: addLines('CDL-SOY-SAG') };

/** A marketplace customer on "Full payment before despatch": the order will wait for payment. */
export const AwaitingPayment: Story = { parameters: { customer: 'amazon' }, play: addLines('MUG-STN-NAV') };

/** A season chosen: a pre-order at the season's prices, allocated when the season opens. */
export const SeasonPreOrder: Story = { args: { seasonId: 'ssn_ss27_preorder' }, play: addLines('LMP-BRS-OCH') };

/** Editing an allocated order: its lines, quantities and addresses. */
export const EditOrder: Story = { render: orderOf('allStatuses', 'allocated'), parameters: { customer: 'allStatuses' } };

/** A dispatched order cannot be edited, and says so. */
export const EditDispatched: Story = { render: orderOf('allStatuses', 'dispatched'), parameters: { customer: 'allStatuses' } };

/** A customer on hold: nothing can be placed. */
export const OnHold: Story = { parameters: { customer: 'onHold' } };

/** A customer with no address yet. */
export const NoAddresses: Story = { parameters: { customer: 'noAddresses' } };

/** The server could not price the draft (500): the message with Try again. */
export const QuoteFailed: Story = { parameters: { mocks: { failNext: [['orders.quote', 500, 5]] } }, play: addLinesThen(['TT-LIN-SAG'], '[part~="error"][role="alert"]', 'the quote failure') };

/** The viewer may not place orders. */
export const NoCapability: Story = { parameters: { mocks: { token: 'viewer' } } };

/** German, with a discounted line. */
export const German: Story = { globals: { locale: 'de-DE' }, play: addLines('TT-LIN-SAG') };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The customer failed to load (500): a message with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['customers.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };
