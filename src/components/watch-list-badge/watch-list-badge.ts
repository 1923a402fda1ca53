import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tags, type WatchList } from '../../sdk/index.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { ConflictFlow, changedFields, renderConflict } from '../shared/conflict.js';
import { formatDateTime, formatNumber } from '../shared/format.js';
import { errorMessage, fieldErrors, type MessageParams } from '../shared/i18n.js';
import { isOverLimit, limitDescribedBy, renderLimit } from '../shared/limits.js';
import { WatchListInputLimits } from '../shared/limits.generated.js';
import { ResourceController } from '../shared/resource.js';
import { confirmedWrite, isUnconfirmedWrite } from '../shared/write.js';
import { renderConfigMessage, renderError } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { badgeMessages, type BadgeMessageKey } from './watch-list-badge.messages.js';
import { styles } from './watch-list-badge.styles.js';

/** Detail of `watch-list-change`: the customer's watch-list state after the user's change. */
export interface WatchListChangeDetail {
  customerId: string;
  /** True when the customer is now on the watch list. */
  active: boolean;
  /** The note now in force; null after a clear. */
  note: string | null;
}
export type WatchListChangeEvent = CustomEvent<WatchListChangeDetail>;

const EDIT_CAPABILITY = 'watchlist.edit';
/** The longest watch-list note the server takes, from the contract's schema. */
const NOTE_LIMIT = WatchListInputLimits.note;

const eyeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 5C6.6 5 2.8 9 1.5 12c1.3 3 5.1 7 10.5 7s9.2-4 10.5-7C21.2 9 17.4 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z"/></svg>`;

/**
 * Flags a customer on the watch list: a highlighted icon that pulses a few times to catch the eye
 * (a steady highlight under `prefers-reduced-motion`), with the full note in a tooltip on hover and
 * on keyboard focus. Users with the `watchlist.edit` capability set, edit and clear the note in a
 * small dialog; the change goes through the SDK, so every badge (and card, and search result) for
 * that customer on the page updates at once.
 *
 * Works alone anywhere (`<watch-list-badge customer-id="cus_000042">` in a dispatch-queue row) and
 * inside the other components. It needs a client: a `<customer-elements-provider>` above it, or its
 * `client` property.
 *
 * @summary The watch-list flag and note of a customer, editable where permitted.
 *
 * @fires watch-list-change - After the user set, edited or cleared the note and the server accepted
 *   it. `detail: WatchListChangeDetail` (`{ customerId, active, note }`). Bubbles, composed.
 *
 * @csspart icon - The round icon (it carries the pulse).
 * @csspart trigger - The focusable flag: a button that opens the editor when the user may edit,
 *   otherwise a focusable image that shows the note.
 * @csspart tooltip - The note shown on hover and focus.
 * @csspart add-button - The quiet "Add to watch list" button (`editable`, not on the list).
 * @csspart editor - The editing dialog.
 * @csspart textarea - The note field in the editor.
 * @csspart field-error - The message beside the note field.
 * @csspart limit-count - The character counter shown near the note's length limit.
 * @csspart limit-error - The message when the note is longer than the limit.
 * @csspart save-button - Saves the note.
 * @csspart cancel-button - Closes the editor without saving.
 * @csspart clear-button - Takes the customer off the watch list.
 * @csspart error - A failed load or save, in words.
 * @csspart retry-button - Loads again after a failed load.
 * @csspart conflict - In the editor: the note was changed by someone else (role="alert"), with what changed and Reload.
 * @csspart conflict-changes - What changed since the editor opened, in the conflict message.
 * @csspart reload-button - Reload, in the conflict message: their version becomes the base, the typed note stays.
 * @csspart changes - After Reload: the editor now rests on the latest version, and what changed.
 * @csspart permissions-message - Shown where the Add button or editor would be (`editable`) when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart message - The configuration message when there is no client.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --watch-list-badge-color - The highlight colour of the icon, ring and tooltip edge.
 *   Default: `--ce-color-warning-fill-loud` (#b45309).
 * @cssproperty --watch-list-badge-size - The icon's diameter. Default: `--ce-size-icon` (1.125rem).
 * @cssproperty --watch-list-badge-pulse-duration - One pulse; it pulses three times.
 *   Default: `--ce-duration-attention` (1.6s).
 *
 * @slot icon - Replaces the eye glyph inside the round icon (e.g. the host's own flag glyph; give it
 *   `aria-hidden="true"`: the badge names itself).
 */
