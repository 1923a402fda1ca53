import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

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

/** The user's permissions could not be loaded (500): the addresses show, and where Add, Edit and Delete would be a message says editing is off. Retry asks again and brings them. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The same in German. */
export const PermissionsFailedGerman: Story = { globals: { locale: 'de-DE' }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

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
 * Conflict on save: the user edits line 1; meanwhile someone else changes the address (here,
 * straight in the mock database). Save answers 412: the form says what changed (old → new) and
 * keeps what was typed. Reload puts the draft on their version; Save then succeeds.
 */
export const ConflictOnSave: Story = {
  play: async ({ canvasElement, userEvent, loaded }) => {
    const { mock, customerId } = loaded as StoryLoaded;
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="edit-button"]'), 'Edit'));
    const line1 = await until(() => deepQuery<HTMLInputElement>(canvasElement, '#f-line1'), 'the line 1 field');
    // Select what is there and type over it (user-event's clear() cannot see focus inside a shadow root).
    await userEvent.type(line1, '1 Typed Street', { initialSelectionStart: 0, initialSelectionEnd: line1.value.length });
    const [theirs] = mock.db.addressesOf(customerId!);
    mock.db.updateAddress(theirs!.id, { line1: '7 Their Street', city: 'Elsewhere' });
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="save-button"]'), 'Save'));
    await until(() => deepQuery(canvasElement, '[part~="conflict-changes"]'), 'what changed');
  },
};

/** The conflict in German. */
export const ConflictOnSaveGerman: Story = { ...ConflictOnSave, globals: { locale: 'de-DE' } };

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
