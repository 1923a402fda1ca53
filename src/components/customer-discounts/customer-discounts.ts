import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tags } from '../../sdk/index.js';
import type { TradeDiscounts as Discounts, DiscountsInput, ProductCatalogue } from '../../sdk/schemas-catalogue.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { ConflictFlow, changedFields, renderConflict } from '../shared/conflict.js';
import { emit } from '../shared/events.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { fieldErrors } from '../shared/i18n.js';
import { ResourceController } from '../shared/resource.js';
import { renderConfigMessage, renderError, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { confirmedWrite, recordShows, writeFailureText } from '../shared/write.js';
import { discountsMessages, type DiscountsMessageKey } from './customer-discounts.messages.js';
import { styles } from './customer-discounts.styles.js';

/** Detail of `discounts-change`: the customer's discounts as saved. */
export type DiscountsChangeDetail = Discounts;
export type DiscountsChangeEvent = CustomEvent<DiscountsChangeDetail>;

const CAPABILITY = 'discounts.edit';

interface DraftGroup {
  groupId: string;
  percent: string;
}
interface DraftPrice {
  sku: string;
  price: string;
}

/** `list` with row `i` patched. */
const update = <T>(list: T[], i: number, patch: Partial<T>) => list.map((row, j) => (j === i ? { ...row, ...patch } : row));

/** Pence from "12.50" / "12,50" / "12"; undefined when it is not a price. */
function pence(text: string): number | undefined {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/**
 * A customer's trade discounts: a percentage per product group and a fixed unit price per SKU,
 * which order entry takes off the price list. Everyone may view them; a user with the
 * `discounts.edit` capability edits them in place. Saves are confirmed (a lost answer is checked,
 * never saved twice) and guarded by the version read: when someone else saved first, the form
 * says what changed and Reload puts the draft on top of theirs.
 *
 * @summary A customer's trade discounts, viewed and edited where permitted.
 *
 * @fires {DiscountsChangeEvent} discounts-change - The discounts were saved. `detail`: the saved discounts. Bubbles, composed.
 * @fires {CustomEvent<undefined>} view-close - Close was pressed (in the customer screen's view dialog). Bubbles, composed.
 *
 * @csspart groups - The table of discounts by product group.
 * @csspart prices - The table of fixed prices.
 * @csspart empty - "No discount…" for an empty list.
 * @csspart edit-button - Opens the editor.
 * @csspart form - The editor.
 * @csspart group-select - A group in the editor.
 * @csspart percent-input - A percentage in the editor.
 * @csspart sku-input - A SKU in the editor.
 * @csspart price-input - A price in the editor.
 * @csspart add-button - Adds a row to the editor.
 * @csspart remove-button - Removes a row from the editor.
 * @csspart save-button - Saves the discounts.
 * @csspart cancel-button - Leaves the editor without saving.
 * @csspart close-button - Closes the view.
 * @csspart field-error - A message beside a field.
 * @csspart status - The polite live region ("Discounts saved.").
 * @csspart read-only - Says the user may view but not change them.
 * @csspart conflict - Someone else saved first (with `conflict-changes` and `reload-button`).
 * @csspart conflict-changes - What changed, in the conflict message.
 * @csspart reload-button - Reload onto the latest version.
 * @csspart changes - After Reload: the draft now rests on the latest version.
 * @csspart error - A failed load or save, in words.
 * @csspart retry-button - Loads again after a failed load.
 * @csspart permissions-message - The permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart message - A state message.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --customer-discounts-gap - Space between the blocks. Default `--ce-space-l`.
 */
export class CustomerDiscounts extends CeElement {
  static override styles = [baseStyles, controlStyles, styles];
  static override catalogues = [discountsMessages];

  /** The customer whose discounts to show. */
  @property({ attribute: 'customer-id', reflect: true })
  customerId?: string;

  @state() private editing = false;
  @state() private groups: DraftGroup[] = [];
  @state() private prices: DraftPrice[] = [];
  @state() private errors = new Map<string, string>();
  @state() private saving = false;
  @state() private saveError: string | undefined;
  @state() private announcement = '';
  @state() private base: Discounts | undefined;

  private readonly data = new ResourceController<Discounts, readonly [string]>(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.discounts.get(id, { signal }),
    tags: ([id]) => [tags.discounts(id)],
  });

  private readonly catalogue = new ResourceController<ProductCatalogue, readonly []>(this, {
    args: () => [] as const,
    load: (_args, signal, client) => client.products.catalogue({ signal }),
  });

  private readonly caps = new CapabilitiesController(this);

  private readonly conflict = new ConflictFlow<Discounts>(this, {
    reread: async () => {
      const latest = await this.api!.discounts.get(this.customerId!, { cache: 'reload' });
      this.data.set(latest);
      return latest;
    },
    changes: (before, after) =>
      changedFields(
        [
          { label: this.m('groups'), show: (d) => this.groupsText(d) },
          { label: this.m('prices'), show: (d) => this.pricesText(d) },
        ],
        before,
        after,
      ),
    rebase: (latest) => {
      this.base = latest;
      this.saveError = undefined;
    },
  });

  private m(key: DiscountsMessageKey, params?: Record<string, string | number>): string {
    return discountsMessages(this.resolvedLocale, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) this.cancel();
  }

  private groupName(id: string): string {
    return this.catalogue.value?.groups.find((g) => g.id === id)?.name ?? id;
  }

  private groupsText(d: Discounts): string {
    return d.groups.map((g) => `${this.groupName(g.groupId)} ${this.m('percentValue', { percent: formatNumber(g.percent, this.resolvedLocale) })}`).join('; ') || '—';
  }

  private pricesText(d: Discounts): string {
    return d.prices.map((p) => `${p.sku} ${formatMoney(p.unitPrice, this.resolvedLocale)}`).join('; ') || '—';
  }

  private startEdit(): void {
    const d = this.data.value;
    if (!d) return;
    this.base = d;
    this.groups = d.groups.map((g) => ({ groupId: g.groupId, percent: String(g.percent) }));
    this.prices = d.prices.map((p) => ({ sku: p.sku, price: (p.unitPrice.amountMinor / 100).toFixed(2) }));
    this.errors = new Map();
    this.saveError = undefined;
    this.announcement = '';
    this.editing = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="form"] select, [part~="form"] input, [part~="add-button"]')?.focus());
  }

  private cancel(): void {
    const wasEditing = this.editing;
    this.editing = false;
    this.conflict.reset();
    this.saveError = undefined;
    if (wasEditing) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus());
  }

  /** The draft as the API takes it, or the field errors that keep it from being sent. */
  private body(): DiscountsInput | Map<string, string> {
    const errors = new Map<string, string>();
    const seenGroups = new Set<string>();
    const groups = this.groups.map((g, i) => {
      const percent = Number(g.percent.replace(',', '.'));
      if (!Number.isFinite(percent) || percent < 0.01 || percent > 100) errors.set(`groups.${i}.percent`, this.m('percentInvalid'));
      if (seenGroups.has(g.groupId)) errors.set(`groups.${i}.groupId`, this.m('duplicateGroup'));
      seenGroups.add(g.groupId);
      return { groupId: g.groupId, percent: Math.round(percent * 100) / 100 };
    });
    const seenSkus = new Set<string>();
    const prices = this.prices.map((p, i) => {
      const sku = p.sku.trim().toUpperCase();
      if (!sku) errors.set(`prices.${i}.sku`, this.m('skuRequired'));
      else if (seenSkus.has(sku)) errors.set(`prices.${i}.sku`, this.m('duplicateSku'));
      seenSkus.add(sku);
      const amount = pence(p.price);
      if (amount === undefined) errors.set(`prices.${i}.unitPrice`, this.m('priceInvalid'));
      return { sku, unitPrice: { amountMinor: amount ?? 0, currency: 'GBP' } };
    });
    return errors.size ? errors : { groups, prices };
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.api;
    const id = this.customerId;
    const base = this.base;
    if (!client || !id || !base || this.saving) return;
    const body = this.body();
    if (body instanceof Map) {
      this.errors = body;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = new Map();
    this.saving = true;
    this.saveError = undefined;
    try {
      const saved = await confirmedWrite(() => client.discounts.set(id, body, { version: base.version }), {
        verify: async () => {
          const fresh = await client.discounts.get(id, { cache: 'reload' });
          if (fresh.version === base.version) return false;
          return recordShows(fresh, body) ? fresh : undefined;
        },
      });
      this.data.set(saved);
      this.editing = false;
      this.conflict.reset();
      this.announcement = this.m('saved');
      emit(this, 'discounts-change', saved);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="edit-button"]')?.focus();
    } catch (error) {
      if (this.conflict.handle(error, base)) return;
      const errors = fieldErrors(error);
      if (errors.size) this.errors = errors;
      this.saveError = writeFailureText(error, (k, p) => this.t(k, p), (reason) => this.m('notSaved', { reason }));
    } finally {
      this.saving = false;
    }
  }

  private fieldError(field: string) {
    const message = this.errors.get(field);
    return message ? html`<span id="err-${field.replace(/\./g, '-')}" class="ce-field-error" part="field-error">${message}</span>` : nothing;
  }

  private describedBy(field: string): string | typeof nothing {
    return this.errors.has(field) ? `err-${field.replace(/\./g, '-')}` : nothing;
  }

  override render() {
    if (!this.api) return renderConfigMessage(this);
    if (this.data.status === 'error') return renderError(this, this.data.error, () => this.data.reload());
    const d = this.data.value;
    if (!d) return renderSkeleton(3, this.t('state.loading'));
    const mayEdit = this.caps.can(CAPABILITY);
    return html`<section class="discounts" aria-labelledby="title">
      <h2 id="title">${this.m('title')}</h2>
      <p class="intro">${this.m('intro')}</p>
      ${this.editing ? this.renderForm() : this.renderView(d, mayEdit)}
      <p class="ce-visually-hidden" role="status" part="status">${this.announcement}</p>
    </section>`;
  }

  private renderView(d: Discounts, mayEdit: boolean) {
    const locale = this.resolvedLocale;
    return html`<h3>${this.m('groups')}</h3>
      ${d.groups.length
        ? html`<table part="groups">
            <thead><tr><th scope="col">${this.m('group')}</th><th scope="col" class="num">${this.m('percent')}</th></tr></thead>
            <tbody>
              ${d.groups.map((g) => html`<tr><th scope="row">${this.groupName(g.groupId)}</th><td class="num">${this.m('percentValue', { percent: formatNumber(g.percent, locale) })}</td></tr>`)}
            </tbody>
          </table>`
        : html`<p class="empty" part="empty">${this.m('noGroups')}</p>`}
      <h3>${this.m('prices')}</h3>
      ${d.prices.length
        ? html`<table part="prices">
            <thead><tr><th scope="col">${this.m('sku')}</th><th scope="col" class="num">${this.m('price')}</th></tr></thead>
            <tbody>
              ${d.prices.map((p) => html`<tr><th scope="row">${p.sku}</th><td class="num">${formatMoney(p.unitPrice, locale)}</td></tr>`)}
            </tbody>
          </table>`
        : html`<p class="empty" part="empty">${this.m('noPrices')}</p>`}
      ${this.caps.failed ? this.caps.render() : nothing}
      <div class="actions">
        ${mayEdit
          ? html`<button type="button" class="ce-button ce-button--primary" part="edit-button" @click=${this.startEdit}>${this.m('edit')}</button>`
          : nothing}
        <button type="button" class="ce-button" part="close-button" @click=${() => emit(this, 'view-close', undefined)}>${this.m('close')}</button>
      </div>
      ${!mayEdit && !this.caps.pending && !this.caps.failed ? html`<p class="ce-hint" part="read-only">${this.m('readOnly')}</p>` : nothing}`;
  }

  private renderForm() {
    const groups = this.catalogue.value?.groups ?? [];
    return html`<form part="form" class="discounts" @submit=${this.save} novalidate>
      ${renderConflict(this, this.conflict, { headline: this.m('conflict'), gone: this.m('conflict') })}
      ${this.errors.size ? html`<p class="ce-message ce-error" role="alert">${this.m('fixErrors')}</p>` : nothing}
      <fieldset>
        <legend>${this.m('groups')}</legend>
        ${this.groups.map(
          (g, i) => html`<div class="row">
            <div class="field">
              <label class="ce-label" for="group-${i}">${this.m('group')}</label>
              <select id="group-${i}" class="ce-input" part="group-select" aria-invalid=${this.errors.has(`groups.${i}.groupId`) ? 'true' : 'false'}
                aria-describedby=${this.describedBy(`groups.${i}.groupId`)}
                @change=${(e: Event) => (this.groups = update(this.groups, i, { groupId: (e.target as HTMLSelectElement).value }))}>
                ${groups.map((option) => html`<option value=${option.id} ?selected=${option.id === g.groupId}>${option.name}</option>`)}
              </select>
              ${this.fieldError(`groups.${i}.groupId`)}
            </div>
            <div class="field">
              <label class="ce-label" for="percent-${i}">${this.m('percent')}</label>
              <input id="percent-${i}" class="ce-input" part="percent-input" inputmode="decimal" .value=${g.percent}
                aria-invalid=${this.errors.has(`groups.${i}.percent`) ? 'true' : 'false'} aria-describedby=${this.describedBy(`groups.${i}.percent`)}
                @input=${(e: Event) => (this.groups = update(this.groups, i, { percent: (e.target as HTMLInputElement).value }))} />
              ${this.fieldError(`groups.${i}.percent`)}
            </div>
            <button type="button" class="ce-button ce-button--quiet" part="remove-button" aria-label=${this.m('removeGroup', { name: this.groupName(g.groupId) })}
              @click=${() => (this.groups = this.groups.filter((_, j) => j !== i))}>${this.m('remove')}</button>
          </div>`,
        )}
        <div><button type="button" class="ce-button" part="add-button" @click=${() => {
          const free = groups.find((option) => !this.groups.some((g) => g.groupId === option.id)) ?? groups[0];
          if (free) this.groups = [...this.groups, { groupId: free.id, percent: '' }];
        }}>${this.m('addGroup')}</button></div>
      </fieldset>
      <fieldset>
        <legend>${this.m('prices')}</legend>
        ${this.prices.map(
          (p, i) => html`<div class="row">
            <div class="field">
              <label class="ce-label" for="sku-${i}">${this.m('sku')}</label>
              <input id="sku-${i}" class="ce-input" part="sku-input" autocomplete="off" spellcheck="false" .value=${p.sku}
                aria-invalid=${this.errors.has(`prices.${i}.sku`) ? 'true' : 'false'} aria-describedby=${this.describedBy(`prices.${i}.sku`)}
                @input=${(e: Event) => (this.prices = update(this.prices, i, { sku: (e.target as HTMLInputElement).value }))} />
              ${this.fieldError(`prices.${i}.sku`)}
            </div>
            <div class="field">
              <label class="ce-label" for="price-${i}">${this.m('price')}</label>
              <input id="price-${i}" class="ce-input" part="price-input" inputmode="decimal" .value=${p.price}
                aria-invalid=${this.errors.has(`prices.${i}.unitPrice`) ? 'true' : 'false'} aria-describedby=${this.describedBy(`prices.${i}.unitPrice`)}
                @input=${(e: Event) => (this.prices = update(this.prices, i, { price: (e.target as HTMLInputElement).value }))} />
              ${this.fieldError(`prices.${i}.unitPrice`)}
            </div>
            <button type="button" class="ce-button ce-button--quiet" part="remove-button" aria-label=${this.m('removePrice', { sku: p.sku || '—' })}
              @click=${() => (this.prices = this.prices.filter((_, j) => j !== i))}>${this.m('remove')}</button>
          </div>`,
        )}
        <div><button type="button" class="ce-button" part="add-button" @click=${() => (this.prices = [...this.prices, { sku: '', price: '' }])}>${this.m('addPrice')}</button></div>
      </fieldset>
      ${this.saveError ? html`<p class="ce-message ce-error" part="error" role="alert">${this.saveError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="ce-button ce-button--primary" part="save-button" ?disabled=${this.saving}>${this.t('action.save')}</button>
        <button type="button" class="ce-button" part="cancel-button" @click=${this.cancel}>${this.t('action.cancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'discounts-change': DiscountsChangeEvent;
  }
}
