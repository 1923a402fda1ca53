import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/notes-panel',
  component: 'notes-panel',
  argTypes: controlsFor('notes-panel'),
  render: (args, context) => renderElement('notes-panel', args, context),
  parameters: { customer: 'creditTrade' },
};
export default meta;
type Story = StoryObj<Args>;

const openEditor = async (root: HTMLElement, userEvent: { click(el: Element): Promise<void> }) => {
  const add = await until(() => deepQuery<HTMLButtonElement>(root, 'button[part~="add-button"]'), 'Add note');
  await userEvent.click(add);
  await until(() => deepQuery<HTMLDialogElement>(root, 'dialog[part~="editor"]')?.open, 'the editor');
  return until(() => deepQuery<HTMLTextAreaElement>(root, '[part~="textarea"]'), 'the note field');
};

/** Manual and system notes, pinned first, then newest first. */
export const Default: Story = {};

/** Hundreds of notes: pages of 20 with "Show more". */
export const ManyNotes: Story = { parameters: { customer: 'manyNotes' } };

/** Only the system notes (what the backend wrote on each change). */
export const SystemOnly: Story = { args: { filter: 'system' }, parameters: { customer: 'manyNotes' } };

/** A customer with no notes yet (created for this story, so no history). */
export const Empty: Story = {
  render: (args, context) => {
    const { mock, customers } = context.loaded as StoryLoaded;
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, subCustomerCount: _s, watchListed: _w, ...template } = mock.db.getCustomer(customers.noAddresses)!;
    const fresh = mock.db.createCustomer({ ...template, name: 'Newly Opened Account Ltd' });
    return renderElement('notes-panel', { ...args, customerId: args.customerId || fresh.id }, context);
  },
};

/** Hostile text in notes (HTML, scripts, RTL overrides, unbroken strings): shown as text, truncated with the full text on focus. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** The viewer may read but not add, pin or remove. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** `readonly`: no changes offered, whatever the user may do. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** German. */
export const German: Story = { globals: { locale: 'de-DE' } };

/** Waiting for the server. */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The notes failed to load (500): a message with Retry, which then succeeds. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['notes.list', 500]] } } };

/** The user's permissions could not be loaded (500): the notes show, and where Add note would be a message says editing is off. Retry asks again and brings them. */
export const PermissionsFailed: Story = { parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The same in German. */
export const PermissionsFailedGerman: Story = { globals: { locale: 'de-DE' }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** No provider and no `client`: the configuration message. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** Adding a note: the dialog open with a draft typed in. */
export const AddingNote: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const textarea = await openEditor(canvasElement, userEvent);
    await userEvent.type(textarea, 'Called about the late delivery; promised a call back on Friday.');
  },
};

/**
 * A note longer than the 5,000 characters the contract allows: nothing cut, the counter and a
 * message saying how much to remove; Save is refused until it is shorter.
 */
export const NoteOverLimit: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const textarea = await openEditor(canvasElement, userEvent);
    // As a paste would: the whole text at once.
    textarea.value = `${'Long call notes. '.repeat(294)}And more.`;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => deepQuery(canvasElement, '[part~="limit-error"]'), 'the over-limit message');
  },
};

/** Near the limit: the counter shows from 90 % of it. */
export const NoteNearLimit: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement, userEvent }) => {
    const textarea = await openEditor(canvasElement, userEvent);
    textarea.value = 'Lange Gesprächsnotiz. '.repeat(215);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => deepQuery(canvasElement, '[part~="limit-count"]'), 'the counter');
  },
};

/** A failed save (500) keeps the draft and says why; Save again succeeds. */
export const AddFailsKeepsDraft: Story = {
  parameters: { mocks: { failNext: [['notes.create', 500]] } },
  play: async ({ canvasElement, userEvent }) => {
    const textarea = await openEditor(canvasElement, userEvent);
    await userEvent.type(textarea, 'This draft must survive a failed save.');
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, '[part~="save-button"]'), 'Save'));
    await until(() => deepQuery(canvasElement, 'dialog [part~="error"]'), 'the save error');
  },
};

/**
 * The answer to a save was lost after the server stored the note, and the check (the same save
 * repeated, which the server answers from its idempotency store) was lost too: the panel cannot
 * say "not saved", so it says it could not confirm, keeps the draft, and Save again is safe.
 */
