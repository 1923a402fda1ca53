import { css } from 'lit';

export const tableStyles = css`
    :host {
      --_rh: var(--order-table-row-height, 2.5rem);
      --_block-size: var(--order-table-block-size, 28rem);
      --_header-bg: var(--order-table-header-background, var(--_ce-fill-quiet));
      --_stripe: var(--order-table-stripe, color-mix(in srgb, var(--_ce-fill-quiet) 55%, transparent));
      --_hover: var(--order-table-hover, var(--ce-color-brand-fill-quiet, #eff6ff));
      --_cols: var(
        --order-table-columns,
        minmax(8rem, 1.1fr) minmax(7rem, 1fr) minmax(5rem, 0.6fr) minmax(7rem, 0.9fr) minmax(8rem, 1fr)
          minmax(8rem, 1.2fr) minmax(6rem, 0.7fr)
      );
      --_min-inline: 49rem;
      display: block;
      position: relative;
      /* The grid's layout follows the table's own width (see the stacked rows below). */
      container-type: inline-size;
      font-size: var(--_ce-font-size-s);
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_ce-space-s) var(--_ce-space-m);
      margin-block-end: var(--_ce-space-s);
    }
    .tool {
      display: flex;
      flex-direction: column;
      min-inline-size: 10rem;
    }
    /* A fixed width: options arriving (channels, seasons) never reflow the toolbar under the pointer. */
    .tool select {
      inline-size: 15rem;
      max-inline-size: 100%;
    }
    .host-tools {
      flex-direction: row;
      align-items: end;
      gap: var(--_ce-space-s);
      margin-inline-start: auto;
    }
    .count {
      margin-block: 0 var(--_ce-space-2xs);
      min-block-size: 1.5em;
      color: var(--_ce-text-quiet);
    }

    .grid {
      position: relative;
      block-size: var(--_block-size);
      overflow: auto;
      overscroll-behavior: contain;
      border: 1px solid var(--_ce-border-quiet);
      border-radius: var(--_ce-radius-m);
      background: var(--_ce-surface);
      contain: strict;
    }
    .head {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      min-inline-size: var(--_min-inline);
    }
    .body {
      position: relative;
      min-inline-size: var(--_min-inline);
      block-size: calc(var(--_count, 0) * var(--_rh));
      /* Past the height cap rows are drawn up by --_shift rows (scaled scrolling): one drawn below
         the spacer must not make it scroll further. */
      overflow: clip;
    }
    .row {
      display: grid;
      grid-template-columns: var(--_cols);
      align-items: center;
      block-size: var(--_rh);
    }
    .body > .row {
      position: absolute;
      inset-inline: 0;
      inset-block-start: 0;
      transform: translateY(calc((var(--_i, 0) - var(--_shift, 0)) * var(--_rh)));
      overflow: hidden;
      /* Fixed size, own layout and paint: a row entering or leaving touches nothing else. */
      contain: strict;
      cursor: pointer;
    }
    .body > .row.odd {
      background: var(--_stripe);
    }
    .body > .row:hover {
      background: var(--_hover);
    }
    .header {
      background: var(--_header-bg);
      border-block-end: 1px solid var(--_ce-border-quiet);
      font-weight: var(--_ce-weight-bold);
    }
    .cell {
      display: flex;
      align-items: center;
      gap: var(--_ce-space-2xs);
      block-size: 100%;
      min-inline-size: 0;
      padding-inline: var(--_ce-space-s);
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    /* Body cells are plain blocks (fewer boxes per row than flex: rows are re-styled while scrolling). */
    .gc {
      block-size: 100%;
      min-inline-size: 0;
      padding-inline: var(--_ce-space-s);
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      line-height: var(--_rh);
    }
    .gc-quantity,
    .gc-cost {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .gc-number {
      font-weight: var(--_ce-weight-bold);
    }
    .gc .status,
    .gc .priority {
      vertical-align: middle;
    }
    .gc:focus-visible,
    .gc:focus,
    .cell:focus-visible,
    .cell:focus {
      outline: var(--_ce-focus-width) solid var(--_ce-focus);
      outline-offset: calc(-1 * var(--_ce-focus-width));
    }
    .cell.num {
      justify-content: flex-end;
      font-variant-numeric: tabular-nums;
    }
    .sortable {
      cursor: pointer;
      user-select: none;
    }
    .sortable:hover .label {
      text-decoration: underline;
    }
    .sort-indicator {
      font-size: 0.75em;
    }
    .placeholder {
      display: inline-block;
      vertical-align: middle;
      inline-size: 70%;
      block-size: 0.7em;
      border-radius: var(--_ce-radius-s);
      background: var(--_ce-fill-quiet);
    }
    .probe {
      position: absolute;
      visibility: hidden;
      pointer-events: none;
      inline-size: 1px;
      block-size: var(--_rh);
    }
    .empty {
      margin-block-start: var(--_ce-space-s);
    }

    .dialog {
      inline-size: min(60rem, 100% - 2rem);
      max-block-size: min(90vh, 100% - 2rem);
      padding: var(--_ce-space-l);
      border: 1px solid var(--_ce-border);
      border-radius: var(--_ce-radius-m);
      background: var(--_ce-surface-raised);
      color: var(--_ce-text);
      box-shadow: var(--_ce-shadow-popover);
    }
    .dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
    /* Close stays in the corner while the detail scrolls, above the detail's header (which leaves
       room for it), so that the pointer always reaches it. */
    .dialog-head {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      display: flex;
      justify-content: flex-end;
      margin-block-end: calc(-1 * var(--_ce-control-height));
      pointer-events: none;
    }
    .dialog-head > .close {
      pointer-events: auto;
    }
    .dialog [part~='detail']::part(header) {
      padding-inline-end: calc(var(--_ce-space-l) + 5rem);
    }
    /* Narrow: each order in two lines, number, status and cost first, so that everything shows
       without a sideways scroll. Header cells take the same places, so sorting stays at hand. */
    @container (max-width: 44rem) {
      .grid,
      .probe {
        --_rh: var(--order-table-stacked-row-height, 4rem);
        --_min-inline: 0;
      }
      /* The priority flag is a marker here (its word is read, not shown; its title names it), so
         that the sales channel's name and the column headers fit at 320 px. */
      .row {
        grid-template-columns: minmax(0, 1.25fr) minmax(0, 1.2fr) 1.75rem minmax(0, 1fr);
        grid-template-rows: 1fr 1fr;
        grid-template-areas:
          'number status priority cost'
          'date channel channel quantity';
        align-items: stretch;
      }
      .gc .priority > .word,
      .h-priority > .label {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .gc .priority {
        font-size: var(--_ce-font-size);
      }
      .row > :nth-child(1) { grid-area: number; }
      .row > :nth-child(2) { grid-area: date; }
      .row > :nth-child(3) { grid-area: quantity; }
      .row > :nth-child(4) { grid-area: cost; }
      .row > :nth-child(5) { grid-area: status; }
      .row > :nth-child(6) { grid-area: channel; }
      .row > :nth-child(7) { grid-area: priority; }
      .gc {
        line-height: calc(var(--_rh) / 2);
      }
      .gc,
      .cell {
        padding-inline: var(--_ce-space-2xs);
      }
      .gc-date,
      .gc-channel,
      .gc-quantity {
        color: var(--_ce-text-quiet);
      }
      /* The filters share the lines instead of taking one each. */
      .tool {
        flex: 1 1 9rem;
        min-inline-size: 0;
      }
      .tool select {
        inline-size: 100%;
      }
      .host-tools {
        flex-basis: 100%;
        flex-wrap: wrap;
      }
    }
    /* Narrowest (a phone held upright): three lines, so the order number, status and cost are
       never cut. */
    @container (max-width: 22rem) {
      .grid,
      .probe {
        --_rh: var(--order-table-narrowest-row-height, 6rem);
      }
      .row {
        grid-template-columns: minmax(0, 1fr) 1.75rem minmax(0, max-content);
        grid-template-rows: 1fr 1fr 1fr;
        grid-template-areas:
          'number number cost'
          'status priority quantity'
          'date channel channel';
      }
      .gc {
        line-height: calc(var(--_rh) / 3);
      }
    }

    @media (forced-colors: active) {
      .header {
        border-block-end-color: CanvasText;
      }
      .cell:focus,
      .gc:focus {
        outline-color: Highlight;
      }
    }
  `;