export class WatchListBadge extends CeElement {
  static override styles = [baseStyles, controlStyles, styles];
  static override catalogues = [badgeMessages];

  /** The customer whose watch-list note to show. */
  @property({ attribute: 'customer-id', reflect: true })
  customerId?: string;

  /** Icon only: the "Watch list" label is kept for assistive technology but not shown. */
  @property({ type: Boolean, reflect: true })
  compact = false;

  /** Never offer editing, even to a user who may edit (e.g. in a list meant for reading). */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /**
   * Offer a quiet "Add to watch list" button when the customer is not on the list (and the user
   * may edit). Without it, a customer not on the list shows nothing.
   */
  @property({ type: Boolean, reflect: true })
  editable = false;

  /**
   * Show the flag only: nothing focusable, no tooltip, no editing. For places that own focus
   * themselves, e.g. inside a listbox option or a grid cell, where a focusable badge would nest
   * interactive content. The label stays readable by assistive technology.
   */
  @property({ type: Boolean, reflect: true })
  decorative = false;

  /**
   * The watch-list state when the host already has it (then the badge does not fetch it). Writes
   * made anywhere on the page through the same client still update the badge.
   */
  @property({ attribute: false })
  watchList?: WatchList;

  @state() private hovered = false;
  @state() private focused = false;
  @state() private dismissed = false;
  @state() private editorOpen = false;
  @state() private draft = '';
  @state() private saving = false;
  @state() private saveError: string | undefined;
  @state() private noteError: string | undefined;
  @state() private announcement = '';
  /** The watch list as it was when the editor opened (or after Reload): its version goes with the save. */
  @state() private base: WatchList | undefined;
  /** After a clear made here, offer "Add" so that focus has somewhere to land (and undo is near). */
  @state() private clearedHere = false;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('textarea') private textarea?: HTMLTextAreaElement;

  private restoreFocus = false;

  private readonly data = new ResourceController(this, {
    args: () => {
      const id = this.effectiveId;
      return id ? ([id] as const) : undefined;
    },
    load: ([id], signal, client) => client.watchList.get(id, { signal }),
    tags: ([id]) => [tags.watchList(id)],
    initialValue: ([id]) => (this.watchList?.customerId === id ? this.watchList : undefined),
  });

  private readonly caps = new CapabilitiesController(this, { enabled: () => !this.readonly && !this.decorative });

