import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlsFor, deepQuery, renderElement, until, type Args } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/customer-discounts',
  component: 'customer-discounts',
  argTypes: controlsFor('customer-discounts'),
  render: (args, context) => renderElement('customer-discounts', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

/** A trade customer with a discount per product group and an agreed price for one SKU. */
export const TradeCustomer: Story = {};

/** No discounts yet. */
export const Empty: Story = { parameters: { customer: 'ebay' } };

/** Editing (the admin may): a row per group and per SKU, Add and Remove, Save and Cancel. */
export const Editing: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="edit-button"]'), 'Edit discounts'));
    await until(() => deepQuery(canvasElement, 'form[part~="form"]'), 'the form');
  },
};

/** A clerk may view them but not change them. */
export const ReadOnlyClerk: Story = { parameters: { mocks: { token: 'clerk' } } };

/** German. */
export const German: Story = { globals: { locale: 'de-DE' } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The discounts failed to load (500): a message with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['discounts.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };
