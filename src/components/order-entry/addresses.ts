/** Order entry's addresses: delivery and billing, chosen from the customer's address book. */
import { html, type TemplateResult } from 'lit';
import type { Address } from '../../sdk/schemas.js';
import type { OrderEntryMessageKey } from './order-entry.messages.js';

export interface AddressesView {
  m(key: OrderEntryMessageKey, params?: Record<string, string | number>): string;
  addresses: readonly Address[];
  deliveryId: string | undefined;
  billingId: string | undefined;
  choose(role: 'delivery' | 'billing', id: string): void;
  error: string | undefined;
}

/** The address in one line: label, first line, town, postcode. */
export const addressLine = (a: Address) => [a.label, a.line1, a.city, a.postcode].filter((x) => typeof x === 'string' && x.trim()).join(', ');

/** The default for a role: the address holding it, else the first. */
export function defaultAddress(addresses: readonly Address[], role: 'delivery' | 'billing'): string | undefined {
  return (addresses.find((a) => a.roles.includes(role)) ?? addresses[0])?.id;
}

export function renderAddresses(v: AddressesView): TemplateResult {
  if (v.addresses.length === 0) return html`<p class="ce-message" part="no-addresses">${v.m('noAddresses')}</p>`;
  const select = (role: 'delivery' | 'billing', value: string | undefined) => html`<div class="address-field">
    <label class="ce-label" for="${role}-address">${v.m(role)}</label>
    <select
      id="${role}-address"
      class="ce-input"
      part="${role}-address"
      @change=${(e: Event) => v.choose(role, (e.target as HTMLSelectElement).value)}
    >
      ${v.addresses.map((a) => html`<option value=${a.id} ?selected=${a.id === value}>${addressLine(a)}</option>`)}
    </select>
  </div>`;
  return html`<fieldset class="addresses" part="addresses">
    <legend>${v.m('addresses')}</legend>
    ${select('delivery', v.deliveryId)} ${select('billing', v.billingId)}
    ${v.error ? html`<p class="ce-field-error" part="field-error">${v.error}</p>` : ''}
  </fieldset>`;
}
