import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Client } from '../../sdk/index.js';
import { tags } from '../../sdk/index.js';
import { isValidationError } from '../../sdk/errors/index.js';
import type { AddressInput, Address, AddressRole, Page, Reference, RoleHolder } from '../../sdk/schemas.js';
import { ADDRESS_ROLES } from '../../sdk/enums.js';
import { normalisePostcode, validateAddress, type FieldError } from '../../sdk/validation.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { ConflictFlow, keepDraft, renderConflict } from '../shared/conflict.js';
import { errorMessage } from '../shared/i18n.js';
import { confirmedWrite, isUnconfirmedWrite, recordShows } from '../shared/write.js';
import { isOverLimit, limitDescribedBy, renderLimit, type TextLimit } from '../shared/limits.js';
import { AddressInputLimits } from '../shared/limits.generated.js';
import { ResourceController } from '../shared/resource.js';
import { referenceController } from '../shared/reference.js';
import { renderConfirmDialog, renderResource, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles, visuallyHidden } from '../shared/styles.js';
import { addressMessage, type AddressBookMessageKey } from './address-book.messages.js';
import { addressBookStyles } from './address-book.styles.js';
import { addressChanges, rereadAddress } from './changes.js';
import { knownHolders, renderHolder, RoleMoveQuestion } from './role-move.js';

/** What happened to an address. */
export type AddressChangeAction = 'create' | 'update' | 'delete';

/** Detail of the `address-change` event. */
export interface AddressChangeDetail {
  customerId: string;
  /** The address as the server holds it now; `null` after a delete. */
  address: Address | null;
  action: AddressChangeAction;
  /** For a delete: the id of the address that was deleted. */
  addressId?: string;
}

type TextField = 'label' | 'recipient' | 'line1' | 'line2' | 'city' | 'region' | 'postcode' | 'country';
/** Form fields in the order they are shown: the first invalid one gets the focus. */
const FIELDS: readonly TextField[] = ['label', 'recipient', 'line1', 'line2', 'city', 'region', 'postcode', 'country'];
/** Each text field's length limit, from the contract's schema. */
const LIMITS: Partial<Record<TextField, TextLimit>> = Object.fromEntries(
  FIELDS.map((f) => [f, AddressInputLimits[f]]).filter(([, limit]) => limit !== undefined),
);
const OPTIONAL: ReadonlySet<TextField> = new Set(['label', 'recipient', 'line2', 'region']);

interface FormValues extends Record<TextField, string> {
  roles: AddressRole[];
}

type FormMode = { mode: 'create' } | { mode: 'edit'; address: Address };

interface AddressPage extends Page<Address> {
  customerId: string;
  q: string;
}

const ROLE_KEYS: Record<AddressRole, { name: AddressBookMessageKey; hint: AddressBookMessageKey }> = {
  admin: { name: 'roleAdmin', hint: 'roleAdminHint' },
  billing: { name: 'roleBilling', hint: 'roleBillingHint' },
  delivery: { name: 'roleDelivery', hint: 'roleDeliveryHint' },
};

const SEARCH_DELAY_MS = 250;

