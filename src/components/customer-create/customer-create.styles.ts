import { css } from 'lit';

export const customerCreateStyles = css`
  :host {
    --_gap: var(--customer-create-gap, var(--_ce-space-m));
    --_section-border: var(--customer-create-section-border-color, var(--_ce-border-quiet));
    --_warning-bg: var(--customer-create-warning-background, var(--_ce-warning-fill-quiet));
    display: block;
    container-type: inline-size;
  }
  .form {
    display: grid;
    gap: var(--_gap);
  }
  h2 {
    margin: 0;
    font-size: var(--ce-font-size-l, 1.125rem);
  }
  .ce-hint {
    margin: 0;
  }
  .section {
    margin: 0;
    padding: var(--_gap);
    border: 1px solid var(--_section-border);
    border-radius: var(--_ce-radius-m);
    display: grid;
    gap: var(--_ce-space-s);
    min-inline-size: 0;
  }
  legend {
    padding-inline: var(--_ce-space-2xs);
    font-weight: var(--_ce-weight-bold);
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_ce-space-s) var(--_gap);
  }
  @container (min-width: 36rem) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .wide {
      grid-column: 1 / -1;
    }
  }
  .field {
    min-inline-size: 0;
  }
  .field.checkbox {
    display: flex;
    align-items: center;
    gap: var(--_ce-space-xs);
    align-self: end;
    min-block-size: var(--_ce-control-height);
  }
  .field.checkbox input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .optional {
    font-weight: normal;
    color: var(--_ce-text-quiet);
  }
  .hint-after {
    margin-block: var(--_ce-space-2xs) 0;
  }
  .contact {
    margin: 0;
    padding: var(--_ce-space-s);
    border: 1px dashed var(--_section-border);
    border-radius: var(--_ce-radius-m);
    display: grid;
    gap: var(--_ce-space-s);
    min-inline-size: 0;
  }
  .contact .remove {
    justify-self: start;
  }
  .none {
    margin: 0;
    color: var(--_ce-text-quiet);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
  }
  .summary {
    display: block;
  }
  .summary h3 {
    margin: 0 0 var(--_ce-space-xs);
    font-size: var(--_ce-font-size-m, 1rem);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: var(--_ce-space-l);
  }
  .summary a {
    color: inherit;
    font-weight: var(--_ce-weight-bold);
  }
  .summary .form-error {
    margin: var(--_ce-space-xs) 0 0;
  }
  .summary:focus-visible,
  .success:focus-visible {
    outline: var(--_ce-focus-width) solid var(--_ce-focus);
    outline-offset: 2px;
  }
  .duplicates-text {
    margin: 0;
  }
  .duplicate-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-xs);
  }
  [part~='add-contact-button'] {
    justify-self: start;
  }
  .duplicates.has-matches {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: grid;
    gap: var(--_ce-space-xs);
    padding: var(--_ce-space-s) var(--_ce-space-m);
    border: 1px solid var(--_ce-warning-border);
    border-inline-start-width: 4px;
    border-radius: var(--_ce-radius-m);
    background: var(--_warning-bg);
    color: var(--_ce-warning-text);
  }
  .duplicates:not(.has-matches) {
    display: contents;
  }
  .duplicate-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-xs);
  }
  .duplicate-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-xs);
  }
  .success {
    display: grid;
    gap: var(--_ce-space-s);
    padding: var(--_gap);
    border: 1px solid var(--_ce-success-border, var(--_section-border));
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-success-fill-quiet, transparent);
  }
  .success-text {
    margin: 0;
    font-weight: var(--_ce-weight-bold);
  }
  @media (forced-colors: active) {
    .duplicates.has-matches,
    .success {
      border-color: CanvasText;
    }
  }
`;