  /** Someone else changed the note first: what changed, and Reload onto their version. */
  private readonly conflict = new ConflictFlow<WatchList>(this, {
    reread: async () => {
      const client = this.api;
      const id = this.effectiveId;
      if (!client || !id) throw new Error('No client or customer to re-read.');
      const latest = await client.watchList.get(id, { cache: 'reload' });
      this.data.set(latest);
      return latest;
    },
    changes: (before, after) =>
      changedFields(
        [
          { label: this.m('onList'), show: (w) => this.m(w.active ? 'yes' : 'no') },
          { label: this.m('noteLabel'), show: (w) => (w.active && w.note ? w.note : this.m('noNote')) },
        ],
        before,
        after,
      ),
    rebase: (latest) => {
      // What the user typed stays; an untouched draft takes their note.
      if (this.draft === this.noteOf(this.base)) this.draft = this.noteOf(latest);
      this.base = latest;
      this.saveError = undefined;
    },
  });

  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.tooltipOpen) {
      this.dismissed = true;
      // Escape here only closes the tooltip; it must not also close a dialog around the badge.
      event.stopPropagation();
    }
  };

  /** The customer id in use: `customer-id`, else the id of `watchList`. */
  get effectiveId(): string | undefined {
    return this.customerId || this.watchList?.customerId || undefined;
  }

  private get tooltipOpen(): boolean {
    return (this.hovered || this.focused) && !this.dismissed && !this.editorOpen && !this.decorative;
  }

  private m(key: BadgeMessageKey, params?: MessageParams): string {
    return badgeMessages(this.resolvedLocale, key, params);
  }

  private get current(): WatchList | undefined {
    if (this.api) return this.data.value;
    const id = this.effectiveId;
    return this.watchList && this.watchList.customerId === id ? this.watchList : undefined;
  }

  private get canEdit(): boolean {
    return (
      !!this.api &&
      !this.readonly &&
      !this.decorative &&
      this.caps.can(EDIT_CAPABILITY)
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeydown, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('watchList') && this.watchList && this.watchList.customerId === this.effectiveId) {
      this.data.set(this.watchList);
    }
    if (changed.has('customerId') && this.editorOpen) this.dialog?.close();
    // A flag about to go (cleared) may hold focus or the pointer: forget both now, so that the
    // blur its removal fires changes nothing mid-render.
    if (!this.current?.active || this.decorative) {
      this.focused = false;
      this.hovered = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    // While the tooltip shows, Escape anywhere hides it (WCAG 1.4.13), even with focus elsewhere.
    if (this.tooltipOpen) {
      document.addEventListener('keydown', this.onDocumentKeydown, true);
      this.placeTooltip();
    } else {
      document.removeEventListener('keydown', this.onDocumentKeydown, true);
    }

    // Focus moves change state (the tooltip follows focus), so they wait until this update is done.
    if (changed.has('editorOpen') && this.editorOpen && this.dialog && !this.dialog.open) {
      const dialog = this.dialog;
      void this.updateComplete.then(() => {
        if (!this.editorOpen || dialog.open) return;
        dialog.showModal();
        this.textarea?.focus();
      });
    }
    if (this.restoreFocus && !this.editorOpen) {
      this.restoreFocus = false;
      void this.updateComplete.then(() => {
        const target = this.renderRoot.querySelector<HTMLElement>('button[part~="trigger"], button[part~="add-button"]');
        target?.focus();
      });
    }
  }

  protected override render() {
    const client = this.api;
    if (!client && !this.watchList) return renderConfigMessage(this);
    if (!this.effectiveId) return nothing;
    const watchList = this.current;
    if (!watchList) {
      return this.data.status === 'error' ? renderError(this, this.data.error, () => this.data.reload()) : nothing;
    }
    const canEdit = this.canEdit;
    return html`
      ${watchList.active ? this.renderFlag(watchList, canEdit) : this.renderAdd(canEdit)}
      ${this.editable ? this.caps.render() : nothing}
      ${canEdit ? this.renderEditor(watchList) : nothing}
      <span class="ce-visually-hidden" role="status">${this.announcement}</span>
    `;
  }

  private renderFlag(watchList: WatchList, canEdit: boolean): TemplateResult {
    const label = html`<span part="icon" class="icon"><slot name="icon">${eyeIcon}</slot></span
      ><span class=${this.compact ? 'label ce-visually-hidden' : 'label'}>${this.m('label')}</span>`;
    if (this.decorative) {
      return html`<span part="trigger" class="trigger">${label}</span>`;
    }
    const trigger = canEdit
      ? html`<button
          type="button"
          part="trigger"
          class="trigger"
          aria-haspopup="dialog"
          aria-describedby="tooltip"
          @click=${this.openEditor}
          @focus=${this.onFocus}
          @blur=${this.onBlur}
        >
          ${label}<span class="ce-visually-hidden">, ${this.m('editHint')}</span>
        </button>`
      : html`<span
          part="trigger"
          class="trigger"
          role="img"
          tabindex="0"
          aria-label=${this.m('label')}
          aria-describedby="tooltip"
          @focus=${this.onFocus}
          @blur=${this.onBlur}
          >${label}</span
        >`;
    return html`<span class="anchor" @pointerenter=${this.onPointerEnter} @pointerleave=${this.onPointerLeave}>
      ${trigger}
      <span id="tooltip" role="tooltip" part="tooltip" class="tooltip" ?hidden=${!this.tooltipOpen}>
        <span class="note" dir="auto">${watchList.note ?? ''}</span>
        ${watchList.updatedBy
          ? html`<span class="meta"
              >${this.m('setBy', {
                name: watchList.updatedBy.name,
                date: formatDateTime(watchList.updatedAt, this.resolvedLocale),
              })}</span
            >`
          : nothing}
      </span>
    </span>`;
  }

  private renderAdd(canEdit: boolean): TemplateResult | typeof nothing {
    if (!canEdit || !(this.editable || this.clearedHere)) return nothing;
    return html`<button
      type="button"
      part="add-button"
      class="ce-button ce-button--quiet add"
      aria-haspopup="dialog"
      @click=${this.openEditor}
    >
      ${this.m('add')}
    </button>`;
  }

  private renderEditor(watchList: WatchList): TemplateResult {
    const describedBy = ['note-hint', this.noteError ? 'note-error' : '', limitDescribedBy('note', this.draft, NOTE_LIMIT)]
      .filter(Boolean)
      .join(' ');
    return html`<dialog part="editor" class="editor" aria-labelledby="editor-title" @close=${this.onDialogClose}>
      ${this.editorOpen
        ? html`<form novalidate @submit=${this.onSubmit}>
            <p id="editor-title" class="editor-title">${this.m(watchList.active ? 'titleEdit' : 'titleAdd')}</p>
            <label class="ce-label" for="note">${this.m('noteLabel')}</label>
            <p id="note-hint" class="ce-hint">${this.m('noteHint', { max: formatNumber(NOTE_LIMIT?.max, this.resolvedLocale) })}</p>
            <textarea
              id="note"
              part="textarea"
              class="ce-input"
              rows="4"
              dir="auto"
              aria-invalid=${this.noteError || isOverLimit(this.draft, NOTE_LIMIT) ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${this.draft}
              @input=${this.onInput}
            ></textarea>
            ${renderLimit({ id: 'note', value: this.draft, limit: NOTE_LIMIT, locale: this.resolvedLocale, label: this.m('noteLabel') })}
            ${this.noteError
              ? html`<p id="note-error" part="field-error" class="ce-field-error">${this.noteError}</p>`
              : nothing}
            ${renderConflict(this, this.conflict, { headline: this.m('conflict'), gone: this.m('conflict') })}
            ${this.saveError ? html`<p part="error" class="ce-message ce-error" role="alert">${this.saveError}</p>` : nothing}
            <div class="actions">
              <button
                type="submit"
                part="save-button"
                class="ce-button ce-button--primary"
                aria-disabled=${this.saving ? 'true' : 'false'}
              >
                ${this.t(this.saving ? 'action.saving' : 'action.save')}
              </button>
              <button type="button" part="cancel-button" class="ce-button" @click=${this.cancel}>
                ${this.t('action.cancel')}
              </button>
              ${watchList.active
                ? html`<button
                    type="button"
                    part="clear-button"
                    class="ce-button ce-button--danger clear"
                    aria-disabled=${this.saving ? 'true' : 'false'}
                    @click=${this.onClear}
                  >
                    ${this.m('clear')}
                  </button>`
                : nothing}
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  // -------------------------------------------------------------------------------------------
  // Tooltip
  // -------------------------------------------------------------------------------------------

  private onPointerEnter(): void {
    this.hovered = true;
    this.dismissed = false;
  }

  private onPointerLeave(): void {
    this.hovered = false;
  }

  private onFocus(): void {
    this.focused = true;
    this.dismissed = false;
  }

  private onBlur(): void {
    this.focused = false;
  }

  /**
   * Keeps the tooltip on screen: below and aligned to the flag's start by default, flipped to the
   * flag's end or above it when it would leave the viewport (a badge in the last column or row).
   * Classes on the element, not template state, so placing it does not re-render.
   */
  private placeTooltip(): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('[part~="tooltip"]');
    if (!tooltip) return;
    tooltip.classList.remove('flip-inline', 'flip-block');
    const rect = tooltip.getBoundingClientRect();
    const rtl = getComputedStyle(this).direction === 'rtl';
    const overflowsInline = rtl ? rect.left < 0 : rect.right > document.documentElement.clientWidth;
    tooltip.classList.toggle('flip-inline', overflowsInline);
    tooltip.classList.toggle('flip-block', rect.bottom > document.documentElement.clientHeight && rect.top - rect.height > 0);
  }

  // -------------------------------------------------------------------------------------------
  // Editing
  // -------------------------------------------------------------------------------------------

  private openEditor(): void {
    if (!this.canEdit || this.editorOpen) return;
    this.base = this.current;
    this.conflict.reset();
    this.draft = this.noteOf(this.base);
    this.noteError = undefined;
    this.saveError = undefined;
    this.announcement = '';
    this.editorOpen = true;
  }

  private cancel(): void {
    this.dialog?.close();
  }

  /** Every way the dialog closes (Escape, Cancel, a save) ends here. */
  private onDialogClose(): void {
    if (!this.editorOpen) return;
    this.editorOpen = false;
    this.draft = '';
    this.base = undefined;
    this.conflict.reset();
    this.noteError = undefined;
    this.saveError = undefined;
    this.restoreFocus = true;
  }

  private noteOf(watchList: WatchList | undefined): string {
    return watchList?.active ? (watchList.note ?? '') : '';
  }

  private onInput(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.noteError) this.noteError = undefined;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const client = this.api;
    const customerId = this.effectiveId;
    if (!client || !customerId) return;
    const note = this.draft.trim();
    if (!note) {
      this.noteError = this.m('required');
      this.textarea?.focus();
      return;
    }
    if (isOverLimit(this.draft, NOTE_LIMIT)) {
      // The message beside the field says how much to remove; nothing is sent.
      this.textarea?.focus();
      return;
    }
    // The version the user's edit rests on, not whatever the badge shows now.
    const version = (this.base ?? this.current)?.version ?? 0;
    await this.write(() => client.watchList.set(customerId, note, { version }), customerId, 'saved', version, (fresh) => fresh.active && fresh.note === note);
  }

  private async onClear(): Promise<void> {
    if (this.saving) return;
    const client = this.api;
    const customerId = this.effectiveId;
    if (!client || !customerId) return;
    const version = (this.base ?? this.current)?.version ?? 0;
    const cleared = await this.write(() => client.watchList.clear(customerId, { version }), customerId, 'cleared', version, (fresh) => !fresh.active);
    if (cleared) this.clearedHere = true;
  }

  private async write(
    request: () => Promise<WatchList>,
    customerId: string,
    done: 'saved' | 'cleared',
    version: number,
    shows: (fresh: WatchList) => boolean,
  ): Promise<boolean> {
    const client = this.api;
    if (!client) return false;
    this.saving = true;
    this.saveError = undefined;
    this.noteError = undefined;
    try {
      // After an uncertain answer, the watch list as the server has it now says whether it was saved.
      const result = await confirmedWrite(request, {
        verify: async () => {
          const fresh = await client.watchList.get(customerId, { cache: 'reload' });
          // Still at the version it was based on: not saved, and the first error says why.
          if (!shows(fresh)) return fresh.version === version ? false : undefined;
          // What the SDK does after a write it saw through: every view of it re-reads.
          client.cache.invalidate([tags.watchList(customerId), tags.customer(customerId), tags.search(), tags.notes(customerId)]);
          return fresh;
        },
      });
      this.data.set(result);
      if (result.active) this.clearedHere = false;
      this.announcement = this.m(done);
      this.dialog?.close();
      emit(this, 'watch-list-change', { customerId, active: result.active, note: result.note });
      return true;
    } catch (error) {
      // The draft stays as typed. A conflict says what changed (the shared flow); otherwise the
      // server's words go beside the field, ours in the alert.
      if (this.conflict.handle(error, this.base)) return false;
      this.noteError = fieldErrors(error).get('note');
      this.saveError = errorMessage(error, (key, params) => this.t(key, params));
      if (isUnconfirmedWrite(error) && done === 'cleared') this.saveError = this.t('write.unconfirmedAction');
      return false;
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'watch-list-badge': WatchListBadge;
  }
  interface HTMLElementEventMap {
    'watch-list-change': WatchListChangeEvent;
  }
}
