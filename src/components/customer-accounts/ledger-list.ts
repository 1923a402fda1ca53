/**
 * The Ledger tab of `<customer-accounts>`: every entry (invoices, payments, credit notes, refunds,
 * adjustments) with its running balance, newest first, a page at a time (the server pages by
 * offset, so a ledger of thousands of rows costs one page), filtered by type, status and dates.
 * Each row opens the order behind it, downloads its PDF, and (with the capability) is voided with a
 * reason or credited. Voiding is a versioned write: a stale one gets the shared conflict flow.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { tags, type LedgerEntry, type LedgerEntryType, type LedgerStatus, type Page } from '../../sdk/index.js';
import { LEDGER_ENTRY_TYPES, LEDGER_STATUSES } from '../../sdk/enums.js';
import { ConflictFlow, changedFields, renderConflict } from '../shared/conflict.js';
import { formatDate, formatMoney } from '../shared/format.js';
import { fieldErrors } from '../shared/i18n.js';
import { ResourceController } from '../shared/resource.js';
import { renderError, renderSkeleton } from '../shared/states.js';
import { confirmedWrite, newWriteKey, writeFailureText } from '../shared/write.js';
import type { AccountsHost } from './host.js';

/** Rows per page. */
export const LEDGER_PAGE_SIZE = 50;

export interface LedgerFilters {
  type: LedgerEntryType | '';
  status: LedgerStatus | '';
  from: string;
  to: string;
}

