import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlsFor, deepQuery, renderElement, until, type Args } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/address-book',
  component: 'address-book',
  argTypes: controlsFor('address-book'),
  render: (args, context) => renderElement('address-book', args, context),
  parameters: { customer: 'oneAddress' },
};
export default meta;
type Story = StoryObj<Args>;

/** One address holding every role. */
export const OneAddress: Story = {};

/** Six addresses: more than a page of five brings the pager and the search box. */
export const SixAddresses: Story = { parameters: { customer: 'sixAddresses' } };

/** Forty addresses: eight pages, searchable. */
export const FortyAddresses: Story = { parameters: { customer: 'fortyAddresses' } };

/** No addresses yet. */
export const Empty: Story = { parameters: { customer: 'noAddresses' } };

/** Hostile text in addresses, shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** The viewer may not change addresses: no Add, Edit or Delete. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' }, customer: 'sixAddresses' } };

/** `readonly`: no changes offered, whatever the user may do. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** German. */
export const German: Story = { globals: { locale: 'de-DE' }, parameters: { customer: 'sixAddresses' } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The addresses failed to load (500): a message with Retry, which then succeeds. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['addresses.list', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** Adding an address: the empty form, with the country select and the roles. */
export const AddingAddress: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="add-button"]'), 'Add address'));
    await until(() => deepQuery(canvasElement, 'form[part~="form"]'), 'the form');
  },
};

/** Editing an address: the form filled in from it. */
export const EditingAddress: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="edit-button"]'), 'Edit'));
    await until(() => deepQuery(canvasElement, 'form[part~="form"]'), 'the form');
  },
};

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' }, parameters: { customer: 'sixAddresses' } };

/**
 * Giving Billing to a second address: before anything is saved, the question names the address
 * that holds it now ("Billing is now at …. Move it to this address?"). The same question shows
 * when the server refuses because someone moved the role meanwhile.
 */
export const MovingRole: Story = {
  parameters: { customer: 'sixAddresses' },
  play: async ({ canvasElement, userEvent }) => {
    const edit = await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'li[part~="address"]:nth-child(2) button[part~="edit-button"]'), 'Edit on the second address');
    await userEvent.click(edit);
    await userEvent.click(await until(() => deepQuery<HTMLInputElement>(canvasElement, '#f-role-billing'), 'the Billing checkbox'));
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="save-button"]'), 'Save'));
    await until(() => deepQuery(canvasElement, '.role-move dialog[open]'), 'the question');
  },
};

/** The same question in German. */
export const MovingRoleGerman: Story = { ...MovingRole, globals: { locale: 'de-DE' } };
