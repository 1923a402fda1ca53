import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--customer-discounts-gap, var(--_ce-space-l));
    display: block;
  }
  .discounts {
    display: grid;
    /* One column that never grows past the host: a long group name or SKU wraps instead. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    overflow-wrap: anywhere;
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1rem;
  }
  .intro {
    margin: 0;
    color: var(--_ce-text-quiet);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding-block: var(--_ce-space-xs);
    padding-inline: var(--_ce-space-xs);
    border-block-end: 1px solid var(--_ce-border-quiet);
    text-align: start;
    vertical-align: top;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .empty {
    margin: 0;
    color: var(--_ce-text-quiet);
  }
  fieldset {
    display: grid;
    gap: var(--_ce-space-s);
    margin: 0;
    padding: var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    min-inline-size: 0;
  }
  legend {
    padding-inline: var(--_ce-space-2xs);
    font-weight: 600;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(10rem, 1fr) minmax(7rem, 10rem) auto;
    gap: var(--_ce-space-s);
    align-items: end;
  }
  .field {
    display: grid;
    gap: var(--_ce-space-2xs);
    min-inline-size: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
  }
  @media (max-width: 30rem) {
    .row {
      grid-template-columns: 1fr;
    }
  }
`;
