/** Order entry's totals (the server's figures) and the payment-terms rule in plain words. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Reference } from '../../sdk/schemas.js';
import type { Quote } from '../../sdk/schemas-catalogue.js';
import { formatDate, formatMoney } from '../shared/format.js';
import type { OrderEntryMessageKey } from './order-entry.messages.js';

export interface TotalsView {
  locale: string;
  m(key: OrderEntryMessageKey, params?: Record<string, string | number>): string;
  quote: Quote | undefined;
  reference: Reference | undefined;
}

export function ruleText(v: TotalsView): string {
  const q = v.quote;
  if (!q) return '';
  if (q.dispatch === 'season') {
    const season = v.reference?.seasons.find((s) => s.id === q.seasonId);
    return v.m('ruleSeason', { season: season?.name ?? '', date: formatDate(season?.startsOn, v.locale) });
  }
  const terms = v.reference?.paymentTerms.find((t) => t.id === q.paymentTermsId)?.name ?? '';
  return v.m(q.dispatch === 'awaiting-payment' ? 'ruleAwaitingPayment' : 'ruleQueue', { terms });
}

export function renderTotals(v: TotalsView): TemplateResult | typeof nothing {
  const q = v.quote;
  if (!q || q.lines.length === 0) return nothing;
  const t = q.totals;
  const row = (label: OrderEntryMessageKey, value: string, part: string) =>
    html`<div class="total-row" part=${part}><dt>${v.m(label)}</dt><dd>${value}</dd></div>`;
  return html`<section class="totals" part="totals" aria-labelledby="totals-heading">
    <h3 id="totals-heading" class="ce-visually-hidden">${v.m('totals')}</h3>
    <dl>
      ${row('subtotal', formatMoney(t.subtotal, v.locale), 'subtotal')}
      ${t.discount.amountMinor > 0 ? row('discount', formatMoney({ ...t.discount, amountMinor: -t.discount.amountMinor }, v.locale), 'discount-total') : nothing}
      ${row('shipping', formatMoney(t.shipping, v.locale), 'shipping')}
      ${row('vat', formatMoney(t.tax, v.locale), 'vat')}
      ${row('total', formatMoney(t.total, v.locale), 'total')}
    </dl>
    <p class="ce-hint" part="price-list">${v.m('priceList', { list: q.priceList })}</p>
  </section>`;
}

export function renderRule(v: TotalsView): TemplateResult | typeof nothing {
  const text = ruleText(v);
  if (!text) return nothing;
  return html`<p id="rule" class="rule" part="payment-rule" data-dispatch=${v.quote!.dispatch}>${text}</p>`;
}
