import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/customer-attachments/define.js';
import { controlsFor, renderElement, type Args } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/customer-attachments',
  component: 'customer-attachments',
  argTypes: controlsFor('customer-attachments'),
  render: (args, context) => renderElement('customer-attachments', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

/** Documents and pictures: name, type, size, when and by whom; upload, download, delete. */
export const Default: Story = {};

/** A customer with no attachments. */
export const Empty: Story = { parameters: { customer: 'noAddresses' } };

/** Hostile file names, shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** The viewer: list and download only. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** `readonly`: list and download only, whatever the user may do. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** German. */
export const German: Story = { globals: { locale: 'de-DE' } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The list failed to load (500): a message with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['attachments.list', 500]] } } };

/** The user's permissions could not be loaded (500): the list shows, and where the upload area would be a message says editing is off. Retry asks again and brings them. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The same in German. */
export const PermissionsFailedGerman: Story = { globals: { locale: 'de-DE' }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };
