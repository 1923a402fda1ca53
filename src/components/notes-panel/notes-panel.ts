import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Client } from '../../sdk/index.js';
import { tags } from '../../sdk/index.js';
import { isValidationError } from '../../sdk/errors/index.js';
import type { Actor, Note, NoteKind, Page } from '../../sdk/schemas.js';
import { NOTE_KINDS } from '../../sdk/enums.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { formatDateTime, formatNumber } from '../shared/format.js';
import { errorMessage } from '../shared/i18n.js';
import { confirmedWrite, isUnconfirmedWrite, writeFailureText } from '../shared/write.js';
import { isOverLimit, limitDescribedBy, renderLimit } from '../shared/limits.js';
import { NoteInputLimits } from '../shared/limits.generated.js';
import { ResourceController } from '../shared/resource.js';
import { renderError, renderResource, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles, visuallyHidden } from '../shared/styles.js';
import { notesMessage, type NotesMessageKey } from './notes-panel.messages.js';
import { noteSentences } from './change-text.js';
import { referenceController } from '../shared/reference.js';
import { enumName } from '../shared/terms.js';
import { notesPanelStyles } from './notes-panel.styles.js';

/** Which notes the panel lists. */
export type NotesFilter = 'all' | 'manual' | 'system';
const FILTERS: readonly NotesFilter[] = ['all', 'manual', 'system'];

/** Detail of the `note-add` event. */
export interface NoteAddDetail {
  customerId: string;
  /** The note as the server recorded it (author = the current user). */
  note: Note;
}

/** The unsent note a user is writing; never lost until it is saved. */
export interface NoteDraft {
  text: string;
  kind: NoteKind;
  pinned: boolean;
}

interface NotesState {
  /** customer, filter and page size the items belong to. */
  key: string;
  client: Client;
  items: Note[];
  nextCursor: string | null;
  total: number;
  /** How many pages of `pageSize` the user asked for. */
  pages: number;
}

const DRAFT_PREFIX = 'customer-elements:notes-draft:';
const EMPTY_DRAFT: NoteDraft = { text: '', kind: 'general', pinned: false };
/** The API's largest page. */
const MAX_LIMIT = 100;
/** The longest note the server takes, from the contract's schema. */
const TEXT_LIMIT = NoteInputLimits.text;

function readStoredDraft(customerId: string): NoteDraft | undefined {
  try {
    const raw = sessionStorage.getItem(DRAFT_PREFIX + customerId);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<NoteDraft> | null;
    if (!parsed || typeof parsed.text !== 'string') return undefined;
    const kind = (NOTE_KINDS as readonly string[]).includes(parsed.kind ?? '') ? (parsed.kind as NoteKind) : 'general';
    return { text: parsed.text, kind, pinned: parsed.pinned === true };
  } catch {
    // Storage disabled (privacy mode) or a value we did not write: the in-memory draft still works.
    return undefined;
  }
}

function storeDraft(customerId: string, draft: NoteDraft | undefined): void {
  try {
    if (!draft || (draft.text === '' && !draft.pinned && draft.kind === 'general')) sessionStorage.removeItem(DRAFT_PREFIX + customerId);
    else sessionStorage.setItem(DRAFT_PREFIX + customerId, JSON.stringify(draft));
  } catch {
    // See readStoredDraft.
  }
}

/**
 * The notes about a customer: manual notes written by the team and system notes the backend writes
 * on every change, pinned notes first, then newest first.
 *
 * @summary A customer's notes: read, filter, page, add, pin and remove, with a draft that is never lost.
 *
 * @fires change - The user chose another filter; read `filter`.
 * @fires note-add - The user saved a new note and the server accepted it; `detail` holds the customer id and the note as recorded.
 *
 * @slot heading - Replaces the "Notes" heading text.
 * @slot empty - Replaces the text shown when there are no notes.
 *
 * @csspart base - The panel.
 * @csspart header - The heading, filter and Add button row.
 * @csspart heading - The heading.
 * @csspart filter - The All / Manual / System radio group (a fieldset).
 * @csspart add-button - The "Add note" button.
 * @csspart list - The list of notes.
 * @csspart note - One note (also `note-manual` or `note-system`, `note-pinned`, `note-removed`).
 * @csspart note-meta - The note's kind, author and time.
 * @csspart note-kind - The kind badge of a manual note, or the "System" badge.
 * @csspart note-author - Who or what wrote the note.
 * @csspart note-time - When the note was written.
 * @csspart note-text - The note's text (line-clamped; the full text on hover and focus).
 * @csspart note-change - A system note's text when it is told from its changes: one sentence per change, in the reader's language.
 * @csspart change-sentence - One sentence of a system note ("Payment terms changed from 7 days to 60 days").
 * @csspart note-removed-by - "Removed by X on …" on a removed note.
 * @csspart note-actions - The pin and remove buttons of a note.
 * @csspart pin - The Pin / Unpin button.
 * @csspart remove - The Remove button.
 * @csspart empty - The empty state.
 * @csspart footer - The count and "Show more" row.
 * @csspart count - "n of total notes".
 * @csspart load-more - The "Show more" button.
 * @csspart editor - The add-note dialog.
 * @csspart editor-title - The dialog's title.
 * @csspart textarea - The note text field.
 * @csspart limit-count - The character counter shown near the note's length limit.
 * @csspart limit-error - The message when the note is longer than the limit.
 * @csspart kind-select - The kind select.
 * @csspart pinned-checkbox - The "pin this note" checkbox.
 * @csspart save-button - The Save button.
 * @csspart cancel-button - The Cancel button.
 * @csspart error - An error message (a failed save, pin or remove).
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart retry-button - The Retry button beside an error.
 * @csspart permissions-message - Shown where the edit actions would be when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 * @csspart note-pinned-badge - The "Pinned" label on a pinned note.
 *
 * @cssproperty --notes-panel-gap - Space between notes and rows.
 * @cssproperty --notes-panel-note-padding - Padding inside a note.
 * @cssproperty --notes-panel-note-background - Background of a manual note.
 * @cssproperty --notes-panel-note-border-color - Border of a note.
 * @cssproperty --notes-panel-system-background - Background of a system note.
 * @cssproperty --notes-panel-pinned-background - Background of a pinned note.
 * @cssproperty --notes-panel-pinned-border-color - Border of a pinned note.
 * @cssproperty --notes-panel-muted-color - Colour of meta text.
 * @cssproperty --notes-panel-radius - Corner radius of notes and the editor.
 * @cssproperty --notes-panel-line-clamp - Lines shown before a long note is truncated (default 3).
 * @cssproperty --notes-panel-error-color - Colour of error messages.
 * @cssproperty --notes-panel-heading-size - Font size of the heading.
 * @cssproperty --notes-panel-editor-background - Background of the add-note dialog.
 * @cssproperty --notes-panel-backdrop - The dialog's backdrop.
 */
export class NotesPanel extends CeElement {
  static override styles = [baseStyles, controlStyles, visuallyHidden, notesPanelStyles];
  // System notes name their fields with the card's labels: the card's texts load with the panel's.
  static override catalogues = [notesMessage];

  /** The customer whose notes are shown. Nothing loads without it. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** Notes fetched per page ("Show more" fetches one more page). 1–100; default 20. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  /** Which notes are listed: `all`, `manual` or `system`. The user changes it with the filter. */
  @property({ reflect: true }) filter: NotesFilter = 'all';

  /** Hide every change (add, pin, remove) whatever the user's capabilities. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private pages = 1;
  @state() private editorOpen = false;
  @state() private draft: NoteDraft = { ...EMPTY_DRAFT };
  @state() private saving = false;
  @state() private saveError = '';
  @state() private saveFailed = false;
  @state() private textInvalid = false;
  @state() private actionError = '';
  @state() private busyNotes = new Set<string>();
  @state() private truncated = new Set<string>();
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('[part="add-button"]') private addButton?: HTMLButtonElement;

  /** Drafts per customer kept in memory while this element lives (sessionStorage outlives it). */
  private readonly drafts = new Map<string, NoteDraft>();
  private resizeObserver?: ResizeObserver;
  private readonly observed = new Set<HTMLElement>();

