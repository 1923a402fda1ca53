import { css } from 'lit';

export const addressBookStyles = css`
  :host {
    --_gap: var(--address-book-gap, var(--_ce-space-m));
    --_card-padding: var(--address-book-card-padding, var(--_ce-space-m));
    --_card-bg: var(--address-book-card-background, var(--_ce-surface));
    --_card-border: var(--address-book-card-border-color, var(--_ce-border-quiet));
    --_radius: var(--address-book-radius, var(--_ce-radius-m));
    --_columns: var(--address-book-min-card-width, 16rem);
    --_badge-bg: var(--address-book-role-background, var(--ce-color-brand-fill-quiet, #e8f0fe));
    --_badge-fg: var(--address-book-role-color, var(--_ce-brand-text));
    --_muted: var(--address-book-muted-color, var(--_ce-text-quiet));
    --_error: var(--address-book-error-color, var(--_ce-danger-text));
    display: block;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    margin-block-end: var(--_gap);
  }
  h2 {
    font-size: var(--address-book-heading-size, var(--ce-font-size-l, 1.125rem));
    margin: 0;
    margin-inline-end: auto;
  }
  form.search {
    display: flex;
    align-items: center;
    gap: var(--_ce-space-s);
  }

  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_columns)), 1fr));
    gap: var(--_gap);
  }
  li.card {
    background: var(--_card-bg);
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    padding: var(--_card-padding);
    display: flex;
    flex-direction: column;
    gap: var(--_ce-space-s);
    min-inline-size: 0;
  }
  li.card.editing {
    grid-column: 1 / -1;
  }
  .label {
    font-weight: 600;
    margin: 0;
  }
  .lines {
    margin: 0;
    font-style: normal;
  }
  /* Each postal line reads in its own direction, aligned with the card. */
  .line,
  .label {
    display: block;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  /*
   * unicode-bidi: plaintext makes start/end follow each paragraph's own direction (and Chromium
   * computes match-parent to start), so the alignment with the component is said physically.
   */
  :host(:dir(ltr)) :is(.line, .label) {
    text-align: left;
  }
  :host(:dir(rtl)) :is(.line, .label) {
    text-align: right;
  }

  ul.roles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-2xs);
  }
  ul.roles li {
    background: var(--_badge-bg);
    color: var(--_badge-fg);
    border-radius: var(--_ce-radius-s);
    padding-block: 0.125rem;
    padding-inline: var(--_ce-space-s);
    font-size: var(--_ce-font-size-s);
  }
  ul.roles li strong {
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: var(--_ce-space-s);
    margin-block-start: auto;
  }

  nav.pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
    margin-block-start: var(--_gap);
  }

  form.address-form {
    display: grid;
    gap: var(--_ce-space-m);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    background: var(--_card-bg);
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    padding: var(--_card-padding);
    margin-block-end: var(--_gap);
  }
  form.address-form h3,
  form.address-form .wide {
    grid-column: 1 / -1;
    margin: 0;
  }
  .field {
    display: grid;
    gap: var(--_ce-space-2xs);
    align-content: start;
  }
  .optional {
    color: var(--_muted);
    font-weight: normal;
  }
  .hint {
    color: var(--_muted);
    font-size: var(--_ce-font-size-s);
    margin: 0;
  }
  .field-error,
  .error {
    color: var(--_error);
    margin: 0;
  }
  .field-error {
    font-size: var(--_ce-font-size-s);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  fieldset.roles {
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s) var(--_ce-space-l);
  }
  fieldset.roles legend {
    padding-inline: var(--_ce-space-2xs);
  }
  fieldset.roles .hint {
    flex-basis: 100%;
  }
  fieldset.roles label {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-2xs);
    min-inline-size: 0;
  }
  fieldset.roles .holder {
    color: var(--_muted);
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_ce-space-s);
  }

  dialog {
    inline-size: min(30rem, calc(100vw - 2rem));
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    padding: var(--_ce-space-l);
    background: var(--address-book-dialog-background, var(--_ce-surface));
    color: inherit;
  }
  dialog::backdrop {
    background: var(--address-book-backdrop, rgb(0 0 0 / 0.35));
  }
  dialog h3 {
    margin-block: 0 var(--_ce-space-s);
  }
  dialog p {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
`;
