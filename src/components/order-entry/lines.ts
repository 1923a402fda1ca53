/** Order entry's lines: quantity per product, the stock and what will be allocated, prices after discount. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Quote, QuoteLine } from '../../sdk/schemas-catalogue.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import type { OrderEntryMessageKey } from './order-entry.messages.js';

export interface EntryLine {
  sku: string;
  name: string;
  quantity: number;
}

export interface LinesView {
  locale: string;
  m(key: OrderEntryMessageKey, params?: Record<string, string | number>): string;
  lines: readonly EntryLine[];
  /** The server's quote for exactly these lines, or undefined while it is worked out. */
  quote: Quote | undefined;
  /** Field errors from the server, by line index (`lines.2.quantity` → 2). */
  lineErrors: ReadonlyMap<number, string>;
  setQuantity(index: number, value: string): void;
  remove(index: number): void;
  /** Enter in a quantity: back to the finder for the next product (it never places the order). */
  next(): void;
}

function stockText(v: LinesView, q: QuoteLine | undefined, season: boolean): string {
  if (!q) return '';
  if (season) return v.m('stockSeason');
  const n = (x: number) => formatNumber(x, v.locale);
  if (q.available === 0) return v.m('stockNone', { quantity: n(q.quantity) });
  if (q.allocated >= q.quantity) return v.m('stockAll', { available: n(q.available), quantity: n(q.quantity) });
  return v.m('stockPart', { available: n(q.available), allocated: n(q.allocated), rest: n(q.quantity - q.allocated) });
}

function priceCell(v: LinesView, q: QuoteLine | undefined): TemplateResult | typeof nothing {
  if (!q) return nothing;
  const discounted = q.discount !== null && q.unitPrice.amountMinor !== q.listPrice.amountMinor;
  return html`<span class="money">${formatMoney(q.unitPrice, v.locale)}</span>
    ${q.discount
      ? html`<span class="discount" part="line-discount"
          >${q.discount.kind === 'sku' ? v.m('discountSku') : v.m('discountGroup', { percent: formatNumber(q.discount.percent ?? 0, v.locale) })}</span
        >`
      : nothing}
    ${discounted ? html`<span class="list-price" part="line-list-price">${v.m('listPrice', { price: formatMoney(q.listPrice, v.locale) })}</span>` : nothing}`;
}

export function renderLines(v: LinesView): TemplateResult {
  if (v.lines.length === 0) return html`<p class="no-lines" part="no-lines">${v.m('noLines')}</p>`;
  const quoted = v.quote && v.quote.lines.length === v.lines.length ? v.quote : undefined;
  const season = Boolean(v.quote?.seasonId);
  return html`<table class="lines" part="lines">
    <caption class="ce-visually-hidden">${v.m('linesCaption')}</caption>
    <thead>
      <tr>
        <th scope="col">${v.m('colProduct')}</th>
        <th scope="col">${v.m('colQuantity')}</th>
        <th scope="col">${v.m('colStock')}</th>
        <th scope="col" class="num">${v.m('colPrice')}</th>
        <th scope="col" class="num">${v.m('colTotal')}</th>
        <th scope="col"><span class="ce-visually-hidden">${v.m('remove')}</span></th>
      </tr>
    </thead>
    <tbody>
      ${v.lines.map((line, i) => {
        const q = quoted?.lines[i];
        const error = v.lineErrors.get(i);
        return html`<tr part="line" data-sku=${line.sku}>
          <th scope="row" class="product"><span class="sku">${line.sku}</span> <span class="name">${line.name}</span></th>
          <td>
            <input
              class="ce-input qty"
              part="quantity-input"
              type="number"
              inputmode="numeric"
              min="1"
              max="9999"
              step="1"
              aria-label=${v.m('quantityOf', { name: line.name })}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby="stock-${i}${error ? ` error-${i}` : ''}"
              .value=${String(line.quantity)}
              @input=${(e: Event) => v.setQuantity(i, (e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  v.next();
                }
              }}
            />
            ${error ? html`<span id="error-${i}" class="ce-field-error" part="field-error">${error}</span>` : nothing}
          </td>
          <td id="stock-${i}" class="stock" part="line-stock" data-short=${q && !season && q.allocated < q.quantity ? 'true' : 'false'}>${stockText(v, q, season)}</td>
          <td class="num price" data-label=${v.m('colPrice')}>${priceCell(v, q)}</td>
          <td class="num" part="line-total" data-label=${v.m('colTotal')}>${q ? formatMoney(q.total, v.locale) : ''}</td>
          <td>
            <button type="button" class="ce-button ce-button--quiet" part="remove-button" aria-label=${v.m('removeLine', { name: line.name })} @click=${() => v.remove(i)}>
              ${v.m('remove')}
            </button>
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