  private readonly notes = new ResourceController<NotesState, readonly [string, NotesFilter, number, number]>(this, {
    args: () => (this.customerId ? ([this.customerId, this.activeFilter, this.effectivePageSize, this.pages] as const) : undefined),
    load: (args, signal, client) => this.loadNotes(client, args, signal),
    tags: ([customerId]) => [tags.notes(customerId)],
    // "Show more" appends to what is shown; the render never shows another customer's or filter's
    // notes (it checks the value's key), so keeping the value only avoids a flash.
    keepValueOnArgsChange: true,
  });

  private readonly caps = new CapabilitiesController(this, { enabled: () => !this.readonly });
  /** Reference lists in the reader's language, to name the ids in system notes. */
  private readonly reference = referenceController(this);

  private get activeFilter(): NotesFilter {
    return FILTERS.includes(this.filter) ? this.filter : 'all';
  }

  private get effectivePageSize(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_LIMIT) : 20;
  }

  private msg(key: NotesMessageKey, params?: Record<string, string | number>): string {
    return notesMessage(this.resolvedLocale, key, params);
  }

  private can(capability: 'notes.add' | 'notes.pin' | 'notes.remove'): boolean {
    return !this.readonly && this.caps.can(capability);
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  /**
   * One more page appends to what is shown; anything else (a change elsewhere, another filter or
   * customer) reads again from the top as many notes as were shown, so nothing jumps or vanishes.
   */
  private key(customerId = this.customerId, filter = this.activeFilter, pageSize = this.effectivePageSize): string {
    return `${customerId}\u0000${filter}\u0000${pageSize}`;
  }

  private async loadNotes(
    client: Client,
    [customerId, filter, pageSize, pages]: readonly [string, NotesFilter, number, number],
    signal: AbortSignal,
  ): Promise<NotesState> {
    const key = this.key(customerId, filter, pageSize);
    const prev = this.notes.value;
    if (prev && prev.client === client && prev.key === key && pages === prev.pages + 1 && prev.nextCursor) {
      const page = await client.notes.list(customerId, { source: filter, cursor: prev.nextCursor, limit: pageSize }, { signal });
      const seen = new Set(prev.items.map((n) => n.id));
      return {
        ...prev,
        items: [...prev.items, ...page.items.filter((n) => !seen.has(n.id))],
        nextCursor: page.nextCursor,
        total: page.total,
        pages,
      };
    }
    const want = pageSize * pages;
    const items: Note[] = [];
    let cursor: string | undefined;
    let page: Page<Note>;
    do {
      const limit = Math.min(MAX_LIMIT, want - items.length);
      page = await client.notes.list(customerId, { source: filter, limit, ...(cursor ? { cursor } : {}) }, { signal });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < want);
    return { key, client, items, nextCursor: page.nextCursor, total: page.total, pages };
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      // Whether a note is truncated depends on its size: measure each note text when it is first
      // laid out and whenever its size changes (after layout, so never a second update in one).
      this.resizeObserver = new ResizeObserver(() => this.measureTruncation());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed.clear();
    // A modal dialog leaves the top layer with its element; close the editor with it. The draft is
    // already in memory and sessionStorage (written on every keystroke), so reopening restores it.
    if (this.editorOpen) this.closeEditor(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter') && !FILTERS.includes(this.filter)) {
      console.warn(`<notes-panel>: filter "${String(this.filter)}" is not one of ${FILTERS.join(', ')}; showing all notes.`);
    }
    if (changed.has('customerId') || changed.has('filter') || changed.has('pageSize')) this.pages = 1;
    if (changed.has('customerId') && changed.get('customerId') !== undefined && this.editorOpen) {
      // Another customer: the open draft belongs to the previous one (it is kept for them).
      this.closeEditor(false);
    }
  }

  protected override updated(): void {
    const observer = this.resizeObserver;
    if (!observer) return;
    for (const el of this.observed) {
      if (!el.isConnected) {
        observer.unobserve(el);
        this.observed.delete(el);
      }
    }
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.text[data-note-id]')) {
      if (this.observed.has(el)) continue;
      this.observed.add(el);
      observer.observe(el);
    }
  }

  /** Marks notes whose text is cut off by the line clamp, so they become focusable. */
  private measureTruncation(): void {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root?.querySelectorAll) return;
    const next = new Set<string>();
    for (const el of root.querySelectorAll<HTMLElement>('.text[data-note-id]')) {
      const id = el.dataset.noteId ?? '';
      // An expanded note (hovered or focused) cannot be measured: keep what it was.
      if (el.matches(':hover, :focus') && this.truncated.has(id)) {
        next.add(id);
        continue;
      }
      if (el.scrollHeight > el.clientHeight + 1) next.add(id);
    }
    if (next.size !== this.truncated.size || [...next].some((id) => !this.truncated.has(id))) this.truncated = next;
  }

  // -------------------------------------------------------------------------------------------
  // Filter and paging

  private onFilterChange(e: Event): void {
    const value = (e.target as HTMLInputElement).value as NotesFilter;
    if (!FILTERS.includes(value) || value === this.filter) return;
    this.filter = value;
    // The radios' own `change` stays in the shadow root (it is not composed): tell the host, as a
    // native control would, so it can keep the choice (e.g. in the URL).
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private showMore(): void {
    // aria-disabled rather than disabled while loading, so the focus stays on the button.
    const value = this.notes.value;
    if (!value || value.key !== this.key() || value.pages < this.pages || !value.nextCursor) return;
    this.pages += 1;
  }

  // -------------------------------------------------------------------------------------------
  // Editor

  private openEditor(): void {
    const id = this.customerId;
    this.draft = { ...(this.drafts.get(id) ?? readStoredDraft(id) ?? EMPTY_DRAFT) };
    this.editorOpen = true;
    this.textInvalid = false;
    void this.updateComplete.then(() => {
      const dialog = this.dialog;
      if (dialog && !dialog.open) dialog.showModal();
      this.textarea?.focus();
    });
  }

  private updateDraft(patch: Partial<NoteDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.drafts.set(this.customerId, this.draft);
    storeDraft(this.customerId, this.draft);
    if (patch.text !== undefined && patch.text.trim() !== '') this.textInvalid = false;
  }

  /** Closes the editor; the draft stays (memory and sessionStorage) unless it was just saved. */
  private closeEditor(restoreFocus = true): void {
    this.editorOpen = false;
    this.saveError = '';
    this.saveFailed = false;
    if (this.dialog?.open) this.dialog.close();
    if (restoreFocus) void this.updateComplete.then(() => this.addButton?.focus());
  }

  private onDialogCancel(e: Event): void {
    // Escape: let it close, but through our own path so state and focus follow.
    e.preventDefault();
    if (!this.saving) this.closeEditor();
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.api;
    const customerId = this.customerId;
    if (!client || !customerId || this.saving) return;
    const draft = this.draft;
    if (draft.text.trim() === '') {
      this.textInvalid = true;
      this.saveError = this.msg('textRequired');
      this.textarea?.focus();
      return;
    }
    if (isOverLimit(draft.text, TEXT_LIMIT)) {
      // The message beside the field says how much to remove; nothing is sent.
      this.saveError = '';
      this.textarea?.focus();
      return;
    }
    this.saving = true;
    this.saveError = '';
    try {
      const input: { text: string; kind: NoteKind; pinned?: boolean } = { text: draft.text, kind: draft.kind };
      // A draft pinned in another session of a user who may no longer pin is saved unpinned.
      if (draft.pinned && this.can('notes.pin')) input.pinned = true;
      // An uncertain answer is confirmed by repeating the identical POST (same idempotency key).
      const note = await confirmedWrite(() => client.notes.create(customerId, input));
      this.drafts.delete(customerId);
      storeDraft(customerId, undefined);
      this.draft = { ...EMPTY_DRAFT };
      this.saveFailed = false;
      this.closeEditor();
      this.announcement = this.msg('newNoteLive');
      emit(this, 'note-add', { customerId, note });
    } catch (error) {
      this.saveFailed = true;
      let reason = errorMessage(error, (key, params) => this.t(key, params));
      if (isValidationError(error)) {
        const textError = error.fieldErrors.find((f) => f.field === 'text');
        if (textError) {
          this.textInvalid = true;
          reason = textError.message;
        }
      }
      this.saveError = isUnconfirmedWrite(error) ? this.t('write.unconfirmed') : this.msg('saveFailed', { reason });
      await this.updateComplete;
      this.textarea?.focus();
    } finally {
      this.saving = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Pin and remove

  private async runAction(note: Note, action: (client: Client) => Promise<unknown>): Promise<void> {
    const client = this.api;
    if (!client || this.busyNotes.has(note.id)) return;
    this.busyNotes = new Set([...this.busyNotes, note.id]);
    this.actionError = '';
    try {
      await confirmedWrite(() => action(client));
    } catch (error) {
      const t = this.t.bind(this);
      this.actionError = writeFailureText(error, t, (reason) => this.msg('actionFailed', { reason }), 'action');
    } finally {
      const next = new Set(this.busyNotes);
      next.delete(note.id);
      this.busyNotes = next;
    }
  }

  private togglePin(note: Note): void {
    void this.runAction(note, (client) => client.notes.pin(this.customerId, note.id, !note.pinned));
  }

  private removeNote(note: Note): void {
    void this.runAction(note, (client) => client.notes.remove(this.customerId, note.id));
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private actorLabel(actor: Actor): string {
    const type = this.msg(actor.type === 'user' ? 'actorUser' : actor.type === 'integration' ? 'actorIntegration' : 'actorChannel');
    return `${actor.name} (${type})`;
  }

  private kindLabel(kind: NoteKind): string {
    return enumName(this.resolvedLocale, 'noteKind', kind) ?? this.msg('value.unlisted');
  }

  /** A system note's changes as sentences in the reader's language, or undefined (then the server's text). */
  private sentences(note: Note): string[] | undefined {
    if (note.source !== 'system' || note.changes.length === 0) return undefined;
    return noteSentences(note, {
      locale: this.resolvedLocale,
      msg: (key, params) => this.msg(key, params),
      reference: this.reference.value,
      referenceFailed: this.reference.status === 'error',
    });
  }

  private renderNote(note: Note): TemplateResult {
    const time = formatDateTime(note.createdAt, this.resolvedLocale);
    const truncated = this.truncated.has(note.id);
    const manual = note.source === 'manual';
    const removed = note.removed !== null;
    const parts = ['note', manual ? 'note-manual' : 'note-system', note.pinned ? 'note-pinned' : '', removed ? 'note-removed' : '']
      .filter(Boolean)
      .join(' ');
    const busy = this.busyNotes.has(note.id);
    const canPin = manual && !removed && this.can('notes.pin');
    const canRemove = manual && !removed && this.can('notes.remove');
    const author = note.author.name;
    const sentences = this.sentences(note);
    return html`<li
      class="note ${manual ? 'manual' : 'system'} ${note.pinned ? 'pinned' : ''} ${removed ? 'removed' : ''}"
      part=${parts}
      data-note-id=${note.id}
    >
      <p class="meta" part="note-meta">
        ${note.pinned ? html`<span class="badge" part="note-pinned-badge">${this.msg('pinnedBadge')}</span>` : nothing}
        <span class="badge" part="note-kind">${manual && note.kind ? this.kindLabel(note.kind) : this.msg('system')}</span>
        <span part="note-author">${this.msg('by', { name: this.actorLabel(note.author) })}</span>
        <time part="note-time" datetime=${note.createdAt}>${time}</time>
      </p>
      ${sentences
        ? html`<p class="sentences" part="note-text note-change">
            ${sentences.map((sentence) => html`<span class="sentence" part="change-sentence">${sentence}</span>`)}
          </p>`
        : html`<p
            class="text ${truncated ? 'truncated' : ''}"
            part="note-text"
            data-note-id=${note.id}
            tabindex=${truncated ? '0' : nothing}
            role=${truncated ? 'note' : nothing}
            aria-label=${truncated ? note.text : nothing}
            title=${truncated ? note.text : nothing}
          >${note.text}</p>`}
      ${note.removed
        ? html`<p class="removed-by" part="note-removed-by">
            ${this.msg('removedBy', {
              name: this.actorLabel(note.removed.by),
              time: formatDateTime(note.removed.at, this.resolvedLocale),
            })}
          </p>`
        : nothing}
      ${canPin || canRemove
        ? html`<div class="actions" part="note-actions">
            ${canPin
              ? html`<button
                  class="ce-button"
                  type="button"
                  part="pin"
                  aria-label=${this.msg(note.pinned ? 'unpinLabel' : 'pinLabel', { author, time })}
                  ?disabled=${busy}
                  @click=${() => this.togglePin(note)}
                >
                  ${this.msg(note.pinned ? 'unpin' : 'pin')}
                </button>`
              : nothing}
            ${canRemove
              ? html`<button
                  class="ce-button"
                  type="button"
                  part="remove"
                  aria-label=${this.msg('removeLabel', { author, time })}
                  ?disabled=${busy}
                  @click=${() => this.removeNote(note)}
                >
                  ${this.msg('remove')}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  private renderList(list: NotesState): TemplateResult {
    const loadingMore = this.notes.status === 'loading' && list.pages < this.pages;
    const failed = this.notes.status === 'error';
    return html`
      <ol class="list" part="list" aria-label=${this.msg('heading')} aria-busy=${loadingMore ? 'true' : 'false'}>
        ${repeat(list.items, (n) => n.id, (n) => this.renderNote(n))}
      </ol>
      <div class="footer" part="footer">
        <p class="count" part="count" role="status">
          ${this.msg('count_other', { shown: formatNumber(list.items.length, this.resolvedLocale), count: list.total })}
        </p>
        ${list.nextCursor && !failed
          ? html`<button
              class="ce-button"
              type="button"
              part="load-more"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              @click=${this.showMore}
            >
              ${loadingMore ? this.msg('loadingMore') : this.msg('showMore')}
            </button>`
          : nothing}
        ${failed ? renderError(this, this.notes.error, () => this.notes.reload()) : nothing}
      </div>
    `;
  }

  private renderNotes(): TemplateResult | typeof nothing {
    const ctrl = this.notes;
    const value = ctrl.value;
    const current = value && value.key === this.key() ? value : undefined;
    if (!current || ctrl.status === 'unconfigured' || ctrl.status === 'idle') {
      if (ctrl.status === 'loading' || ctrl.status === 'ready') return renderSkeleton(3, this.t('state.loading'));
      return renderResource(this, ctrl, () => html``);
    }
    if (current.items.length === 0 && ctrl.status !== 'error') return this.renderEmpty();
    return this.renderList(current);
  }

  private renderEmpty(): TemplateResult {
    const key: NotesMessageKey = this.activeFilter === 'manual' ? 'emptyManual' : this.activeFilter === 'system' ? 'emptySystem' : 'empty';
    return html`<p class="empty" part="empty"><slot name="empty">${this.msg(key)}</slot></p>`;
  }

  private renderFilter(): TemplateResult {
    const labels: Record<NotesFilter, NotesMessageKey> = { all: 'filterAll', manual: 'filterManual', system: 'filterSystem' };
    return html`<fieldset class="filter" part="filter" @change=${this.onFilterChange}>
      <legend>${this.msg('filterLegend')}</legend>
      ${FILTERS.map(
        (f) => html`<label>
          <input type="radio" name="filter" value=${f} .checked=${this.activeFilter === f} />
          ${this.msg(labels[f])}
        </label>`,
      )}
    </fieldset>`;
  }

  private renderEditor(): TemplateResult {
    const d = this.draft;
    const canPin = this.can('notes.pin');
    return html`<dialog
      part="editor"
      aria-labelledby="editor-title"
      @cancel=${this.onDialogCancel}
      @close=${() => {
        if (this.editorOpen) this.closeEditor();
      }}
    >
      ${this.editorOpen
        ? html`<form @submit=${this.save} novalidate>
            <h3 id="editor-title" part="editor-title">${this.msg('editorTitle')}</h3>
            <div class="field">
              <label class="ce-label" for="note-text">${this.msg('noteText')}</label>
              <textarea
                id="note-text"
                class="ce-input"
                part="textarea"
                required
                aria-invalid=${this.textInvalid || isOverLimit(d.text, TEXT_LIMIT) ? 'true' : 'false'}
                aria-describedby=${[this.saveError ? 'editor-error' : '', 'editor-hint', limitDescribedBy('note-text', d.text, TEXT_LIMIT)]
                  .filter(Boolean)
                  .join(' ')}
                .value=${d.text}
                @input=${(e: Event) => this.updateDraft({ text: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
              ${renderLimit({ id: 'note-text', value: d.text, limit: TEXT_LIMIT, locale: this.resolvedLocale, label: this.msg('noteText') })}
            </div>
            <div class="field">
              <label class="ce-label" for="note-kind">${this.msg('kind')}</label>
              <select
                id="note-kind"
                class="ce-input"
                part="kind-select"
                @change=${(e: Event) => this.updateDraft({ kind: (e.target as HTMLSelectElement).value as NoteKind })}
              >
                ${NOTE_KINDS.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${this.kindLabel(k)}</option>`)}
              </select>
            </div>
            ${canPin
              ? html`<label class="check">
                  <input
                    type="checkbox"
                    part="pinned-checkbox"
                    .checked=${d.pinned}
                    @change=${(e: Event) => this.updateDraft({ pinned: (e.target as HTMLInputElement).checked })}
                  />
                  ${this.msg('pinned')}
                </label>`
              : nothing}
            <p class="hint" id="editor-hint">${this.msg('draftKept')}</p>
            ${this.saveError
              ? html`<p class="error" part="error" id="editor-error" role="alert">${this.saveError}</p>`
              : nothing}
            <div class="buttons">
              <button class="ce-button" type="button" part="cancel-button" @click=${() => this.closeEditor()}>${this.msg('cancel')}</button>
              <button class="ce-button ce-button--primary" type="submit" part="save-button" ?disabled=${this.saving}>
                ${this.saving ? this.msg('saving') : this.saveFailed ? this.msg('saveAgain') : this.msg('save')}
              </button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  protected override render(): TemplateResult {
    const meReady = !this.caps.pending;
    return html`<section part="base" aria-labelledby="heading">
      <div class="header" part="header">
        <h2 id="heading" part="heading"><slot name="heading">${this.msg('heading')}</slot></h2>
        ${this.renderFilter()}
        ${this.can('notes.add') && this.customerId
          ? html`<button class="ce-button" type="button" part="add-button" aria-haspopup="dialog" @click=${this.openEditor}>
              ${this.msg('addNote')}
            </button>`
          : nothing}
      </div>
      ${this.customerId ? this.caps.render() : nothing}
      ${this.actionError ? html`<p class="error" part="error" role="alert">${this.actionError}</p>` : nothing}
      ${meReady ? this.renderNotes() : renderSkeleton(3, this.t('state.loading'))}
      ${this.renderEditor()}
      <div class="ce-visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notes-panel': NotesPanel;
  }
  interface HTMLElementEventMap {
    'note-add': CustomEvent<NoteAddDetail>;
  }
}
