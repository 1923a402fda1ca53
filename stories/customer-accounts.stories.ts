import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/customer-accounts',
  component: 'customer-accounts',
  argTypes: controlsFor('customer-accounts'),
  render: (args, context) => renderElement('customer-accounts', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

const click = async (canvas: HTMLElement, userEvent: { click(el: Element): Promise<void> }, part: string, what: string) =>
  userEvent.click(await until(() => deepQuery<HTMLElement>(canvas, `[part~="${part}"]`), what));

/** A trade customer on 30-day terms with an overdue amount: the summary, aged debt and the ledger. */
export const Ledger: Story = {};

/** The ledger in German. */
export const LedgerGerman: Story = { globals: { locale: 'de-DE' } };

/** The statement for the last three months: opening balance, entries, closing balance, aged debt; Print, CSV, PDF. */
export const Statement: Story = { args: { tab: 'statement' } };

/** The points balance, what it is worth, and the points statement with the order behind each entry. */
export const Loyalty: Story = { args: { tab: 'loyalty' }, parameters: { customer: 'allStatuses' } };

/** Entering a payment: allocated to invoices the clerk chooses, with the plan of where the money goes. */
export const EnteringPayment: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'payment-button', 'Enter payment');
    const amount = await until(() => deepQuery<HTMLInputElement>(canvasElement, '[part~="payment-amount"]'), 'the amount');
    await userEvent.type(amount, '250.00');
    await click(canvasElement, userEvent, 'allocate-chosen', 'Invoices I choose');
    await click(canvasElement, userEvent, 'invoice-choice', 'an invoice');
    await until(() => deepQuery(canvasElement, '[part~="allocation-plan"]'), 'the plan');
  },
};

/** An overpayment: the plan says what stays on account as credit. */
export const Overpayment: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'payment-button', 'Enter payment');
    const amount = await until(() => deepQuery<HTMLInputElement>(canvasElement, '[part~="payment-amount"]'), 'the amount');
    await userEvent.type(amount, '999999.00');
    await until(() => deepQuery(canvasElement, '[part~="allocation-credit"]'), 'the credit');
  },
};

/** The payment form with every field needing attention. */
export const PaymentErrors: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'payment-button', 'Enter payment');
    await click(canvasElement, userEvent, 'payment-save-button', 'Save');
    await until(() => deepQuery(canvasElement, '[part~="field-error"]'), 'the field errors');
  },
};

/** A manual invoice with live totals, VAT per line as the server computes it. */
export const NewInvoice: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'invoice-button', 'New invoice');
    const description = await until(() => deepQuery<HTMLInputElement>(canvasElement, '[data-line-field="0.description"]'), 'the first line');
    await userEvent.type(description, 'Display stand');
    await userEvent.type(await until(() => deepQuery<HTMLInputElement>(canvasElement, '[data-line-field="0.unitPrice"]'), 'the price'), '19.99');
    await click(canvasElement, userEvent, 'add-line-button', 'Add a line');
  },
};

/** A credit note on account (with a reason). */
export const NewCreditNote: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'credit-note-button', 'Credit note');
    await until(() => deepQuery(canvasElement, '[part~="credit-note-editor"]'), 'the editor');
  },
};

/** Voiding an entry: the reason is asked for; the entry will stay, marked void. */
export const Voiding: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'void-button', 'Void');
    await until(() => deepQuery(canvasElement, '[part~="void-form"]'), 'the void form');
  },
};

/** A stale void: someone allocated a payment to the entry meanwhile; what changed, and Reload. */
export const VoidConflict: Story = {
  play: async ({ canvasElement, userEvent, loaded }) => {
    const { client, customerId, mock } = loaded as StoryLoaded;
    await click(canvasElement, userEvent, 'void-button', 'Void');
    await until(() => deepQuery(canvasElement, '[part~="void-form"]'), 'the void form');
    const host = deepQuery(canvasElement, 'customer-accounts');
    const entryId = host?.shadowRoot?.querySelector('[part~="void-button"]')?.closest('tr')?.dataset['entry'];
    const entry = entryId && client ? await client.accounts.entry(customerId!, entryId) : undefined;
    if (entry && client && entry.type === 'invoice' && entry.outstanding.amountMinor > 0) {
      await client.accounts.enterPayment(customerId!, {
        amount: { amountMinor: 100, currency: 'GBP' }, method: 'card', date: mock.db.now.slice(0, 10), reference: 'Meanwhile',
        bankAccountId: mock.db.reference.bankAccounts[0]!.id, allocations: [{ entryId: entry.id }],
      });
    } else if (entry && client) {
      await client.accounts.void(customerId!, entry.id, 'Voided meanwhile', { version: entry.version });
    }
    await userEvent.type(await until(() => deepQuery<HTMLInputElement>(canvasElement, '[part~="void-reason"]'), 'the reason'), 'Raised in error');
    await click(canvasElement, userEvent, 'void-save-button', 'Void entry');
    await until(() => deepQuery(canvasElement, '[part~="conflict"]'), 'the conflict');
  },
};

/** Adjusting the points balance with a reason. */
export const LoyaltyAdjust: Story = {
  args: { tab: 'loyalty' },
  parameters: { customer: 'allStatuses' },
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'loyalty-adjust-button', 'Adjust points');
    await until(() => deepQuery(canvasElement, '[part~="loyalty-adjust-form"]'), 'the form');
  },
};

/** The shop-wide loyalty settings (for users with `loyalty.settings.edit`). */
export const LoyaltySettings: Story = {
  args: { tab: 'loyalty' },
  parameters: { customer: 'allStatuses' },
  play: async ({ canvasElement, userEvent }) => {
    await click(canvasElement, userEvent, 'loyalty-settings-button', 'Loyalty settings');
    await until(() => deepQuery(canvasElement, '[part~="loyalty-settings-form"]'), 'the form');
  },
};

/** A clerk (may view accounts, may not enter payments or invoices): no write actions. */
export const ClerkReadOnly: Story = { parameters: { mocks: { token: 'clerk' } } };

/** The viewer may not see the ledger: the summary shows, the ledger says why not. */
export const ViewerNoLedger: Story = { parameters: { mocks: { token: 'viewer' } } };

/** `readonly`: no write actions, whatever the user may do. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** Waiting for the server (the request never answers). */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The account failed to load (500): a message with Retry. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['accounts.get', 500], ['accounts.ledger', 500]] } } };

/** The user's permissions could not be loaded: the account shows, and a message says writing is off. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The hostile fixture: references and descriptions shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };
