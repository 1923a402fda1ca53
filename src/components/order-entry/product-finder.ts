/**
 * Order entry's product finder: a combobox over the catalogue (SKU, name or barcode), searched
 * through the SDK as the clerk types (debounced; a newer query aborts the older one), with the
 * listbox driven from the keyboard: arrows choose, Enter adds, Escape closes. A barcode scanner
 * that types the code and Enter adds the product in one go.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { tags, type Page } from '../../sdk/index.js';
import type { Product } from '../../sdk/schemas-catalogue.js';
import { errorMessage } from '../shared/i18n.js';
import { ResourceController } from '../shared/resource.js';
import type { CeElement } from '../shared/base.js';
import type { OrderEntryMessageKey } from './order-entry.messages.js';

/** How long typing must pause before a search is sent. */
const SEARCH_DELAY_MS = 200;
const RESULTS = 8;

export interface FinderHost extends CeElement {
  m(key: OrderEntryMessageKey, params?: Record<string, string | number>): string;
  /** The price to show beside a product in the list: the customer's list and season. */
  optionPrice(product: Product): string | undefined;
  /** Add the product to the order (the host focuses its quantity). */
  addProduct(product: Product): void;
}

export class ProductFinder implements ReactiveController {
  readonly #host: FinderHost;
  /** What is in the field. */
  text = '';
  /** What was searched (after the pause). */
  #query = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  open = false;
  active = -1;

  readonly results: ResourceController<Page<Product>, readonly [string]>;

  constructor(host: FinderHost) {
    this.#host = host;
    this.results = new ResourceController<Page<Product>, readonly [string]>(host, {
      args: () => (this.#query ? ([this.#query] as const) : undefined),
      load: ([q], signal, client) => client.products.search({ q, limit: RESULTS }, { signal }),
      tags: () => [tags.products()],
      keepValueOnArgsChange: true,
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  get items(): Product[] {
    return this.#query && this.results.value ? this.results.value.items : [];
  }

  #onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.open = this.text.trim() !== '';
    this.active = -1;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#query = this.text.trim();
      this.#host.requestUpdate();
    }, SEARCH_DELAY_MS);
    this.#host.requestUpdate();
  };

  #choose(product: Product): void {
    this.text = '';
    this.#query = '';
    this.open = false;
    this.active = -1;
    this.#host.addProduct(product);
  }

  #onKeydown = async (event: KeyboardEvent): Promise<void> => {
    const count = this.items.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open = true;
        if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.open = true;
        if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.open = false;
          this.active = -1;
        }
        break;
      case 'Enter': {
        event.preventDefault();
        const typed = this.text.trim();
        if (!typed) return;
        // A scanner types fast and presses Enter: wait for the answer to what was typed. Always
        // through an update: the debounce may have set the query without the search having
        // started yet, and the results shown would still be the previous query's.
        clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#query = typed;
        this.#host.requestUpdate();
        await this.#host.updateComplete;
        await this.results.settled();
        const items = this.items;
        const exact = items.find((p) => p.barcode === typed || p.sku.toUpperCase() === typed.toUpperCase());
        const chosen = this.active >= 0 ? items[this.active] : (exact ?? (items.length === 1 ? items[0] : undefined));
        if (chosen) this.#choose(chosen);
        else this.open = true;
        break;
      }
      default:
        return;
    }
    this.#host.requestUpdate();
  };

  render(): TemplateResult {
    const h = this.#host;
    const items = this.items;
    const expanded = this.open && this.text.trim() !== '';
    const activeId = this.active >= 0 && items[this.active] ? `product-${this.active}` : undefined;
    let status = '';
    if (expanded && this.results.status === 'error') status = h.m('finderError', { reason: errorMessage(this.results.error, (k, p) => h.t(k, p)) });
    else if (expanded && this.#query && this.results.status === 'ready') {
      status = items.length ? h.m('finderResults', { count: this.results.value?.total ?? items.length }) : h.m('finderEmpty', { q: this.#query });
    }
    return html`<div class="finder" part="product-finder">
      <label class="ce-label" for="finder">${h.m('finderLabel')}</label>
      <input
        id="finder"
        class="ce-input"
        part="product-search"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls="products"
        aria-describedby="finder-hint"
        aria-expanded=${expanded && items.length > 0 ? 'true' : 'false'}
        aria-activedescendant=${activeId ?? nothing}
        .value=${live(this.text)}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @blur=${() => {
          if (!this.open) return;
          this.open = false;
          h.requestUpdate();
        }}
      />
      <p id="finder-hint" class="ce-hint">${h.m('finderHint')}</p>
      <ul id="products" role="listbox" part="product-list" aria-label=${h.m('finderLabel')} ?hidden=${!expanded || items.length === 0}>
        ${items.map((p, i) => {
          const stock = p.stock.reduce((n, s) => n + s.available, 0);
          return html`<li
            id="product-${i}"
            role="option"
            part="product-option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.#choose(p)}
          >
            <span class="sku">${p.sku}</span>
            <span class="name">${p.name}</span>
            <span class="price">${h.optionPrice(p) ?? ''}</span>
            <span class="stock" data-empty=${stock === 0 ? 'true' : 'false'}>${stock ? h.m('optionStock', { count: stock }) : h.m('optionNoStock')}</span>
          </li>`;
        })}
      </ul>
      <p class="ce-visually-hidden" role="status">${status}</p>
      ${status && expanded && items.length === 0 ? html`<p class="finder-empty" part="product-empty">${status}</p>` : nothing}
    </div>`;
  }
}

