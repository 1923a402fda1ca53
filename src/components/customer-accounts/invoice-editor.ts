/**
 * The manual-invoice and credit-note editor of `<customer-accounts>`: lines of description,
 * quantity, unit price and VAT rate, with live totals computed by the server's own rule
 * (`invoiceTotals` from the SDK: VAT per line, half a penny up, none for a VAT-exempt customer), so
 * the totals on screen are the server's to the penny. After saving it shows the server's figures.
 *
 * A credit note is the same editor with a reason, against an invoice or on account.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { invoiceTotals, tags, type AccountChange, type DocumentLineInput, type LedgerEntry, type VatRate } from '../../sdk/index.js';
import { VAT_RATES } from '../../sdk/enums.js';
import { formatMoney, parseAmount } from '../shared/format.js';
import { fieldErrors } from '../shared/i18n.js';
import { ResourceController } from '../shared/resource.js';
import { confirmedWrite, newWriteKey, writeFailureText } from '../shared/write.js';
import { today } from './payment-form.js';
import type { AccountsHost } from './host.js';

export type EditorMode = 'invoice' | 'credit-note';

interface LineDraft {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: VatRate;
}

let lineKeys = 0;
const blankLine = (): LineDraft => ({ key: ++lineKeys, description: '', quantity: '1', unitPrice: '', vatRate: 'standard' });

export class InvoiceEditor {
  mode: EditorMode | undefined;
  /** Credit note: the invoice it credits (undefined: on account). */
  against: LedgerEntry | undefined;
  lines: LineDraft[] = [blankLine()];
  date = today();
  customerReference = '';
  reason = '';
  errors = new Map<string, string>();
  error = '';
  saving = false;
  /** The server's answer to the last save (its figures are shown until the editor opens again). */
  result: AccountChange | undefined;
  #key = '';

  /** Whether the customer pays VAT (the totals depend on it). */
  readonly customer;

  constructor(private readonly host: AccountsHost) {
    this.customer = new ResourceController(host, {
      args: () => (host.customerId && this.mode ? ([host.customerId] as const) : undefined),
      load: ([id], signal, client) => client.customers.get(id, { signal }),
      tags: ([id]) => [tags.customer(id)],
    });
  }

  get open(): boolean {
    return this.mode !== undefined;
  }

  show(mode: EditorMode, against?: LedgerEntry): void {
    this.mode = mode;
    this.against = against;
    this.lines = [blankLine()];
    if (against && mode === 'credit-note') {
      // Start from the invoice's lines: a credit for some of them keeps exactly their VAT.
      this.lines = against.lines.length
        ? against.lines.map((l) => ({
            key: ++lineKeys,
            description: l.description,
            quantity: String(l.quantity),
            unitPrice: (l.unitPrice.amountMinor / 100).toFixed(2),
            vatRate: l.vatRate,
          }))
        : [blankLine()];
    }
    this.date = today();
    this.customerReference = '';
    this.reason = '';
    this.errors = new Map();
    this.error = '';
    this.result = undefined;
    this.#key = newWriteKey();
    this.host.requestUpdate();
    void this.host.focusSoon('[data-line-field="0.description"]');
  }

  close(focusBack = true): void {
    const mode = this.mode;
    this.mode = undefined;
    this.host.requestUpdate();
    if (focusBack) void this.host.focusSoon(mode === 'credit-note' ? '[part~="credit-note-button"]' : '[part~="invoice-button"]');
  }

  private get currency(): string {
    return this.host.account.value?.balance.currency ?? 'GBP';
  }

  private updateLine(index: number, change: Partial<LineDraft>): void {
    this.lines = this.lines.map((l, i) => (i === index ? { ...l, ...change } : l));
    this.host.requestUpdate();
  }

  private addLine(): void {
    this.lines = [...this.lines, blankLine()];
    this.host.requestUpdate();
    void this.host.focusSoon(`[data-line-field="${this.lines.length - 1}.description"]`);
  }

  private removeLine(index: number): void {
    if (this.lines.length <= 1) return;
    this.lines = this.lines.filter((_, i) => i !== index);
    this.host.requestUpdate();
    void this.host.focusSoon(`[data-line-field="${Math.min(index, this.lines.length - 1)}.description"]`);
  }

  /** The lines as the server takes them; lines that cannot be read yet count as nothing. */
  private parsed(): { lines: DocumentLineInput[]; errors: Map<string, string> } {
    const host = this.host;
    const errors = new Map<string, string>();
    const lines = this.lines.map((l, i): DocumentLineInput => {
      const quantity = /^\s*\d{1,7}\s*$/.test(l.quantity) ? Number(l.quantity) : Number.NaN;
      const price = parseAmount(l.unitPrice, this.currency);
      if (!l.description.trim()) errors.set(`lines.${i}.description`, host.m('editor.descriptionRequired'));
      if (!Number.isInteger(quantity) || quantity < 1) errors.set(`lines.${i}.quantity`, host.m('editor.quantityInvalid'));
      if (price === undefined) errors.set(`lines.${i}.unitPrice`, host.m('editor.priceInvalid'));
      return {
        description: l.description.trim(),
        quantity: Number.isInteger(quantity) && quantity >= 1 ? quantity : 0,
        unitPrice: { amountMinor: price ?? 0, currency: this.currency },
        vatRate: l.vatRate,
      };
    });
    return { lines, errors };
  }

  async save(): Promise<void> {
    const host = this.host;
    const client = host.api;
    const id = host.customerId;
    const mode = this.mode;
    if (!client || !id || !mode || this.saving) return;
    const { lines, errors } = this.parsed();
    if (mode === 'credit-note' && !this.reason.trim()) errors.set('reason', host.m('editor.reasonRequired'));
    this.errors = errors;
    this.error = '';
    if (errors.size) {
      host.requestUpdate();
      const first = [...errors.keys()][0]!;
      void host.focusSoon(first === 'reason' ? '[part~="credit-reason"]' : `[data-line-field="${first.replace(/^lines\./, '')}"]`);
      return;
    }
    this.saving = true;
    host.requestUpdate();
    const key = this.#key;
    const date = this.date || undefined;
    try {
      const change = await confirmedWrite(() =>
        mode === 'invoice'
          ? client.accounts.createInvoice(id, { date, customerReference: this.customerReference.trim() || undefined, lines }, { idempotencyKey: key })
          : client.accounts.createCreditNote(id, { invoiceId: this.against?.id, date, reason: this.reason.trim(), lines }, { idempotencyKey: key }),
      );
      this.result = change;
      this.#key = newWriteKey();
      host.accountChanged(change, mode);
      host.announce(this.resultText(change));
      this.close();
    } catch (error) {
      this.errors = fieldErrors(error);
      this.error = writeFailureText(error, host.t.bind(host), (why) => host.m('editor.notSaved', { reason: why }));
    } finally {
      this.saving = false;
      host.requestUpdate();
    }
  }

  resultText(change: AccountChange): string {
    const locale = this.host.resolvedLocale;
    const e = change.entry;
    const abs = (m: { amountMinor: number; currency: string }) => formatMoney({ amountMinor: Math.abs(m.amountMinor), currency: m.currency }, locale);
    return this.host.m(e.type === 'credit-note' ? 'editor.savedCredit' : 'editor.savedInvoice', {
      reference: e.reference,
      net: abs(e.net),
      vat: abs(e.vat),
      total: abs(e.amount),
    });
  }

  // ----- rendering

  renderResult(): TemplateResult | typeof nothing {
    if (!this.result || this.open) return nothing;
    const e = this.result.entry;
    const locale = this.host.resolvedLocale;
    const abs = (m: { amountMinor: number; currency: string }) => formatMoney({ amountMinor: Math.abs(m.amountMinor), currency: m.currency }, locale);
    return html`<div class="ce-message result" part="editor-result">
      <p>${this.resultText(this.result)}</p>
      <dl class="totals" part="server-totals">
        <div><dt>${this.host.m('editor.net')}</dt><dd data-total="server-net">${abs(e.net)}</dd></div>
        <div><dt>${this.host.m('editor.vat')}</dt><dd data-total="server-vat">${abs(e.vat)}</dd></div>
        <div><dt>${this.host.m('editor.total')}</dt><dd data-total="server-total">${abs(e.amount)}</dd></div>
      </dl>
    </div>`;
  }

  render(): TemplateResult | typeof nothing {
    const mode = this.mode;
    if (!mode) return nothing;
    const host = this.host;
    const locale = host.resolvedLocale;
    const vatExempt = this.customer.value?.vatExempt ?? false;
    const totals = invoiceTotals(this.parsed().lines, this.currency, { vatExempt });
    const title = mode === 'invoice'
      ? host.m('editor.invoiceTitle')
      : this.against
        ? host.m('editor.creditAgainst', { reference: this.against.reference })
        : host.m('editor.creditTitle');
    const lineError = (i: number, name: string) => this.errors.get(`lines.${i}.${name}`) ?? (name === 'unitPrice' ? this.errors.get(`lines.${i}.unitPrice.amountMinor`) : undefined);
    const linesError = this.errors.get('lines');
    return html`<form part=${mode === 'invoice' ? 'invoice-editor' : 'credit-note-editor'} class="panel" aria-labelledby="editor-title" novalidate
      @submit=${(e: Event) => (e.preventDefault(), void this.save())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.close())}>
      <h4 id="editor-title" class="panel-title">${title}</h4>
      <div class="field-row">
        <div class="field">
          <label class="ce-label" for="editor-date">${host.m('editor.date')}</label>
          <input id="editor-date" type="date" class="ce-input" part="editor-date input" .value=${live(this.date)}
            @change=${(e: Event) => ((this.date = (e.target as HTMLInputElement).value), host.requestUpdate())} />
        </div>
        ${mode === 'invoice'
          ? html`<div class="field field--wide">
              <label class="ce-label" for="editor-customer-reference">${host.m('editor.customerReference')}</label>
              <input id="editor-customer-reference" class="ce-input" part="editor-customer-reference input" autocomplete="off" maxlength="100"
                .value=${live(this.customerReference)} @input=${(e: Event) => (this.customerReference = (e.target as HTMLInputElement).value)} />
            </div>`
          : html`<div class="field field--wide">
              <label class="ce-label" for="credit-reason">${host.m('editor.reason')}</label>
              <input id="credit-reason" class="ce-input" part="credit-reason input" autocomplete="off" maxlength="500"
                aria-invalid=${this.errors.has('reason') ? 'true' : 'false'} aria-describedby=${this.errors.has('reason') ? 'credit-reason-error' : nothing}
                .value=${live(this.reason)} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
              ${this.errors.has('reason') ? html`<p id="credit-reason-error" class="ce-field-error" part="field-error">${this.errors.get('reason')}</p>` : nothing}
            </div>`}
      </div>
      <div class="lines-scroll">
      <table class="table lines" part="editor-lines">
        <thead><tr>
          <th scope="col">${host.m('editor.description')}</th>
          <th scope="col" class="num">${host.m('editor.quantity')}</th>
          <th scope="col" class="num">${host.m('editor.unitPrice')}</th>
          <th scope="col">${host.m('editor.vatRate')}</th>
          <th scope="col" class="num">${host.m('editor.lineTotal')}</th>
          <th scope="col"><span class="ce-visually-hidden">${host.m('column.actions')}</span></th>
        </tr></thead>
        <tbody>
          ${this.lines.map((line, i) => {
            const shown = totals.lines[i];
            const cell = (name: 'description' | 'quantity' | 'unitPrice', label: string, input: 'text' | 'numeric' | 'decimal') => {
              const error = lineError(i, name);
              const id = `line-${line.key}-${name}`;
              return html`<input id=${id} class="ce-input" part="line-${name} input" data-line-field="${i}.${name}" autocomplete="off"
                  inputmode=${input === 'text' ? nothing : input} aria-label=${host.m('editor.lineField', { field: label, line: i + 1 })}
                  aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
                  .value=${live(line[name])} @input=${(e: Event) => this.updateLine(i, { [name]: (e.target as HTMLInputElement).value })} />
                ${error ? html`<p id="${id}-error" class="ce-field-error" part="field-error">${error}</p>` : nothing}`;
            };
            return html`<tr part="editor-line">
              <td>${cell('description', host.m('editor.description'), 'text')}</td>
              <td class="num">${cell('quantity', host.m('editor.quantity'), 'numeric')}</td>
              <td class="num">${cell('unitPrice', host.m('editor.unitPrice'), 'decimal')}</td>
              <td>
                <select class="ce-input" part="line-vat input" aria-label=${host.m('editor.lineField', { field: host.m('editor.vatRate'), line: i + 1 })}
                  .value=${live(line.vatRate)} @change=${(e: Event) => this.updateLine(i, { vatRate: (e.target as HTMLSelectElement).value as VatRate })}>
                  ${VAT_RATES.map((r) => html`<option value=${r}>${host.m(`vat.${r}`)}</option>`)}
                </select>
              </td>
              <td class="num" data-line-total=${i}>${shown ? formatMoney(shown.total, locale) : '—'}</td>
              <td>
                ${this.lines.length > 1
                  ? html`<button type="button" class="ce-button ce-button--quiet" part="remove-line-button"
                      aria-label=${host.m('editor.removeLine', { line: i + 1 })} @click=${() => this.removeLine(i)}>×</button>`
                  : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      </div>
      ${linesError ? html`<p class="ce-field-error" part="field-error">${linesError}</p>` : nothing}
      <button type="button" class="ce-button" part="add-line-button" @click=${() => this.addLine()}>${host.m('editor.addLine')}</button>
      <dl class="totals" part="editor-totals" aria-live="polite">
        <div><dt>${host.m('editor.net')}</dt><dd data-total="net">${formatMoney(totals.net, locale)}</dd></div>
        <div><dt>${host.m(vatExempt ? 'editor.vatExempt' : 'editor.vat')}</dt><dd data-total="vat">${formatMoney(totals.vat, locale)}</dd></div>
        <div><dt>${host.m('editor.total')}</dt><dd data-total="total">${formatMoney(totals.total, locale)}</dd></div>
      </dl>
      <p class="ce-hint">${host.m('editor.vatRule')}</p>
      ${this.error ? html`<p class="ce-message ce-error" part="error" role="alert">${this.error}</p>` : nothing}
      <div class="form-actions">
        <button type="submit" class="ce-button ce-button--primary" part="editor-save-button" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${this.saving ? host.t('action.saving') : host.m(mode === 'invoice' ? 'editor.saveInvoice' : 'editor.saveCredit')}
        </button>
        <button type="button" class="ce-button" part="cancel-button" @click=${() => this.close()}>${host.t('action.cancel')}</button>
      </div>
    </form>`;
  }
}
