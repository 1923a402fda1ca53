import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--order-entry-gap, var(--_ce-space-l));
    --_accent: var(--order-entry-accent, var(--_ce-brand-text));
    display: block;
    container-type: inline-size;
  }
  .entry {
    display: grid;
    /* One column that never grows past the host: a long customer or address name wraps instead. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    overflow-wrap: anywhere;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_ce-space-m);
  }
  .title {
    margin: 0;
    font-size: 1.25rem;
  }
  .customer {
    display: block;
    font-size: 0.95rem;
    font-weight: normal;
    color: var(--_ce-text-quiet);
  }
  .season,
  .finder,
  .reference,
  .address-field {
    display: grid;
    gap: var(--_ce-space-2xs);
    min-inline-size: 0;
  }
  .ce-hint {
    margin: 0;
  }
  .finder {
    position: relative;
  }
  [role='listbox'] {
    position: absolute;
    inset-block-start: calc(100% - 1.25rem);
    inset-inline: 0;
    z-index: 2;
    margin: 0;
    padding: var(--_ce-space-2xs);
    list-style: none;
    max-block-size: 20rem;
    overflow-y: auto;
    background: var(--_ce-surface-raised);
    border: 1px solid var(--_ce-border);
    border-radius: var(--_ce-radius-m);
    box-shadow: var(--_ce-shadow-popover);
  }
  [role='option'] {
    display: grid;
    grid-template-columns: 9rem 1fr auto auto;
    gap: var(--_ce-space-s);
    align-items: baseline;
    padding-block: var(--_ce-space-xs);
    padding-inline: var(--_ce-space-s);
    border-radius: var(--_ce-radius-s);
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_ce-brand-fill);
    color: var(--_ce-brand-on);
    outline: 2px solid var(--_ce-focus);
  }
  .stock[data-empty='true'],
  .stock[data-short='true'] {
    color: var(--_ce-warning-text);
  }
  [role='option'][aria-selected='true'] .stock {
    color: inherit;
  }
  .sku {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .finder-empty {
    margin: 0;
    color: var(--_ce-text-quiet);
  }
  .lines {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .lines th,
  .lines td {
    padding-block: var(--_ce-space-xs);
    padding-inline: var(--_ce-space-xs);
    border-block-end: 1px solid var(--_ce-border-quiet);
    text-align: start;
    vertical-align: top;
  }
  .lines thead th {
    font-size: 0.85rem;
    color: var(--_ce-text-quiet);
  }
  .lines .product {
    font-weight: normal;
  }
  .lines .product .name {
    display: block;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .lines .num {
    text-align: end;
  }
  .qty {
    inline-size: 6rem;
  }
  .price .discount,
  .price .list-price {
    display: block;
    font-size: 0.85rem;
  }
  .discount {
    color: var(--_accent);
    font-weight: 600;
  }
  .list-price {
    color: var(--_ce-text-quiet);
  }
  .no-lines {
    margin: 0;
    color: var(--_ce-text-quiet);
  }
  .addresses {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: var(--_ce-space-m);
    margin: 0;
    padding: var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    min-inline-size: 0;
  }
  .addresses legend {
    padding-inline: var(--_ce-space-2xs);
    font-weight: 600;
  }
  .addresses select,
  .season select {
    inline-size: 100%;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .summary {
    display: grid;
    gap: var(--_ce-space-s);
  }
  .totals dl {
    display: grid;
    gap: var(--_ce-space-2xs);
    margin: 0;
    max-inline-size: 22rem;
    margin-inline-start: auto;
  }
  .total-row {
    display: flex;
    justify-content: space-between;
    gap: var(--_ce-space-l);
    font-variant-numeric: tabular-nums;
  }
  .total-row dd {
    margin: 0;
  }
  .total-row[part~='total'] {
    font-weight: 700;
    font-size: 1.1rem;
    border-block-start: 1px solid var(--_ce-border);
    padding-block-start: var(--_ce-space-2xs);
  }
  .total-row[part~='discount-total'] dd {
    color: var(--_accent);
  }
  .totals .ce-hint {
    text-align: end;
  }
  .rule {
    margin: 0;
    padding: var(--_ce-space-s) var(--_ce-space-m);
    border-inline-start: 4px solid var(--_ce-brand-fill);
    background: var(--_ce-fill-quiet);
    border-radius: var(--_ce-radius-s);
  }
  .rule[data-dispatch='awaiting-payment'],
  .rule[data-dispatch='season'] {
    border-inline-start-color: var(--_ce-warning-border);
    background: var(--_ce-warning-fill-quiet);
    color: var(--_ce-warning-text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
  }
  @container (max-width: 40rem) {
    .lines thead {
      display: none;
    }
    .lines,
    .lines tbody,
    .lines tr,
    .lines th,
    .lines td {
      display: block;
    }
    .lines tr {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: var(--_ce-space-2xs) var(--_ce-space-s);
      padding-block: var(--_ce-space-s);
      border-block-end: 1px solid var(--_ce-border-quiet);
    }
    .lines th,
    .lines td {
      border: 0;
      padding: 0;
    }
    .lines .product,
    .lines .stock,
    .lines .price,
    .lines [part~='line-total'] {
      grid-column: 1 / -1;
    }
    /* The header row is hidden in cards: each figure says what it is. */
    .lines td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--_ce-text-quiet);
    }
    .lines .price .money {
      font-weight: 600;
    }
    [role='option'] {
      grid-template-columns: 1fr auto;
    }
    [role='option'] .name {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
`;
