import { css } from 'lit';

/**
 * One column of collapsible sections by default; two columns when the element is at least 48rem
 * wide, three from 75rem. The queries read the host's own inline size (it is the container), so
 * the screen fits a narrow side panel and a wide page alike, whatever the viewport.
 */
export const screenStyles = css`
  :host {
    --_gap: var(--customer-screen-gap, var(--_ce-space-l));
    --_padding: var(--customer-screen-padding, 0);
    --_section-bg: var(--customer-screen-section-background, var(--_ce-surface));
    --_section-border: var(--customer-screen-section-border, 1px solid var(--_ce-border-quiet));
    --_section-padding: var(--customer-screen-section-padding, var(--_ce-space-m));
    --_radius: var(--customer-screen-radius, var(--_ce-radius-m));
    --_on-hold-color: var(--customer-screen-on-hold-color, var(--_ce-danger-text));
    --_on-hold-bg: var(--customer-screen-on-hold-background, var(--_ce-danger-fill-quiet));
    display: block;
    container-type: inline-size;
  }

  .screen {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_padding);
  }
  .text {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }

  /* Header */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_ce-space-s) var(--_gap);
  }
  .identity {
    flex: 1 1 16rem;
    min-inline-size: 0;
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
  }
  .name {
    margin: 0;
    font-size: var(--customer-screen-name-size, var(--ce-font-size-xl, 1.375rem));
    line-height: 1.25;
    min-inline-size: 0;
  }
  .trading-name {
    margin: var(--_ce-space-2xs) 0 0;
    color: var(--_ce-text-quiet);
  }
  .on-hold {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-2xs);
    padding-block: var(--_ce-space-2xs);
    padding-inline: var(--_ce-space-s);
    border: 2px solid var(--_on-hold-color);
    border-radius: var(--_ce-radius-pill);
    background: var(--_on-hold-bg);
    color: var(--_on-hold-color);
    font-size: var(--_ce-font-size-s);
    font-weight: var(--_ce-weight-bold);
  }
  .standing {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-2xs) var(--_ce-space-l);
    margin: var(--_ce-space-2xs) 0 0;
  }
  .figure {
    display: flex;
    align-items: baseline;
    gap: var(--_ce-space-xs);
  }
  .figure dt {
    color: var(--_ce-text-quiet);
  }
  .figure dd {
    margin: 0;
    font-weight: var(--_ce-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .figure dd.negative {
    color: var(--_ce-danger-text);
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
  }
  a.ce-button {
    text-decoration: none;
  }

  /* Sections */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    align-items: start;
  }
  .section,
  .aside {
    min-inline-size: 0;
  }
  .section {
    padding: var(--_section-padding);
    border: var(--_section-border);
    border-radius: var(--_radius);
    background: var(--_section-bg);
  }
  .section-heading {
    margin: 0;
    font-size: var(--customer-screen-heading-size, var(--ce-font-size-l, 1.125rem));
  }
  .disclosure {
    display: flex;
    align-items: center;
    gap: var(--_ce-space-s);
    inline-size: 100%;
    min-block-size: var(--_ce-control-height);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .chevron {
    display: inline-block;
    inline-size: 0.5em;
    block-size: 0.5em;
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: rotate(45deg);
    transition: transform var(--_ce-duration-fast) ease-out;
  }
  .collapsed .chevron {
    transform: rotate(-45deg);
  }
  /*
   * The chevron is drawn with logical borders, so right to left its corner starts at the other
   * side (bottom-left): turn it the other way to point down when open and to the left (the
   * reading direction) when closed.
   */
  :host(:dir(rtl)) .chevron {
    transform: rotate(-45deg);
  }
  :host(:dir(rtl)) .collapsed .chevron {
    transform: rotate(45deg);
  }
  .title {
    display: none;
  }
  .section-body {
    margin-block-start: var(--_ce-space-s);
  }
  .collapsed .section-body {
    display: none;
  }

  /* The screen shows the name, badge and on-hold flag once, in its header, and titles each section
     itself: the children's own copies are not shown. */
  .section-details .child::part(header) {
    display: none;
  }
  .child::part(heading) {
    display: none;
  }
  /* The card's eight sections, compact: less padding and gap, narrower columns so more sit side by side. */
  .section-details .child {
    --customer-card-gap: var(--customer-screen-card-gap, var(--_ce-space-s));
    --customer-card-padding: var(--customer-screen-card-padding, var(--_ce-space-s));
    --customer-card-section-min-width: var(--customer-screen-card-section-min-width, 15rem);
  }

  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: var(--customer-screen-columns-wide, minmax(0, 3fr) minmax(0, 2fr));
      /* The orders and the notes first, side by side; the tall card below, its extra height going to
         the last row it spans, so nothing beside it is pushed down. */
      grid-template-rows: auto auto auto 1fr;
      grid-template-areas:
        'orders notes'
        'details addresses'
        'details attachments'
        'details aside';
    }
    /* Every section is open in the wide layouts: the heading is a plain title. */
    .disclosure {
      display: none;
    }
    .title {
      display: inline;
    }
    .collapsed .section-body {
      display: block;
    }
    .section-details {
      grid-area: details;
    }
    .section-orders {
      grid-area: orders;
    }
    .section-notes {
      grid-area: notes;
    }
    .section-addresses {
      grid-area: addresses;
    }
    .section-attachments {
      grid-area: attachments;
    }
    .aside {
      grid-area: aside;
    }
  }

  @container (min-width: 75rem) {
    .layout {
      grid-template-columns: var(--customer-screen-columns-widest, minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr));
      /* The order table and the card keep two columns' width: seven columns, eight sections. */
      grid-template-areas:
        'orders orders notes'
        'details details addresses'
        'details details attachments'
        'details details aside';
    }
  }

  /* The view dialog (accounts, order entry, discounts) */
  .view-dialog {
    inline-size: min(72rem, 100vw - 2rem);
    max-block-size: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_ce-border);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface-raised);
    color: var(--_ce-text);
    box-shadow: var(--_ce-shadow-popover);
  }
  .view-dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .view-head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ce-space-m);
    padding-block: var(--_ce-space-s);
    padding-inline: var(--_ce-space-l);
    border-block-end: 1px solid var(--_ce-border-quiet);
    background: var(--_ce-surface-raised);
  }
  .view-heading {
    margin: 0;
    font-size: var(--customer-screen-heading-size, var(--ce-font-size-l, 1.125rem));
  }
  .view-body {
    padding: var(--_ce-space-l);
  }

  @media (forced-colors: active) {
    .section {
      border: 1px solid CanvasText;
    }
    .on-hold {
      border-color: CanvasText;
    }
  }
`;
