import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { registerLocale } from '../src/components/locales.js';
import { controlsFor, deepQuery, renderElement, until, type Args, type StoryLoaded } from './support.js';

const meta: Meta<Args> = {
  title: 'Components/watch-list-badge',
  component: 'watch-list-badge',
  argTypes: controlsFor('watch-list-badge'),
  render: (args, context) => renderElement('watch-list-badge', args, context),
  parameters: { customer: 'watchListed' },
};
export default meta;
type Story = StoryObj<Args>;

/** A watch-listed customer: the flag pulses; hover or focus it for the note. An admin may edit. */
export const WatchListed: Story = {};

/** Icon only (the label is kept for assistive technology). */
export const Compact: Story = { args: { compact: true } };

/** A customer not on the list, `editable`: a quiet "Add to watch list" button. */
export const NotOnListEditable: Story = { args: { editable: true }, parameters: { customer: 'creditTrade' } };

/** The viewer may not edit the watch list: the flag shows the note, with no editor. */
export const ReadOnlyViewer: Story = { parameters: { mocks: { token: 'viewer' } } };

/** `readonly`: never offers editing, whatever the user may do. */
export const ReadOnlyProperty: Story = { args: { readonly: true } };

/** `decorative`: the flag only, for places that own focus themselves (a listbox option, a grid cell). */
export const Decorative: Story = { args: { decorative: true } };

/** The hostile fixture: its note is HTML, script tags, RTL overrides and unbroken strings, shown as text. */
export const HostileText: Story = { parameters: { customer: 'hostile' } };

/** Waiting for the server (the request never answers). */
export const Loading: Story = { parameters: { mocks: { latency: 'forever' } } };

/** The watch list failed to load (500): a message with Retry, which then succeeds. */
export const LoadError: Story = { parameters: { mocks: { failNext: [['watchList.get', 500]] } } };

/** The user's permissions could not be loaded (500): the flag shows read-only (`editable`), with a message beside it. Retry asks again and brings them. */
export const PermissionsFailed: Story = { args: { editable: true }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** The same in German. */
export const PermissionsFailedGerman: Story = { globals: { locale: 'de-DE' }, args: { editable: true }, parameters: { mocks: { failNext: [['me.get', 500]] } } };

/** A host's partial French (kept in one object, so that registering it again on every visit changes nothing). */
const hostFrench = {
  'watch-list-badge': { label: 'Liste de surveillance', add: 'Ajouter à la liste de surveillance', noteLabel: 'Note de surveillance' },
  shared: { 'action.save': 'Enregistrer', 'action.cancel': 'Annuler' },
};

/**
 * A language the host adds from outside the package (`registerLocale('fr', …)`, see the README),
 * here only partly translated: the keys it leaves out (the edit hint, the editor's texts) show in English.
 */
export const HostLanguageFrench: Story = {
  args: { locale: 'fr-FR' },
  loaders: [
    async () => {
      registerLocale('fr', hostFrench);
      return {};
    },
  ],
};

/** No provider and no `client`: the configuration message, not a blank box. */
export const NoClient: Story = { parameters: { mocks: { token: 'none' } } };

/** Editing: the dialog open on the current note (opened by the play function, as a user would). */
export const Editing: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const trigger = await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="trigger"]'), 'the badge');
    await userEvent.click(trigger);
    await until(() => deepQuery<HTMLDialogElement>(canvasElement, 'dialog[part~="editor"]')?.open, 'the editor');
  },
};

/** The dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** The `icon` slot: the host's own glyph in the round icon. */
export const CustomIcon: Story = {
  render: (args, context) => renderElement('watch-list-badge', args, context, html`<span slot="icon" aria-hidden="true">!</span>`),
};

/**
 * Conflict on save: the user edits the note; meanwhile someone else changes it (here, straight in
 * the mock database). Save answers 412: the editor says what changed and keeps the typed note.
 * Reload puts it on their version; Save then succeeds.
 */
export const ConflictOnSave: Story = {
  play: async ({ canvasElement, userEvent, loaded }) => {
    const { mock, customerId } = loaded as StoryLoaded;
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="trigger"]'), 'the badge'));
    const note = await until(() => deepQuery<HTMLTextAreaElement>(canvasElement, 'textarea[part~="textarea"]'), 'the note field');
    await userEvent.type(note, ' Call before delivery.');
    const { version: _version, ...theirs } = mock.db.watchListOf(customerId!);
    mock.db.setWatchList(customerId!, { ...theirs, note: 'Changed elsewhere: only ship against payment.' });
    await userEvent.click(await until(() => deepQuery<HTMLButtonElement>(canvasElement, 'button[part~="save-button"]'), 'Save'));
    await until(() => deepQuery(canvasElement, '[part~="conflict-changes"]'), 'what changed');
  },
};

/** The conflict in German. */
export const ConflictOnSaveGerman: Story = { ...ConflictOnSave, globals: { locale: 'de-DE' } };
