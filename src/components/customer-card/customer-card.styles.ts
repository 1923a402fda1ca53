import { css } from 'lit';
import { baseStyles, controlStyles } from '../shared/styles.js';

const cardStyles = css`
  :host {
    --_gap: var(--customer-card-gap, var(--_ce-space-l));
    --_padding: var(--customer-card-padding, var(--_ce-space-l));
    --_section-background: var(--customer-card-section-background, var(--_ce-surface-raised));
    --_border: var(--customer-card-border, 1px solid var(--_ce-border-quiet));
    --_radius: var(--customer-card-radius, var(--_ce-radius-m));
    --_section-min: var(--customer-card-section-min-width, 18rem);
    --_on-hold-color: var(--customer-card-on-hold-color, var(--_ce-danger-text));
    --_on-hold-background: var(--customer-card-on-hold-background, var(--_ce-danger-fill-quiet));

    display: block;
    container-type: inline-size;
    min-inline-size: 0;
    font-size: var(--_ce-font-size);
  }

  article {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }

  /*
   * Server text: never breaks out of its box, never reorders the text around it, and reads in its
   * own direction ("126 Kings Road" and "020 7946 0559" stay as typed in a right-to-left card).
   */
  .text,
  dd,
  h2,
  h3,
  li {
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
    min-inline-size: 0;
  }
  /*
   * unicode-bidi: plaintext makes start/end follow each paragraph's own direction (and Chromium
   * computes match-parent to start), so the alignment with the component is said physically.
   */
  :host(:dir(ltr)) :is(.text, dd, h2, h3, li) {
    text-align: left;
  }
  :host(:dir(rtl)) :is(.text, dd, h2, h3, li) {
    text-align: right;
  }

  header {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    gap: var(--_ce-space-2xs) var(--_gap);
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
    min-inline-size: 0;
    /* Room for the badge's button, so the header does not grow when the badge has loaded. */
    min-block-size: var(--_ce-control-height);
  }
  h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }
  header > p {
    grid-column: 1;
    margin: 0;
    color: var(--_ce-text-quiet);
  }
  .actions {
    grid-column: 2;
    grid-row: 1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
  }

  /* Text and a symbol in a box with a heavy border: unmistakable without colour. */
  .on-hold {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-2xs);
    padding-block: 0;
    padding-inline: var(--_ce-space-s);
    border: 2px solid var(--_on-hold-color);
    border-radius: var(--_ce-radius-s);
    background: var(--_on-hold-background);
    color: var(--_on-hold-color);
    font-weight: var(--_ce-weight-bold);
    font-size: var(--_ce-font-size-s);
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  dd .on-hold {
    text-transform: none;
  }

  .sections {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_section-min)), 1fr));
    gap: var(--_gap);
    align-items: start;
  }
  .section {
    /* Each section lays its fields out for its own width (see the container query below). */
    container: ce-card-section / inline-size;
    display: grid;
    gap: var(--_ce-space-s);
    min-inline-size: 0;
    padding: var(--_padding);
    border: var(--_border);
    border-radius: var(--_radius);
    background: var(--_section-background);
  }
  .section-wide {
    grid-column: 1 / -1;
  }
  .section-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ce-space-s);
    min-inline-size: 0;
    /* Titles line up across sections with and without an Edit button. */
    min-block-size: var(--_ce-control-height);
  }
  h3 {
    margin: 0;
    font-size: 1em;
    font-weight: var(--_ce-weight-bold);
  }

  .fields {
    display: grid;
    gap: var(--_ce-space-xs);
    margin: 0;
  }
  .fields > .field {
    display: grid;
    /* A label's longest word never runs under its value: the label column is at least that wide. */
    grid-template-columns: minmax(min-content, 2fr) minmax(0, 3fr);
    gap: var(--_ce-space-s);
  }
  dt {
    color: var(--_ce-text-quiet);
    font-size: var(--_ce-font-size-s);
    overflow-wrap: break-word;
  }
  /*
   * A narrow section puts each label above its value: long labels ("Buchhaltungsreferenz",
   * "Zahlungsbedingungen", "معفى من ضريبة القيمة المضافة الأوروبية") get the whole width.
   */
  @container ce-card-section (max-width: 28rem) {
    .fields > .field {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
  dd {
    margin: 0;
  }
  .money {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .note {
    margin: 0;
    color: var(--_ce-text-quiet);
    font-size: var(--_ce-font-size-s);
  }
  [part~='dispatch-rule'] {
    padding-inline-start: var(--_ce-space-s);
    border-inline-start: 3px solid var(--_ce-border);
    color: var(--_ce-text);
  }

  .form {
    display: grid;
    gap: var(--_ce-space-m);
    min-inline-size: 0;
  }
  .form > .field {
    min-inline-size: 0;
  }
  .field.check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
  }
  .field.check .ce-label {
    margin: 0;
  }
  .field.check input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
  }
  .field.check .ce-hint,
  .field.check .ce-field-error {
    flex-basis: 100%;
  }
  .form-actions,
  .contact-actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
  }
  .confirm p {
    flex-basis: 100%;
    margin: 0;
  }
  .form-error {
    margin: 0;
    padding: var(--_ce-space-s) var(--_ce-space-m);
    border: 1px solid var(--_ce-danger-border);
    border-inline-start-width: 4px;
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-danger-fill-quiet);
    color: var(--_ce-danger-text);
    overflow-wrap: anywhere;
  }
  ul.form-error {
    padding-inline-start: var(--_ce-space-l);
  }

  .contacts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--_ce-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .contact {
    display: grid;
    gap: var(--_ce-space-xs);
    align-content: start;
    min-inline-size: 0;
    padding: var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
  }
  .contact-name {
    margin: 0;
    font-weight: var(--_ce-weight-bold);
  }

  @container (max-width: 24rem) {
    .fields > .field {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    header {
      grid-template-columns: minmax(0, 1fr);
    }
    .actions {
      grid-column: 1;
      grid-row: auto;
    }
  }

  @media (forced-colors: active) {
    .on-hold,
    .section,
    .form-error {
      border-color: CanvasText;
    }
  }
`;

export const styles = [baseStyles, controlStyles, cardStyles];
