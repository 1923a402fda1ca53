import { css } from 'lit';

export const styles = css`
  :host {
    --_overdue: var(--customer-accounts-overdue-color, var(--ce-color-danger-on-quiet, #991b1b));
    --_credit: var(--customer-accounts-credit-color, var(--ce-color-success-on-quiet, #166534));
    display: block;
    container-type: inline-size;
    font-size: var(--_ce-font-size);
  }
  h2,
  h3,
  h4 {
    margin: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ce-space-s);
    margin-block-end: var(--_ce-space-m);
  }
  .heading {
    font-size: 1.25rem;
  }
  .section-heading,
  .panel-title {
    font-size: var(--_ce-font-size);
    margin-block-end: var(--_ce-space-s);
  }
  .quiet {
    color: var(--_ce-text-quiet);
    font-size: var(--_ce-font-size-s);
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--_ce-space-s);
    margin: 0 0 var(--_ce-space-m);
  }
  .figure {
    padding: var(--_ce-space-s) var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface-raised);
  }
  .figure dt {
    color: var(--_ce-text-quiet);
    font-size: var(--_ce-font-size-s);
  }
  .figure dd {
    margin: 0;
    font-size: 1.125rem;
    font-weight: var(--_ce-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .figure .figure-text {
    font-size: var(--_ce-font-size-s);
    font-weight: normal;
  }
  .figure--overdue dd {
    color: var(--_overdue);
  }
  .tag {
    display: inline-block;
    margin-inline-start: var(--_ce-space-2xs);
    padding-inline: var(--_ce-space-xs);
    border-radius: var(--_ce-radius-pill);
    font-size: var(--_ce-font-size-xs);
    font-weight: normal;
    vertical-align: middle;
  }
  .tag--credit {
    border: 1px solid currentColor;
    color: var(--_credit);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-2xs);
    border-block-end: 1px solid var(--_ce-border-quiet);
    margin-block: var(--_ce-space-m) var(--_ce-space-m);
  }
  .tab {
    min-block-size: var(--_ce-control-height);
    padding-inline: var(--_ce-space-m);
    border: 0;
    border-block-end: 3px solid transparent;
    background: transparent;
    color: var(--_ce-text);
    font: inherit;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_ce-brand-fill);
    font-weight: var(--_ce-weight-bold);
  }
  .actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
    margin-block: var(--_ce-space-s);
  }
  .panel {
    margin-block: var(--_ce-space-s) var(--_ce-space-m);
    padding: var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface-raised);
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-m);
    margin-block-end: var(--_ce-space-s);
  }
  .field {
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .field--wide {
    flex: 3 1 16rem;
  }
  .table-scroll {
    overflow: auto;
    max-block-size: 28rem;
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_ce-font-size-s);
  }
  .table th,
  .table td {
    padding: var(--_ce-space-xs) var(--_ce-space-s);
    border-block-end: 1px solid var(--_ce-border-quiet);
    text-align: start;
    vertical-align: top;
  }
  .table thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_ce-fill-quiet);
  }
  .table .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .lines-scroll {
    overflow-x: auto;
  }
  .lines .ce-input {
    min-inline-size: 5rem;
  }
  .table td:first-child,
  .row-actions {
    white-space: nowrap;
  }
  .row-actions .ce-button {
    min-block-size: auto;
    padding-inline: var(--_ce-space-xs);
  }
  .struck {
    text-decoration: line-through;
  }
  .status--overdue {
    color: var(--_overdue);
    font-weight: var(--_ce-weight-bold);
  }
  .status--void {
    color: var(--_ce-text-quiet);
  }
  .void-reason {
    display: block;
  }
  .carried td {
    font-weight: var(--_ce-weight-bold);
    background: var(--_ce-fill-quiet);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
    margin-block: var(--_ce-space-s);
  }
  .totals {
    display: grid;
    grid-template-columns: auto auto;
    justify-content: end;
    gap: var(--_ce-space-2xs) var(--_ce-space-l);
    margin-block: var(--_ce-space-s);
    font-variant-numeric: tabular-nums;
  }
  .totals > div {
    display: contents;
  }
  .totals dd {
    margin: 0;
    text-align: end;
    font-weight: var(--_ce-weight-bold);
  }
  .allocation {
    margin-block: var(--_ce-space-s);
    padding: var(--_ce-space-s) var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
  }
  .choice {
    display: flex;
    align-items: baseline;
    gap: var(--_ce-space-xs);
    margin-block: var(--_ce-space-2xs);
  }
  .invoice-choices {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .result {
    margin-block: var(--_ce-space-s);
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ce-brand-text);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  @container (max-width: 30rem) {
    /* Two figures a row while they fit; one when a figure would not (Arabic money is wider: "10,000.00 UK£"). */
    .figures {
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    }
  }
  @media print {
    :host {
      color: #000;
    }
    /* The statement is the document: it carries its own totals and aged debt. */
    :host([tab='statement']) .header,
    :host([tab='statement']) .summary {
      display: none !important;
    }
    .tabs,
    .actions,
    .form-actions,
    .panel,
    .no-print,
    button:not(.link) {
      display: none !important;
    }
    .table-scroll {
      overflow: visible;
      max-block-size: none;
      border: 0;
    }
    .table thead th {
      position: static;
    }
    .table tr {
      break-inside: avoid;
    }
    .figure {
      border-color: #000;
    }
  }
`;
