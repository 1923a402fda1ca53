import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/customer-create',
  component: 'customer-create',
  argTypes: controlsFor('customer-create'),
  render: (args, context) => renderElement('customer-create', args, context),
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

type Play = NonNullable<Story['play']>;
type PlayContext = Parameters<Play>[0];

const input = (root: HTMLElement, key: string) =>
  until(() => deepQuery<HTMLInputElement>(root, `#f-${key.replace(/\./g, '-')}`), key);

/** Fills the required fields as a user would (name, sales channel, first address). */
async function fillRequired({ canvasElement, userEvent }: PlayContext, name: string, postcode = 'BD1 1RB'): Promise<void> {
  await userEvent.type(await input(canvasElement, 'name'), name);
  await userEvent.selectOptions(await input(canvasElement, 'salesChannelId'), 'sc_trade');
  await userEvent.type(await input(canvasElement, 'address.line1'), '9 Tyrrel Street');
  await userEvent.type(await input(canvasElement, 'address.city'), 'Bradford');
  await userEvent.type(await input(canvasElement, 'address.postcode'), postcode);
}

const pressCreate = async ({ canvasElement, userEvent }: PlayContext) =>
  userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="create-button"]'), 'Add customer'));

/** The empty form: customer, company and personal details, the first address and contacts. */
export const Empty: Story = {};

/** Opened from the search's "Add customer": the name is what was typed. */
export const Prefilled: Story = { args: { prefill: { name: 'Acme Widgts' } } };

/** A trade channel chosen: payment terms follow it (7 days), and the hint says what they mean. */
export const TermsFromChannel: Story = {
  play: async (context) => {
    await context.userEvent.selectOptions(await input(context.canvasElement, 'salesChannelId'), 'sc_trade');
  },
};

/** The user chose other terms than the channel's usual ones: the hint says so. */
export const TermsChanged: Story = {
  play: async (context) => {
    await context.userEvent.selectOptions(await input(context.canvasElement, 'salesChannelId'), 'sc_trade');
    await context.userEvent.selectOptions(await input(context.canvasElement, 'paymentTermsId'), 'pt_60_days');
  },
};

/** While typing, the same postcode and a similar name as an existing customer: "This may be … — open it instead?" */
export const DuplicateWarning: Story = {
  render: (args, context) => {
    const { mock, customers } = context.loaded as StoryLoaded;
    const existing = mock.db.toSummary(mock.db.getCustomer(customers.creditTrade)!);
    return renderElement('customer-create', { ...args, prefill: { name: existing.name, postcode: existing.postcode ?? '' } }, context);
  },
  play: async ({ canvasElement }) => {
    await until(() => deepQuery(canvasElement, '[part~="duplicate-open-button"]'), 'the duplicate warning');
  },
};

/** Two contacts added. */
export const WithContacts: Story = {
  play: async (context) => {
    const add = await until(() => deepQuery<HTMLButtonElement>(context.canvasElement, 'button[part~="add-contact-button"]'), 'Add a contact');
    await context.userEvent.click(add);
    await context.userEvent.type(await input(context.canvasElement, 'contacts.1.name'), 'Priya Shah');
    await context.userEvent.click(add);
    await context.userEvent.type(await input(context.canvasElement, 'contacts.2.name'), 'Tom Okafor');
  },
};

/** Add pressed on an empty form: the summary above the fields has the focus, each error stands at its field. */
export const ValidationErrors: Story = {
  play: async (context) => {
    await pressCreate(context);
    await until(() => deepQuery(context.canvasElement, '[part~="error-summary"]'), 'the error summary');
  },
};

/** A postcode that is not a UK postcode, caught as the field is left. */
export const BadPostcode: Story = {
  play: async (context) => {
    await fillRequired(context, 'Postcode Checkers Ltd', 'LS1 XYZ');
    await pressCreate(context);
    await until(() => deepQuery(context.canvasElement, '[part~="field-error"]'), 'the postcode error');
  },
};

/** Adding: the button says so while the server works. */
export const Creating: Story = {
  parameters: { mocks: { failNext: [['customers.create', 'timeout']] } },
  play: async (context) => {
    await fillRequired(context, 'Slow Server Ltd');
    await pressCreate(context);
  },
};

/** The answer was lost twice: the form cannot confirm, keeps everything, and Add again is safe. */
export const CouldNotConfirm: Story = {
  // The lost answers are failed loads in the browser's console: expected here.
  tags: ['network-fault'],
  parameters: { mocks: { failNext: [['customers.create', 'lost', 2]] } },
  play: async (context) => {
    await fillRequired(context, 'Unconfirmed Traders');
    await pressCreate(context);
    await until(() => deepQuery(context.canvasElement, '[part~="error-summary"]'), 'the message');
  },
};

/** The server failed (500): not added, what was typed is kept. */
export const ServerError: Story = {
  parameters: { mocks: { failNext: [['customers.create', 500]] } },
  play: async (context) => {
    await fillRequired(context, 'Server Error Ltd');
    await pressCreate(context);
    await until(() => deepQuery(context.canvasElement, '[part~="error-summary"]'), 'the message');
  },
};

/** Added: what was created, Open it, or Add another. */
export const Created: Story = {
  play: async (context) => {
    await fillRequired(context, `Story Customer ${Date.now() % 100000}`);
    await pressCreate(context);
    await until(() => deepQuery(context.canvasElement, '[part~="success"]'), 'the success message');
  },
};

/** A clerk without the "customers.create" permission: told so, no form. */
export const NotPermitted: Story = { parameters: { mocks: { token: 'clerk' } } };

/** The user's permissions could not be loaded: a message with Retry. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The reference lists (channels, terms, countries) could not be loaded: a message with Retry. */
export const ReferenceFailed: Story = { parameters: { mocks: { failNext: [['reference.get', 500]] } } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** German. */
export const German: Story = { globals: { locale: 'de-DE' }, args: { prefill: { name: 'Müller Textil GmbH' } } };

/** The errors in German. */
export const GermanErrors: Story = { globals: { locale: 'de-DE' }, play: ValidationErrors.play };

/** The dark theme, with errors. */
export const DarkTheme: Story = { globals: { theme: 'dark' }, play: ValidationErrors.play };
