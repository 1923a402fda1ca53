/**
 * The Statement tab of `<customer-accounts>`: the account for a chosen period (opening balance,
 * every entry with its running balance, closing balance, aged debt), printable (the element's
 * `@media print` rules leave only the statement on paper), as CSV (the server's, the same rows) and
 * as PDF.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { tags, type Statement } from '../../sdk/index.js';
import { formatDate, formatDateTime, formatMoney } from '../shared/format.js';
import { ResourceController } from '../shared/resource.js';
import { renderError, renderSkeleton } from '../shared/states.js';
import type { AccountsHost } from './host.js';
import { saveBlob } from './ledger-list.js';
import { today } from './payment-form.js';

/** The first day of the month three months before today: a statement's usual period. */
function defaultFrom(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 3);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`;
}

export class StatementView {
  from = defaultFrom();
  to = today();
  periodError = '';
  downloading: 'csv' | 'pdf' | undefined;

  readonly data: ResourceController<Statement, readonly [string, string, string]>;

  constructor(private readonly host: AccountsHost) {
    this.data = new ResourceController(host, {
      args: () => (host.customerId && host.tab === 'statement' && this.from <= this.to ? ([host.customerId, this.from, this.to] as const) : undefined),
      load: ([id, from, to], signal, client) => client.accounts.statement(id, { from, to }, { signal }),
      tags: ([id]) => [tags.ledger(id)],
      keepValueOnArgsChange: true,
    });
  }

  private setPeriod(which: 'from' | 'to', value: string): void {
    if (!value) return;
    this[which] = value;
    this.periodError = this.from > this.to ? this.host.m('statement.periodInvalid') : '';
    this.host.requestUpdate();
  }

  private async download(kind: 'csv' | 'pdf'): Promise<void> {
    const host = this.host;
    const client = host.api;
    const id = host.customerId;
    if (!client || !id || this.downloading) return;
    this.downloading = kind;
    host.requestUpdate();
    const query = { from: this.from, to: this.to };
    try {
      const blob = kind === 'csv' ? await client.accounts.statementCsv(id, query) : await client.accounts.statementPdf(id, query);
      saveBlob(blob, `statement-${id}-${this.from}-${this.to}.${kind}`);
      host.announce(host.m('statement.downloaded'));
    } catch {
      host.announce(host.m('document.failed'));
    } finally {
      this.downloading = undefined;
      host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const host = this.host;
    const s = this.data.value;
    return html`<section part="statement" class="statement" aria-labelledby="statement-heading">
      <h3 id="statement-heading" class="section-heading">${host.m('statement.heading')}</h3>
      <div class="field-row period no-print">
        <div class="field">
          <label class="ce-label" for="statement-from">${host.m('period.from')}</label>
          <input id="statement-from" type="date" class="ce-input" part="statement-from input" .value=${live(this.from)}
            aria-invalid=${this.periodError ? 'true' : 'false'} aria-describedby=${this.periodError ? 'statement-period-error' : nothing}
            @change=${(e: Event) => this.setPeriod('from', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="ce-label" for="statement-to">${host.m('period.to')}</label>
          <input id="statement-to" type="date" class="ce-input" part="statement-to input" .value=${live(this.to)}
            @change=${(e: Event) => this.setPeriod('to', (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      ${this.periodError ? html`<p id="statement-period-error" class="ce-field-error" part="field-error">${this.periodError}</p>` : nothing}
      <div class="actions" part="statement-actions">
        <button type="button" class="ce-button" part="print-button" @click=${() => window.print()}>${host.m('statement.print')}</button>
        <button type="button" class="ce-button" part="csv-button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${() => void this.download('csv')}>
          ${host.m('statement.csv')}
        </button>
        <button type="button" class="ce-button" part="pdf-button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${() => void this.download('pdf')}>
          ${host.m('statement.pdf')}
        </button>
      </div>
      ${this.data.status === 'error'
        ? renderError(host, this.data.error, () => this.data.reload())
        : s
          ? this.renderStatement(s)
          : renderSkeleton(5, host.t('state.loading'))}
    </section>`;
  }

  private renderStatement(s: Statement): TemplateResult {
    const host = this.host;
    const locale = host.resolvedLocale;
    const money = (amountMinor: number) => formatMoney({ amountMinor, currency: s.currency }, locale);
    return html`<div class="statement-doc" part="statement-document">
      <p class="statement-title" part="statement-title">
        <strong dir="auto">${s.customerName}</strong>${s.accountsReference ? html` <span dir="auto">(${s.accountsReference})</span>` : nothing}<br />
        ${host.m('statement.period', { from: formatDate(s.from, locale), to: formatDate(s.to, locale) })}
      </p>
      <dl class="figures figures--statement" part="statement-totals">
        <div class="figure"><dt>${host.m('statement.opening')}</dt><dd data-figure="opening">${formatMoney(s.openingBalance, locale)}</dd></div>
        <div class="figure"><dt>${host.m('statement.debits')}</dt><dd data-figure="debits">${formatMoney(s.debits, locale)}</dd></div>
        <div class="figure"><dt>${host.m('statement.credits')}</dt><dd data-figure="credits">${formatMoney(s.credits, locale)}</dd></div>
        <div class="figure"><dt>${host.m('statement.closing')}</dt><dd data-figure="closing">${formatMoney(s.closingBalance, locale)}</dd></div>
      </dl>
      ${s.entries.length === 0
        ? html`<p class="ce-message" part="empty">${host.m('statement.noEntries')}</p>`
        : html`<div class="table-scroll" part="statement-table-scroll" tabindex="0" role="region" aria-label=${host.m('statement.tableLabel')}>
            <table class="table" part="statement-table">
              <thead><tr>
                <th scope="col">${host.m('column.date')}</th>
                <th scope="col">${host.m('column.type')}</th>
                <th scope="col">${host.m('column.reference')}</th>
                <th scope="col">${host.m('column.due')}</th>
                <th scope="col" class="num">${host.m('statement.debit')}</th>
                <th scope="col" class="num">${host.m('statement.credit')}</th>
                <th scope="col" class="num">${host.m('column.balance')}</th>
              </tr></thead>
              <tbody>
                <tr class="carried"><td colspan="6">${host.m('statement.opening')}</td><td class="num">${formatMoney(s.openingBalance, locale)}</td></tr>
                ${s.entries.map((e) => {
                  const isVoid = e.status === 'void';
                  const amount = e.amount.amountMinor;
                  return html`<tr part="statement-row" data-entry=${e.id} data-status=${e.status}>
                    <td>${formatDate(e.date, locale)}</td>
                    <td>${host.m(`type.${e.type}`)}${isVoid ? html` <span class="quiet">(${host.m('status.void')})</span>` : nothing}</td>
                    <td dir="auto">${e.reference}</td>
                    <td>${e.dueDate ? formatDate(e.dueDate, locale) : ''}</td>
                    <td class="num ${isVoid ? 'struck' : ''}">${amount > 0 ? money(amount) : ''}</td>
                    <td class="num ${isVoid ? 'struck' : ''}">${amount < 0 ? money(-amount) : ''}</td>
                    <td class="num">${formatMoney(e.balanceAfter, locale)}</td>
                  </tr>`;
                })}
                <tr class="carried"><td colspan="6">${host.m('statement.closing')}</td><td class="num">${formatMoney(s.closingBalance, locale)}</td></tr>
              </tbody>
            </table>
          </div>`}
      <h4 class="panel-title">${host.m('aged.heading')}</h4>
      <dl class="figures figures--aged" part="statement-aged">
        <div class="figure"><dt>${host.m('aged.current')}</dt><dd>${formatMoney(s.agedDebt.current, locale)}</dd></div>
        <div class="figure"><dt>${host.m('aged.30')}</dt><dd>${formatMoney(s.agedDebt.days30, locale)}</dd></div>
        <div class="figure"><dt>${host.m('aged.60')}</dt><dd>${formatMoney(s.agedDebt.days60, locale)}</dd></div>
        <div class="figure"><dt>${host.m('aged.90')}</dt><dd>${formatMoney(s.agedDebt.days90Plus, locale)}</dd></div>
        <div class="figure"><dt>${host.m('summary.unallocated')}</dt><dd>${formatMoney(s.unallocatedCredit, locale)}</dd></div>
      </dl>
      <p class="quiet">${host.m('statement.generated', { at: formatDateTime(s.generatedAt, locale) })}</p>
    </div>`;
  }
}