/** Starts a browser download of a Blob under a file name (the anchor never enters the page). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class LedgerList {
  filters: LedgerFilters = { type: '', status: '', from: '', to: '' };
  page = 0;
  /** The entry being voided, as read (its version goes with the void). */
  voiding: LedgerEntry | undefined;
  voidReason = '';
  voidError = '';
  voidFieldError = '';
  savingVoid = false;
  #voidKey = '';

  readonly data: ResourceController<Page<LedgerEntry>, readonly [string, LedgerFilters['type'], LedgerFilters['status'], string, string, number]>;
  readonly conflict: ConflictFlow<LedgerEntry>;

  constructor(private readonly host: AccountsHost) {
    this.data = new ResourceController(host, {
      args: () =>
        host.customerId && host.tab === 'ledger'
          ? ([host.customerId, this.filters.type, this.filters.status, this.filters.from, this.filters.to, this.page] as const)
          : undefined,
      load: ([id, type, status, from, to, page], signal, client) =>
        client.accounts.ledger(
          id,
          {
            type: type || undefined,
            status: status || undefined,
            from: from || undefined,
            to: to || undefined,
            offset: page * LEDGER_PAGE_SIZE,
            limit: LEDGER_PAGE_SIZE,
          },
          { signal },
        ),
      tags: ([id]) => [tags.ledger(id)],
      keepValueOnArgsChange: true,
    });
    this.conflict = new ConflictFlow<LedgerEntry>(host, {
      reread: async () => {
        const client = host.api;
        const id = host.customerId;
        const entry = this.voiding;
        if (!client || !id || !entry) throw new Error('Nothing to re-read.');
        return client.accounts.entry(id, entry.id, { cache: 'reload' });
      },
      changes: (before, after) =>
        changedFields(
          [
            { label: host.m('column.status'), show: (e) => host.m(`status.${e.status}`) },
            { label: host.m('column.outstanding'), show: (e) => formatMoney(e.outstanding, host.resolvedLocale) },
            { label: host.m('column.amount'), show: (e) => formatMoney(e.amount, host.resolvedLocale) },
          ],
          before,
          after,
        ),
      rebase: (latest) => {
        this.voiding = latest;
        this.voidError = '';
      },
    });
  }

  setFilter<K extends keyof LedgerFilters>(name: K, value: LedgerFilters[K]): void {
    this.filters = { ...this.filters, [name]: value };
    this.page = 0;
    this.host.requestUpdate();
  }

  goTo(page: number): void {
    this.page = Math.max(0, page);
    this.host.requestUpdate();
    void this.host.focusSoon('[part~="ledger-table-scroll"]');
  }

  // ----- void

  openVoid(entry: LedgerEntry): void {
    this.voiding = entry;
    this.voidReason = '';
    this.voidError = '';
    this.voidFieldError = '';
    this.conflict.reset();
    this.#voidKey = newWriteKey();
    this.host.requestUpdate();
    void this.host.focusSoon('[part~="void-reason"]');
  }

  closeVoid(): void {
    const id = this.voiding?.id;
    this.voiding = undefined;
    this.conflict.reset();
    this.host.requestUpdate();
    if (id) void this.host.focusSoon(`[data-entry="${id}"] [part~="void-button"]`);
  }

  async saveVoid(): Promise<void> {
    const host = this.host;
    const client = host.api;
    const id = host.customerId;
    const entry = this.voiding;
    if (!client || !id || !entry || this.savingVoid || this.conflict.active) return;
    const reason = this.voidReason.trim();
    this.voidFieldError = reason ? '' : host.m('void.reasonRequired');
    this.voidError = '';
    if (!reason) {
      host.requestUpdate();
      void host.focusSoon('[part~="void-reason"]');
      return;
    }
    this.savingVoid = true;
    host.requestUpdate();
    const key = this.#voidKey;
    try {
      const change = await confirmedWrite(() => client.accounts.void(id, entry.id, reason, { version: entry.version, idempotencyKey: key }), {
        verify: async () => {
          const fresh = await client.accounts.entry(id, entry.id, { cache: 'reload' });
          if (fresh.void) return undefined; // voided: the repeat is answered from the idempotency store
          return fresh.version === entry.version ? false : undefined;
        },
      });
      host.accountChanged(change, 'void');
      host.announce(host.m('void.done', { reference: entry.reference }));
      this.closeVoid();
    } catch (error) {
      if (this.conflict.handle(error, entry)) return;
      this.voidFieldError = fieldErrors(error).get('reason') ?? '';
      this.voidError = writeFailureText(error, host.t.bind(host), (why) => host.m('void.notDone', { reason: why }), 'action');
    } finally {
      this.savingVoid = false;
      host.requestUpdate();
    }
  }

  async download(entry: LedgerEntry): Promise<void> {
    const host = this.host;
    const client = host.api;
    const id = host.customerId;
    if (!client || !id) return;
    try {
      saveBlob(await client.accounts.document(id, entry.id), `${entry.reference}.pdf`);
    } catch {
      host.announce(host.m('document.failed'));
    }
  }

  // ----- rendering

  render(): TemplateResult {
    const host = this.host;
    return html`<section part="ledger" class="ledger" aria-labelledby="ledger-heading">
      <h3 id="ledger-heading" class="ce-visually-hidden">${host.m('tab.ledger')}</h3>
      ${this.renderFilters()} ${this.voiding ? this.renderVoid(this.voiding) : nothing} ${this.renderTable()}
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const host = this.host;
    const f = this.filters;
    return html`<div class="field-row filters" part="ledger-filters" role="group" aria-label=${host.m('filter.label')}>
      <div class="field">
        <label class="ce-label" for="filter-type">${host.m('column.type')}</label>
        <select id="filter-type" class="ce-input" part="filter-type input" .value=${live(f.type)}
          @change=${(e: Event) => this.setFilter('type', (e.target as HTMLSelectElement).value as LedgerFilters['type'])}>
          <option value="">${host.m('filter.all')}</option>
          ${LEDGER_ENTRY_TYPES.map((t) => html`<option value=${t}>${host.m(`type.${t}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="ce-label" for="filter-status">${host.m('column.status')}</label>
        <select id="filter-status" class="ce-input" part="filter-status input" .value=${live(f.status)}
          @change=${(e: Event) => this.setFilter('status', (e.target as HTMLSelectElement).value as LedgerFilters['status'])}>
          <option value="">${host.m('filter.all')}</option>
          ${LEDGER_STATUSES.map((s) => html`<option value=${s}>${host.m(`status.${s}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="ce-label" for="filter-from">${host.m('period.from')}</label>
        <input id="filter-from" type="date" class="ce-input" part="filter-from input" .value=${live(f.from)}
          @change=${(e: Event) => this.setFilter('from', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label class="ce-label" for="filter-to">${host.m('period.to')}</label>
        <input id="filter-to" type="date" class="ce-input" part="filter-to input" .value=${live(f.to)}
          @change=${(e: Event) => this.setFilter('to', (e.target as HTMLInputElement).value)} />
      </div>
    </div>`;
  }

  private renderVoid(entry: LedgerEntry): TemplateResult {
    const host = this.host;
    const locale = host.resolvedLocale;
    return html`<form part="void-form" class="panel" aria-labelledby="void-title" novalidate
      @submit=${(e: Event) => (e.preventDefault(), void this.saveVoid())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.closeVoid())}>
      <h4 id="void-title" class="panel-title">${host.m('void.title', { reference: entry.reference, amount: formatMoney(entry.amount, locale) })}</h4>
      <p class="ce-hint">${host.m('void.hint')}</p>
      ${renderConflict(host, this.conflict, { headline: host.m('void.conflict'), gone: host.m('void.gone') })}
      <div class="field">
        <label class="ce-label" for="void-reason">${host.m('void.reason')}</label>
        <input id="void-reason" class="ce-input" part="void-reason input" autocomplete="off" maxlength="500"
          aria-invalid=${this.voidFieldError ? 'true' : 'false'} aria-describedby=${this.voidFieldError ? 'void-reason-error' : nothing}
          .value=${live(this.voidReason)} @input=${(e: Event) => (this.voidReason = (e.target as HTMLInputElement).value)} />
        ${this.voidFieldError ? html`<p id="void-reason-error" class="ce-field-error" part="field-error">${this.voidFieldError}</p>` : nothing}
      </div>
      ${this.voidError ? html`<p class="ce-message ce-error" part="error" role="alert">${this.voidError}</p>` : nothing}
      <div class="form-actions">
        <button type="submit" class="ce-button ce-button--danger" part="void-save-button" aria-disabled=${this.savingVoid || this.conflict.active ? 'true' : 'false'}>
          ${this.savingVoid ? host.t('action.saving') : host.m('void.confirm')}
        </button>
        <button type="button" class="ce-button" part="cancel-button" @click=${() => this.closeVoid()}>${host.t('action.cancel')}</button>
      </div>
    </form>`;
  }

  private renderTable(): TemplateResult {
    const host = this.host;
    const { status, value, error } = this.data;
    if (!value) {
      return status === 'error' ? renderError(host, error, () => this.data.reload()) : renderSkeleton(5, host.t('state.loading'));
    }
    const pages = Math.max(1, Math.ceil(value.total / LEDGER_PAGE_SIZE));
    const first = this.page * LEDGER_PAGE_SIZE;
    return html`${status === 'error' ? renderError(host, error, () => this.data.reload()) : nothing}
      ${value.items.length === 0
        ? html`<p class="ce-message" part="empty">${host.m('ledger.empty')}</p>`
        : html`<div class="table-scroll" part="ledger-table-scroll" tabindex="0" role="region" aria-label=${host.m('ledger.tableLabel')}
            aria-busy=${status === 'loading' ? 'true' : 'false'}>
            <table class="table" part="ledger-table" aria-rowcount=${value.total + 1}>
              <thead>
                <tr aria-rowindex="1">
                  <th scope="col">${host.m('column.date')}</th>
                  <th scope="col">${host.m('column.type')}</th>
                  <th scope="col">${host.m('column.reference')}</th>
                  <th scope="col">${host.m('column.order')}</th>
                  <th scope="col">${host.m('column.due')}</th>
                  <th scope="col">${host.m('column.status')}</th>
                  <th scope="col" class="num">${host.m('column.amount')}</th>
                  <th scope="col" class="num">${host.m('column.outstanding')}</th>
                  <th scope="col" class="num">${host.m('column.balance')}</th>
                  <th scope="col" class="no-print"><span class="ce-visually-hidden">${host.m('column.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${value.items.map((entry, i) => this.renderRow(entry, first + i + 2))}
              </tbody>
            </table>
          </div>`}
      <nav class="pager" part="pager" aria-label=${host.m('pager.label')}>
        <button type="button" class="ce-button" part="pager-previous" aria-disabled=${this.page === 0 ? 'true' : 'false'}
          @click=${() => this.page > 0 && this.goTo(this.page - 1)}>${host.m('pager.previous')}</button>
        <span part="pager-status">${host.m('pager.status', { page: this.page + 1, pages, total: value.total })}</span>
        <button type="button" class="ce-button" part="pager-next" aria-disabled=${this.page + 1 >= pages ? 'true' : 'false'}
          @click=${() => this.page + 1 < pages && this.goTo(this.page + 1)}>${host.m('pager.next')}</button>
      </nav>`;
  }

  private renderRow(entry: LedgerEntry, rowIndex: number): TemplateResult {
    const host = this.host;
    const locale = host.resolvedLocale;
    const isVoid = entry.status === 'void';
    const canVoid = !isVoid && host.can('accounts.entry.void');
    const canCredit = !isVoid && entry.type === 'invoice' && entry.outstanding.amountMinor > 0 && host.can('accounts.credit.create');
    return html`<tr part=${isVoid ? 'ledger-row ledger-row-void' : 'ledger-row'} data-entry=${entry.id} data-type=${entry.type} data-status=${entry.status} aria-rowindex=${rowIndex}>
      <td>${formatDate(entry.date, locale)}</td>
      <td>${host.m(`type.${entry.type}`)}</td>
      <td>
        <span dir="auto">${entry.reference}</span>
        ${entry.void ? html`<span class="quiet void-reason" dir="auto">${host.m('void.shown', { reason: entry.void.reason })}</span>` : nothing}
      </td>
      <td>${entry.orderId && entry.orderNumber
        ? html`<button type="button" class="link" part="order-link" @click=${() => host.openOrder(entry.orderId!)}>${entry.orderNumber}</button>`
        : '—'}</td>
      <td>${entry.dueDate ? formatDate(entry.dueDate, locale) : '—'}</td>
      <td><span class="status status--${entry.status}" part="status">${host.m(`status.${entry.status}`)}</span></td>
      <td class="num ${isVoid ? 'struck' : ''}">${formatMoney(entry.amount, locale)}</td>
      <td class="num">${formatMoney(entry.outstanding, locale)}</td>
      <td class="num">${formatMoney(entry.balanceAfter, locale)}</td>
      <td class="row-actions no-print">
        ${entry.hasDocument
          ? html`<button type="button" class="ce-button ce-button--quiet" part="document-button"
              aria-label=${host.m('document.label', { reference: entry.reference })} @click=${() => void this.download(entry)}>PDF</button>`
          : nothing}
        ${canCredit
          ? html`<button type="button" class="ce-button ce-button--quiet" part="credit-button"
              aria-label=${host.m('credit.forLabel', { reference: entry.reference })} @click=${() => host.openCreditNote(entry)}>${host.m('credit.short')}</button>`
          : nothing}
        ${canVoid
          ? html`<button type="button" class="ce-button ce-button--quiet" part="void-button"
              aria-label=${host.m('void.label', { reference: entry.reference })} @click=${() => this.openVoid(entry)}>${host.m('void.short')}</button>`
          : nothing}
      </td>
    </tr>`;
  }
}
