import { css } from 'lit';

export { statusStyles } from './status.styles.js';

export const detailStyles = css`
    :host {
      --_gap: var(--order-detail-gap, var(--_ce-space-l));
      --_section-border: var(--order-detail-section-border, var(--_ce-border-quiet));
      display: block;
      font-size: var(--_ce-font-size-s);
    }
    .header {
      display: grid;
      /* One track no wider than the detail: a long order number wraps instead of widening it. */
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_ce-space-xs);
      margin-block-end: var(--_gap);
    }
    .title {
      margin: 0;
      font-size: 1.25rem;
      overflow-wrap: anywhere;
    }
    .hint {
      color: var(--_ce-text-quiet);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ce-space-s);
      margin: 0;
    }
    .meta,
    .totals {
      display: grid;
      /* Columns of 12rem where they fit; one full-width column in a narrower detail. */
      grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
      gap: var(--_ce-space-xs) var(--_ce-space-l);
      margin: 0;
    }
    .meta div,
    .totals div {
      min-inline-size: 0;
    }
    dt {
      color: var(--_ce-text-quiet);
      font-size: var(--_ce-font-size-xs);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ce-space-s);
      padding-block: var(--_ce-space-s);
      border-block: 1px solid var(--_section-border);
    }
    .action-item {
      display: grid;
      align-content: start;
      gap: var(--_ce-space-2xs);
      max-inline-size: 16rem;
    }
    .why {
      margin: 0;
      color: var(--_ce-text-quiet);
      font-size: var(--_ce-font-size-xs);
    }
    .action-form {
      display: grid;
      gap: var(--_ce-space-s);
      margin-block: var(--_ce-space-s);
      padding: var(--_ce-space-m);
      border: 1px solid var(--_section-border);
      border-radius: var(--_ce-radius-m);
      background: var(--_ce-fill-quiet);
    }
    .return-lines {
      display: grid;
      gap: var(--_ce-space-s);
      margin: 0;
      padding: 0;
      border: 0;
    }
    .qty {
      max-inline-size: 8rem;
    }
    .form-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ce-space-s);
    }
    .section {
      padding-block: var(--_ce-space-s);
      border-block-end: 1px solid var(--_section-border);
    }
    .section h3 {
      margin-block: 0 var(--_ce-space-xs);
      font-size: var(--_ce-font-size);
    }
    .table-wrap {
      overflow-x: auto;
    }
    .lines {
      inline-size: 100%;
      border-collapse: collapse;
    }
    .lines th,
    .lines td {
      padding-block: var(--_ce-space-2xs);
      padding-inline: var(--_ce-space-xs);
      border-block-end: 1px solid var(--_section-border);
      text-align: start;
      vertical-align: top;
    }
    .lines .num {
      text-align: end;
      white-space: nowrap;
    }
    .lines .text {
      overflow-wrap: anywhere;
      min-inline-size: 6rem;
    }
    .records {
      display: grid;
      gap: var(--_ce-space-2xs);
      margin: 0;
      padding: 0;
      list-style: none;
      overflow-wrap: anywhere;
    }
    .strong {
      font-weight: var(--_ce-weight-bold);
    }
    .print-download {
      margin-inline-start: var(--_ce-space-s);
    }
    .quiet,
    .empty {
      color: var(--_ce-text-quiet);
    }
    .empty {
      margin: 0;
    }
    .code {
      font-family: ui-monospace, monospace;
    }
    .trigger-state[data-state='pending'] {
      color: var(--_ce-warning-text);
      font-weight: var(--_ce-weight-bold);
    }
    .confirm {
      max-inline-size: min(32rem, 100% - 2rem);
      padding: var(--_ce-space-l);
      border: 1px solid var(--_ce-border);
      border-radius: var(--_ce-radius-m);
      background: var(--_ce-surface-raised);
      color: var(--_ce-text);
      box-shadow: var(--_ce-shadow-popover);
    }
    .confirm form {
      display: grid;
      gap: var(--_ce-space-s);
    }
    .confirm-title {
      margin: 0;
      font-size: var(--_ce-font-size);
    }
    .confirm::backdrop {
      background: rgb(0 0 0 / 0.3);
    }
  `;