export const AddUnconfirmedKeepsDraft: Story = {
  // The mocks save the note and then lose the answer: the story's failed loads are on purpose.
  tags: ['network-fault'],
  parameters: { mocks: { failNext: [['notes.create', 'lost', 2]] } },
  play: async ({ canvasElement, userEvent }) => {
    const textarea = await openEditor(canvasElement, userEvent);
    await userEvent.type(textarea, 'This draft was probably saved; the answer was lost.');
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, '[part~="save-button"]'), 'Save'));
    // Two lost answers and the SDK's back-off between its tries take seconds on a busy machine.
    await until(() => deepQuery(canvasElement, 'dialog [part~="error"]'), 'the could-not-confirm message', 15_000);
  },
};

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' }, parameters: { customer: 'manyNotes' } };

/** The `heading` and `empty` slots replaced by host content. */
export const WithSlots: Story = {
  render: (args, context) => {
    const { mock, customers } = context.loaded as StoryLoaded;
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, subCustomerCount: _s, watchListed: _w, ...template } = mock.db.getCustomer(customers.noAddresses)!;
    const fresh = mock.db.createCustomer({ ...template, name: 'Slot Example Ltd' });
    return renderElement(
      'notes-panel',
      { ...args, customerId: args.customerId || fresh.id },
      context,
      html`<span slot="heading">Account history</span><span slot="empty">Nothing recorded yet: add the first call or meeting.</span>`,
    );
  },
};

/**
 * A customer whose history has one system note with every value type the contract carries: text,
 * money, yes/no, number, date, a reference id (named from the reference lists in the reader's
 * language), an id no longer listed, enumerations, and a password change with no value at all.
 */
function withEveryValueType(args: Args, context: Parameters<NonNullable<Story['render']>>[1]) {
  const { mock, customers } = context.loaded as StoryLoaded;
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, subCustomerCount: _s, watchListed: _w, ...template } = mock.db.getCustomer(customers.noAddresses)!;
  const fresh = mock.db.createCustomer({ ...template, name: 'Every Value Type Ltd' });
  const terms = mock.db.reference.paymentTerms;
  const seasons = mock.db.reference.seasons;
  mock.db.addNote({
    customerId: fresh.id, source: 'system', kind: null, pinned: false, removed: null,
    text: 'Account details changed by the accounts integration',
    author: { type: 'integration', id: 'int_accounts', name: 'Accounts integration' },
    createdAt: '2026-11-20T09:30:00.000Z',
    changes: [
      { field: 'tradingName', from: { type: 'text', text: 'Harbour Lights' }, to: { type: 'text', text: 'Harbour Lights Trading' } },
      { field: 'creditLimit', from: { type: 'money', money: { amountMinor: 100_000, currency: 'GBP' } }, to: { type: 'money', money: { amountMinor: 0, currency: 'GBP' } } },
      { field: 'onHold', from: { type: 'boolean', value: true }, to: { type: 'boolean', value: false } },
      { field: 'loyaltyPoints', subject: 'Goodwill', from: { type: 'number', value: 1200 }, to: { type: 'number', value: 12_500 } },
      { field: 'paymentTermsId', from: { type: 'reference', kind: 'paymentTerms', id: terms[2]!.id }, to: { type: 'reference', kind: 'paymentTerms', id: terms[3]!.id } },
      { field: 'order.seasonId', subject: 'SO-1000042', from: { type: 'reference', kind: 'season', id: 'ssn_retired' }, to: { type: 'reference', kind: 'season', id: seasons[1]!.id } },
      { field: 'order.cancelledAt', subject: 'SO-1000042', from: null, to: { type: 'date', date: '2026-11-20T09:30:00.000Z' } },
      { field: 'type', from: { type: 'enum', kind: 'customerType', values: ['retailer'] }, to: { type: 'enum', kind: 'customerType', values: ['agent'] } },
      { field: 'addressRoles', subject: '4 Dock Road, Hull', from: { type: 'enum', kind: 'addressRole', values: [] }, to: { type: 'enum', kind: 'addressRole', values: ['billing', 'delivery'] } },
      { field: 'eori', from: { type: 'text', text: 'GB123456789000' }, to: null },
      { field: 'password', secret: true },
    ],
  });
  return renderElement('notes-panel', { ...args, customerId: args.customerId || fresh.id, filter: 'system' }, context);
}

/** A system note with every value type, told as sentences in English. */
export const SystemNoteEveryValueType: Story = { render: withEveryValueType };

/** The same note in German: German field names, payment terms and seasons as the server names them in German, German money and dates. */
export const SystemNoteEveryValueTypeGerman: Story = { render: withEveryValueType, globals: { locale: 'de-DE' } };