function valuesOf(address: Address | undefined, defaultCountry: string): FormValues {
  return {
    label: address?.label ?? '',
    recipient: address?.recipient ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postcode: address?.postcode ?? '',
    country: address?.country ?? defaultCountry,
    roles: address ? [...address.roles] : [],
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * A customer's addresses, each with its roles (admin, billing, delivery), with add, edit, delete
 * and country-aware validation. More than `pageSize` addresses bring pages and a search box.
 *
 * @summary A customer's addresses and their roles: list, search, page, add, edit, delete.
 *
 * @fires address-change - The user created, changed or deleted an address and the server accepted it; `detail` says which and how.
 *
 * @slot heading - Replaces the "Addresses" heading text.
 * @slot empty - Replaces the text shown when the customer has no addresses.
 *
 * @csspart base - The whole component.
 * @csspart header - The heading, search box and Add button row.
 * @csspart heading - The heading.
 * @csspart search - The search field (only with more than `pageSize` addresses).
 * @csspart add-button - The "Add address" button.
 * @csspart list - The list of address cards.
 * @csspart address - One address card.
 * @csspart address-label - The address's label (e.g. "Head office").
 * @csspart address-lines - The postal lines.
 * @csspart roles - The role badges of an address.
 * @csspart role - One role badge (also `role-admin`, `role-billing`, `role-delivery`).
 * @csspart edit-button - An address's Edit button.
 * @csspart delete-button - An address's Delete button.
 * @csspart empty - The empty state.
 * @csspart pager - The Previous / "Page n of m" / Next navigation.
 * @csspart previous - The Previous button.
 * @csspart next - The Next button.
 * @csspart page-status - "Page n of m".
 * @csspart form - The add or edit form.
 * @csspart field - A label + control + error group.
 * @csspart input - A text input of the form.
 * @csspart country-select - The country select.
 * @csspart role-checkboxes - The roles fieldset.
 * @csspart role-holder - Beside the Admin or Billing checkbox: the other address that holds the role now.
 * @csspart field-error - A field's error message.
 * @csspart limit-count - The character counter shown near a field's length limit.
 * @csspart limit-error - The message when a field is longer than its limit.
 * @csspart error - A form- or component-level error message.
 * @csspart save-button - The form's Save button.
 * @csspart cancel-button - The form's Cancel button.
 * @csspart conflict - The "changed by someone else" message in the edit form (role="alert"), with what changed and Reload.
 * @csspart conflict-changes - What changed since the form was opened, in the conflict message.
 * @csspart reload-button - Reload, in the conflict message: their version becomes the base, what the user typed stays.
 * @csspart changes - After Reload: the form now rests on the latest version, and what changed.
 * @csspart permissions-message - Shown instead of the Add, Edit and Delete buttons when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart confirm - The delete confirmation dialog, and the question before a role moves from another address.
 * @csspart confirm-button - The confirmation's Delete (or Move) button.
 * @csspart confirm-cancel-button - The confirmation's Cancel button.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart retry-button - The Retry button beside an error.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --address-book-gap - Space between cards and rows.
 * @cssproperty --address-book-card-padding - Padding inside a card and the form.
 * @cssproperty --address-book-card-background - Background of cards and the form.
 * @cssproperty --address-book-card-border-color - Border of cards, the form and the dialog.
 * @cssproperty --address-book-radius - Corner radius.
 * @cssproperty --address-book-min-card-width - Narrowest a card gets before the grid drops a column.
 * @cssproperty --address-book-role-background - Background of role badges.
 * @cssproperty --address-book-role-color - Text colour of role badges.
 * @cssproperty --address-book-muted-color - Colour of hints.
 * @cssproperty --address-book-error-color - Colour of errors and invalid borders.
 * @cssproperty --address-book-heading-size - Font size of the heading.
 * @cssproperty --address-book-dialog-background - Background of the confirmation dialog.
 * @cssproperty --address-book-backdrop - The dialog's backdrop.
 */
export class AddressBook extends CeElement {
  static override styles = [baseStyles, controlStyles, visuallyHidden, addressBookStyles];
  static override catalogues = [addressMessage];

  /** The customer whose addresses are shown. Nothing loads without it. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** Addresses per page; more than this brings the pager and the search box. 1–100; default 5. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 5;

  /** Hide every change (add, edit, delete) whatever the user's capabilities. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Search text as typed. */
  @state() private searchText = '';
  /** Search text sent to the server (debounced). */
  @state() private searchQuery = '';
  @state() private pageIndex = 0;
  /** `cursors[n]` opens page n (page 0 needs none). */
  @state() private cursors: Array<string | undefined> = [undefined];

  @state() private formMode: FormMode | null = null;
  @state() private values: FormValues = valuesOf(undefined, 'GB');
  @state() private touched = new Set<string>();
  @state() private serverErrors = new Map<string, string>();
  @state() private formError = '';
  @state() private saving = false;

  @state() private confirming: Address | null = null;
  @state() private deleting = false;
  @state() private deleteError = '';

  @state() private announcement = '';

  /** The delete confirmation (the role question's dialog sits in its own wrapper). */
  @query('section > dialog') private dialog?: HTMLDialogElement;

  /** Asks before a single-holder role (admin, billing) moves here from another address. */
  private readonly roleMove = new RoleMoveQuestion(this, (key, params) => this.msg(key, params));

  /** Total addresses with no search: decides whether pages and search are offered. */
  private unfilteredTotal: number | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the focus goes after the form or dialog closes. */
  private focusAfter: string | undefined;

  private readonly addresses = new ResourceController<
    AddressPage,
    readonly [Client, string, string, string | undefined, number, number]
  >(this, {
    args: () => {
      const client = this.api;
      if (!client || !this.customerId) return undefined;
      return [client, this.customerId, this.searchQuery, this.cursors[this.pageIndex], this.effectivePageSize, this.pageIndex] as const;
    },
    load: async ([client, customerId, q, cursor, limit], signal) => {
      const page = await client.addresses.list(
        customerId,
        { limit, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) },
        { signal },
      );
      if (!q) this.unfilteredTotal = page.total;
      return { ...page, customerId, q };
    },
    tags: ([, customerId]) => [tags.addresses(customerId)],
    // Paging and searching keep the current cards until the next ones arrive (no flash, and the
    // focus stays on the pager); the render never shows another customer's (see `current`).
    keepValueOnArgsChange: true,
  });

  private readonly reference = referenceController(this);

  private readonly caps = new CapabilitiesController(this, { enabled: () => !this.readonly });

  /** Someone else saved the address being edited first: what changed, and Reload onto theirs. */
  private readonly conflict = new ConflictFlow<Address>(this, {
    reread: () => {
      const client = this.api;
      const form = this.formMode;
      if (!client || form?.mode !== 'edit') return Promise.reject(new Error('No address is being edited.'));
      return rereadAddress(client.addresses.listAll(this.customerId), form.address.id);
    },
    changes: (before, after) => addressChanges({ msg: (key) => this.msg(key), countryName: (code) => this.countryName(code) }, before, after),
    rebase: (latest) => {
      const form = this.formMode;
      if (form?.mode !== 'edit') return;
      // The next Save is sent with their version; what the user changed stays on top of it.
      this.values = keepDraft(this.values, valuesOf(form.address, latest.country), valuesOf(latest, latest.country));
      this.formMode = { mode: 'edit', address: latest };
      this.formError = '';
    },
  });

  private get effectivePageSize(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 5;
  }

  private get editable(): boolean {
    return !this.readonly && this.caps.can('addresses.edit');
  }

  private msg(key: AddressBookMessageKey, params?: Record<string, string | number>): string {
    return addressMessage(this.resolvedLocale, key, params);
  }

  private reason(error: unknown): string {
    return errorMessage(error, (key, params) => this.t(key, params));
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') || changed.has('pageSize')) {
      if (changed.has('customerId')) {
        this.unfilteredTotal = undefined;
        this.searchText = '';
        this.searchQuery = '';
        this.formMode = null;
        this.confirming = null;
      }
      this.resetPages();
    }
    if ((this.readonly || (this.caps.me && !this.editable)) && (this.formMode || this.confirming)) {
      this.formMode = null;
      this.confirming = null;
    }
    if (!this.formMode) this.roleMove.dismiss();
  }

  protected override updated(): void {
    // A delete (here or elsewhere) can empty the last page: step back to one that has addresses.
    const value = this.current;
    if (this.addresses.status === 'ready' && value && value.items.length === 0 && this.pageIndex > 0) {
      this.pageIndex -= 1;
    }
    const dialog = this.dialog;
    if (dialog && this.confirming && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('[part="confirm-cancel-button"]')?.focus();
    }
    if (this.focusAfter) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
      if (target) {
        this.focusAfter = undefined;
        target.focus();
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  // -------------------------------------------------------------------------------------------
  // Search and pages

  private resetPages(): void {
    this.pageIndex = 0;
    this.cursors = [undefined];
  }

  private onSearchInput(e: Event): void {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY_MS);
  }

  private onSearchSubmit(e: Event): void {
    e.preventDefault();
    clearTimeout(this.searchTimer);
    this.applySearch();
  }

  private applySearch(): void {
    const q = this.searchText.trim();
    if (q === this.searchQuery) return;
    this.searchQuery = q;
    this.resetPages();
  }

  /** The loaded page, if it belongs to this customer. */
  private get current(): AddressPage | undefined {
    const value = this.addresses.value;
    return value && value.customerId === this.customerId ? value : undefined;
  }

  private get paging(): boolean {
    return this.addresses.status === 'loading';
  }

  private previousPage(): void {
    if (this.pageIndex > 0 && !this.paging) this.pageIndex -= 1;
  }

  private nextPage(): void {
    const next = this.current?.nextCursor;
    if (!next || this.paging) return;
    const cursors = this.cursors.slice(0, this.pageIndex + 1);
    cursors.push(next);
    this.cursors = cursors;
    this.pageIndex += 1;
  }

  // -------------------------------------------------------------------------------------------
  // Form

  private get countries(): Reference['countries'] {
    return this.reference.value?.countries ?? [];
  }

  private validate(values: FormValues): FieldError[] {
    const postcodeRequired = this.countries.filter((c) => c.postcodeRequired).map((c) => c.code);
    return validateAddress(values, { postcodeRequired });
  }

  /** The message shown beside a field now: the server's, else the rules' once the field was left. */
  private fieldError(field: string, clientErrors: FieldError[]): string | undefined {
    const server = this.serverErrors.get(field);
    if (server) return server;
    if (!this.touched.has(field)) return undefined;
    return clientErrors.find((e) => e.field === field)?.message;
  }

  private openForm(mode: FormMode): void {
    const countries = this.countries;
    const defaultCountry = countries.some((c) => c.code === 'GB') ? 'GB' : (countries[0]?.code ?? 'GB');
    this.formMode = mode;
    this.values = valuesOf(mode.mode === 'edit' ? mode.address : undefined, defaultCountry);
    this.touched = new Set();
    this.serverErrors = new Map();
    this.formError = '';
    this.conflict.reset();
    this.focusAfter = '#f-label';
  }

  private closeForm(): void {
    const form = this.formMode;
    this.formMode = null;
    this.formError = '';
    this.conflict.reset();
    this.focusAfter = form?.mode === 'edit' ? `[data-edit="${CSS.escape(form.address.id)}"]` : '[part="add-button"]';
  }

  private onFieldInput(field: TextField, value: string): void {
    this.values = { ...this.values, [field]: value };
    if (this.serverErrors.has(field)) {
      const next = new Map(this.serverErrors);
      next.delete(field);
      this.serverErrors = next;
    }
    if (field === 'country') {
      // The postcode's rules depend on the country: judge it again now.
      this.serverErrors.delete('postcode');
      if (this.values.postcode.trim() !== '') this.touched = new Set([...this.touched, 'postcode', 'country']);
      else this.touched = new Set([...this.touched, 'country']);
    }
  }

  private onFieldBlur(field: TextField): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  private toggleRole(role: AddressRole, on: boolean): void {
    const roles = new Set(this.values.roles);
    if (on) roles.add(role);
    else roles.delete(role);
    this.values = { ...this.values, roles: ADDRESS_ROLES.filter((r) => roles.has(r)) };
  }

  private focusFirstInvalid(fields: Iterable<string>): void {
    const invalid = new Set(fields);
    const first = FIELDS.find((f) => invalid.has(f)) ?? (invalid.has('roles') ? 'roles' : undefined);
    if (!first) return;
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelector<HTMLElement>(first === 'roles' ? '#f-role-admin' : `#f-${first}`);
      el?.focus();
    });
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.api;
    const form = this.formMode;
    const customerId = this.customerId;
    if (!client || !form || !customerId || this.saving) return;
    const values = this.values;
    const errors = this.validate(values);
    this.touched = new Set<string>(FIELDS);
    const tooLong = FIELDS.filter((f) => isOverLimit(values[f], LIMITS[f]));
    if (errors.length || tooLong.length) {
      this.formError = this.msg('fixErrors');
      this.focusFirstInvalid([...errors.map((err) => err.field), ...tooLong]);
      return;
    }
    const postcode = orNull(values.postcode);
    const body = {
      label: orNull(values.label),
      recipient: orNull(values.recipient),
      line1: values.line1.trim(),
      line2: orNull(values.line2),
      city: values.city.trim(),
      region: orNull(values.region),
      postcode: postcode === null ? null : normalisePostcode(postcode, values.country),
      country: values.country,
      roles: values.roles,
    };
    this.formError = '';
    try {
      // Asks before a role moves here from another address (see role-move.ts).
      const written = await this.roleMove.save(this.holders(form), (moveRoles) => {
        const request: AddressInput = moveRoles ? { ...body, moveRoles } : body;
        if (form.mode === 'create') return confirmedWrite(() => client.addresses.create(customerId, request));
        const { id, version } = form.address;
        // After an uncertain answer the address as the server has it now says whether it was
        // saved: never "changed by someone else" for the user's own save.
        return confirmedWrite(() => client.addresses.update(customerId, id, request, { version }), {
          verify: async () => {
            for await (const fresh of client.addresses.listAll(customerId)) {
              if (fresh.id !== id) continue;
              if (!recordShows(fresh, body)) return fresh.version === version ? false : undefined;
              // What the SDK does after a write it saw through: every view of it re-reads.
              client.cache.invalidate([tags.addresses(customerId), tags.search(), tags.notes(customerId)]);
              return fresh;
            }
            return undefined;
          },
        });
      }, {
        busy: (on) => (this.saving = on),
        // The list re-reads: its badges show the holder the server named.
        refused: () => client.cache.invalidate([tags.addresses(customerId)]),
      });
      if (!written) {
        // Not moved: the draft stays as it is, and Save has the focus again.
        if (this.formMode === form) this.focusAfter = '[part="save-button"]';
        return;
      }
      const { saved, moved } = written;
      const action: AddressChangeAction = form.mode === 'create' ? 'create' : 'update';
      this.formMode = null;
      this.announcement = [
        this.msg(action === 'create' ? 'created' : 'saved'),
        ...moved.map((h) => this.msg('movedRole', { role: this.msg(ROLE_KEYS[h.role].name), address: h.summary })),
      ].join(' ');
      this.focusAfter = action === 'update' ? `[data-edit="${CSS.escape(saved.id)}"]` : '[part="add-button"]';
      emit(this, 'address-change', { customerId, address: saved, action });
    } catch (error) {
      if (isValidationError(error) && error.fieldErrors.length) {
        const map = new Map<string, string>();
        for (const fe of error.fieldErrors) if (!map.has(fe.field)) map.set(fe.field, fe.message);
        this.serverErrors = map;
        const unplaced = [...map].filter(([field]) => !FIELDS.includes(field as TextField) && field !== 'roles');
        this.formError = this.msg('saveFailed', {
          reason: unplaced.length ? unplaced.map(([, m]) => m).join(' ') : this.msg('fixErrors'),
        });
        this.focusFirstInvalid(map.keys());
      } else if (isUnconfirmedWrite(error)) {
        this.formError = this.t('write.unconfirmed');
      } else if (form.mode === 'edit' && this.conflict.handle(error, form.address)) {
        // Someone else changed it: the flow shows what, and Reload puts the draft on their version.
        // Every view of these addresses (and the history that recorded their change) re-reads, so
        // their version shows behind the form. What the user typed is never written over theirs.
        this.formError = '';
        client.cache.invalidate([tags.addresses(customerId), tags.notes(customerId)]);
      } else {
        this.formError = this.msg('saveFailed', { reason: this.reason(error) });
      }
    } finally {
      this.saving = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Delete

  private askDelete(address: Address): void {
    this.confirming = address;
    this.deleteError = '';
  }

  private cancelDelete(): void {
    const address = this.confirming;
    this.confirming = null;
    this.deleteError = '';
    if (this.dialog?.open) this.dialog.close();
    if (address) this.focusAfter = `[data-delete="${CSS.escape(address.id)}"]`;
  }

  private onDialogCancel(e: Event): void {
    e.preventDefault();
    if (!this.deleting) this.cancelDelete();
  }

  private async confirmDelete(): Promise<void> {
    const client = this.api;
    const address = this.confirming;
    const customerId = this.customerId;
    if (!client || !address || this.deleting) return;
    this.deleting = true;
    this.deleteError = '';
    try {
      await confirmedWrite(() => client.addresses.delete(customerId, address.id));
      this.confirming = null;
      if (this.dialog?.open) this.dialog.close();
      this.announcement = this.msg('deleted');
      this.focusAfter = '[part="add-button"], [part="list"]';
      emit(this, 'address-change', { customerId, address: null, action: 'delete', addressId: address.id });
    } catch (error) {
      this.deleteError = isUnconfirmedWrite(error) ? this.t('write.unconfirmedAction') : this.msg('deleteFailed', { reason: this.reason(error) });
    } finally {
      this.deleting = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private countryName(code: string): string {
    return this.countries.find((c) => c.code === code)?.name ?? code;
  }

  private summary(a: Address): string {
    return [a.label, a.line1, a.city, a.postcode].filter((s) => s !== null && s !== '').join(', ');
  }

  private renderRoles(roles: readonly AddressRole[]): TemplateResult | typeof nothing {
    if (!roles.length) return nothing;
    return html`<ul class="roles" part="roles" aria-label=${this.msg('rolesLabel')}>
      ${ADDRESS_ROLES.filter((r) => roles.includes(r)).map(
        (r) => html`<li part="role role-${r}">
          <strong>${this.msg(ROLE_KEYS[r].name)}</strong>: ${this.msg(ROLE_KEYS[r].hint)}
        </li>`,
      )}
    </ul>`;
  }

  private renderCard(a: Address): TemplateResult {
    if (this.formMode?.mode === 'edit' && this.formMode.address.id === a.id) {
      return html`<li class="card editing" part="address" data-address-id=${a.id}>${this.renderForm()}</li>`;
    }
    const editable = this.editable;
    const summary = this.summary(a);
    return html`<li class="card" part="address" data-address-id=${a.id}>
      ${a.label ? html`<p class="label" part="address-label">${a.label}</p>` : nothing}
      <p class="lines" part="address-lines">
        ${[a.recipient, a.line1, a.line2, a.city, a.region, a.postcode]
          .filter((s): s is string => s !== null && s !== '')
          .map((s) => html`<span class="line">${s}</span>`)}
        <span class="line">${this.countryName(a.country)}</span>
      </p>
      ${this.renderRoles(a.roles)}
      ${editable
        ? html`<div class="actions">
            <button
              class="ce-button"
              type="button"
              part="edit-button"
              data-edit=${a.id}
              aria-label=${this.msg('editLabel', { address: summary })}
              ?disabled=${this.formMode !== null}
              @click=${() => this.openForm({ mode: 'edit', address: a })}
            >
              ${this.msg('edit')}
            </button>
            <button
              class="ce-button"
              type="button"
              part="delete-button"
              data-delete=${a.id}
              aria-label=${this.msg('deleteLabel', { address: summary })}
              @click=${() => this.askDelete(a)}
            >
              ${this.msg('delete')}
            </button>
          </div>`
        : nothing}
    </li>`;
  }

  private renderField(field: TextField, clientErrors: FieldError[]): TemplateResult {
    const error = this.fieldError(field, clientErrors);
    const id = `f-${field}`;
    const errorId = `${id}-error`;
    const hintId = field === 'label' ? `${id}-hint` : undefined;
    const limit = LIMITS[field];
    const value = this.values[field];
    const describedBy = [hintId, error ? errorId : undefined, limitDescribedBy(id, value, limit)].filter(Boolean).join(' ');
    const optional = OPTIONAL.has(field);
    const labelText = this.msg(field);
    const control =
      field === 'country'
        ? html`<select
            id=${id}
            class="ce-input"
            part="country-select"
            aria-required="true"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @change=${(e: Event) => this.onFieldInput('country', (e.target as HTMLSelectElement).value)}
            @blur=${() => this.onFieldBlur('country')}
          >
            ${this.values.country === '' ? html`<option value="" selected>${this.msg('chooseCountry')}</option>` : nothing}
            ${this.values.country !== '' && !this.countries.some((c) => c.code === this.values.country)
              ? html`<option value=${this.values.country} selected>${this.values.country}</option>`
              : nothing}
            ${this.countries.map(
              (c) => html`<option value=${c.code} ?selected=${c.code === this.values.country}>${c.name}</option>`,
            )}
          </select>`
        : html`<input
            id=${id}
            class="ce-input"
            part="input"
            type="text"
            autocomplete=${this.autocompleteFor(field)}
            aria-required=${optional ? nothing : 'true'}
            aria-invalid=${error || isOverLimit(value, limit) ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${this.values[field]}
            @input=${(e: Event) => this.onFieldInput(field, (e.target as HTMLInputElement).value)}
            @blur=${() => this.onFieldBlur(field)}
          />`;
    return html`<div class="field" part="field">
      <label class="ce-label" for=${id}>${labelText} ${optional ? html`<span class="optional">${this.msg('optional')}</span>` : nothing}</label>
      ${control}
      ${hintId ? html`<p class="ce-hint" id=${hintId}>${this.msg('labelHint')}</p>` : nothing}
      ${error ? html`<p class="ce-field-error" part="field-error" id=${errorId}>${error}</p>` : nothing}
      ${renderLimit({ id, value, limit, locale: this.resolvedLocale, label: labelText })}
    </div>`;
  }

  private autocompleteFor(field: TextField): string {
    switch (field) {
      case 'recipient':
        return 'name';
      case 'line1':
        return 'address-line1';
      case 'line2':
        return 'address-line2';
      case 'city':
        return 'address-level2';
      case 'region':
        return 'address-level1';
      case 'postcode':
        return 'postal-code';
      default:
        return 'off';
    }
  }

  private renderForm(): TemplateResult {
    const form = this.formMode;
    if (!form) return html``;
    const clientErrors = this.validate(this.values);
    const rolesError = this.serverErrors.get('roles');
    return html`<form class="address-form" part="form" novalidate aria-labelledby="form-title" @submit=${this.save}>
      <h3 id="form-title">${this.msg(form.mode === 'create' ? 'formAdd' : 'formEdit')}</h3>
      ${form.mode === 'edit'
        ? html`<div class="wide">${renderConflict(this, this.conflict, { headline: this.msg('conflict'), gone: this.msg('conflictGone') })}</div>`
        : nothing}
      ${/* Above the fields: its text ("Check the fields marked below") points down at them. */ ''}
      ${this.formError ? html`<p class="error wide" part="error" role="alert">${this.formError}</p>` : nothing}
      ${FIELDS.map((f) => this.renderField(f, clientErrors))}
      <fieldset
        class="roles wide"
        part="role-checkboxes"
        aria-describedby=${rolesError ? 'f-roles-hint f-roles-error' : 'f-roles-hint'}
      >
        <legend>${this.msg('rolesLegend')}</legend>
        ${ADDRESS_ROLES.map(
          (r) => html`<label>
            <input
              type="checkbox"
              id="f-role-${r}"
              .checked=${this.values.roles.includes(r)}
              @change=${(e: Event) => this.toggleRole(r, (e.target as HTMLInputElement).checked)}
            />
            <span><strong>${this.msg(ROLE_KEYS[r].name)}</strong>: ${this.msg(ROLE_KEYS[r].hint)}${renderHolder(this.holders(form, [r])[0], (key, params) => this.msg(key, params))}</span>
          </label>`,
        )}
        <p class="hint" id="f-roles-hint">${this.msg('rolesHint')}</p>
        ${rolesError ? html`<p class="ce-field-error" part="field-error" id="f-roles-error">${rolesError}</p>` : nothing}
      </fieldset>
      <div class="buttons wide">
        <button class="ce-button" type="button" part="cancel-button" @click=${this.closeForm}>${this.msg('cancel')}</button>
        <button class="ce-button ce-button--primary" type="submit" part="save-button" ?disabled=${this.saving}>
          ${this.saving ? this.msg('saving') : this.msg('save')}
        </button>
      </div>
    </form>`;
  }

  /** The single-holder roles `roles` would take from other loaded addresses, with their holders. */
  private holders(form: FormMode, roles = this.values.roles): RoleHolder[] {
    return knownHolders(roles, form.mode === 'edit' ? form.address : null, this.current?.items ?? [], (a) => this.summary(a));
  }

  private renderPager(value: AddressPage): TemplateResult | typeof nothing {
    const size = this.effectivePageSize;
    if (value.total <= size) return nothing;
    const pages = Math.max(1, Math.ceil(value.total / size));
    const page = Math.min(this.pageIndex + 1, pages);
    // aria-disabled, not disabled: a button that disables itself under the focus drops the focus.
    const atStart = this.pageIndex === 0;
    const atEnd = !value.nextCursor;
    return html`<nav class="pager" part="pager" aria-label=${this.msg('pagerLabel')}>
      <button class="ce-button" type="button" part="previous" aria-disabled=${atStart ? 'true' : 'false'} @click=${this.previousPage}>
        ${this.msg('previous')}
      </button>
      <span part="page-status" role="status">${this.msg('pageOf', { page, pages })}</span>
      <button class="ce-button" type="button" part="next" aria-disabled=${atEnd ? 'true' : 'false'} @click=${this.nextPage}>
        ${this.msg('next')}
      </button>
    </nav>`;
  }

  private renderList(value: AddressPage): TemplateResult {
    return html`<ul class="list" part="list" aria-label=${this.msg('heading')}>
        ${repeat(value.items, (a) => a.id, (a) => this.renderCard(a))}
      </ul>
      ${this.renderPager(value)}`;
  }

  private renderAddresses(): TemplateResult | typeof nothing {
    const ctrl = this.addresses;
    const current = this.current;
    if (ctrl.status === 'error' || ctrl.status === 'unconfigured' || ctrl.status === 'idle') {
      return renderResource(this, ctrl, () => html``);
    }
    if (!current) return renderSkeleton(3, this.t('state.loading'));
    if (current.items.length === 0) return this.renderEmpty();
    return this.renderList(current);
  }

  private renderEmpty(): TemplateResult {
    if (this.searchQuery) return html`<p class="empty" part="empty">${this.msg('noMatches', { q: this.searchQuery })}</p>`;
    return html`<p class="empty" part="empty"><slot name="empty">${this.msg('empty')}</slot></p>`;
  }

  private renderConfirm(): TemplateResult {
    const a = this.confirming;
    return renderConfirmDialog({
      open: a !== null,
      title: this.msg('confirmTitle'),
      text: a ? this.msg('confirmText', { address: this.summary(a) }) : '',
      error: this.deleteError,
      busy: this.deleting,
      confirmLabel: this.msg('confirmDelete'),
      busyLabel: this.msg('deleting'),
      keepLabel: this.msg('keep'),
      onConfirm: () => void this.confirmDelete(),
      onKeep: () => this.cancelDelete(),
      onCancel: (event) => this.onDialogCancel(event),
      // Closed some other way than its buttons (e.g. Escape without a cancel event).
      onClose: () => {
        if (this.confirming && !this.deleting) this.cancelDelete();
      },
    });
  }

  protected override render(): TemplateResult {
    const meReady = !this.caps.pending;
    const showSearch = (this.unfilteredTotal ?? 0) > this.effectivePageSize || this.searchQuery !== '' || this.searchText !== '';
    const editable = this.editable;
    return html`<section part="base" aria-labelledby="heading">
      <div class="header" part="header">
        <h2 id="heading" part="heading"><slot name="heading">${this.msg('heading')}</slot></h2>
        ${showSearch
          ? html`<form class="search" role="search" @submit=${this.onSearchSubmit}>
              <label class="ce-visually-hidden" for="search">${this.msg('search')}</label>
              <input
                id="search"
                class="ce-input"
                part="search"
                type="search"
                placeholder=${this.msg('searchPlaceholder')}
                .value=${this.searchText}
                @input=${this.onSearchInput}
              />
            </form>`
          : nothing}
        ${editable && this.customerId
          ? html`<button
              class="ce-button"
              type="button"
              part="add-button"
              ?disabled=${this.formMode !== null}
              @click=${() => this.openForm({ mode: 'create' })}
            >
              ${this.msg('add')}
            </button>`
          : nothing}
      </div>
      ${this.customerId ? this.caps.render() : nothing}
      ${this.formMode?.mode === 'create' ? this.renderForm() : nothing}
      ${meReady ? this.renderAddresses() : renderSkeleton(3, this.t('state.loading'))}
      ${this.renderConfirm()} ${this.roleMove.render()}
      <div class="ce-visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'address-book': AddressBook;
  }
  interface HTMLElementEventMap {
    'address-change': CustomEvent<AddressChangeDetail>;
  }
}
