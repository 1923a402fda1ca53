import { css } from 'lit';
import { baseStyles, controlStyles, visuallyHidden } from '../shared/styles.js';

const own = css`
  :host {
    display: block;
    max-inline-size: 100%;
    min-inline-size: 0;
    --_gap: var(--_ce-space-s);
    --_list-max-block-size: var(--customer-search-list-max-block-size, 24rem);
    --_option-padding: var(--customer-search-option-padding, var(--_ce-space-s) var(--_ce-space-m));
    --_option-gap: var(--customer-search-option-gap, var(--_ce-space-2xs));
    --_highlight: var(--customer-search-highlight-color, var(--ce-color-brand-fill-quiet, #dbeafe));
    --_highlight-text: var(--customer-search-highlight-text-color, var(--_ce-text));
    --_on-hold: var(--customer-search-on-hold-color, var(--_ce-danger-text));
    --_on-hold-bg: var(--customer-search-on-hold-background, var(--_ce-danger-fill-quiet));
    --_watch: var(--customer-search-watch-list-color, var(--_ce-warning-text));
    --_watch-bg: var(--customer-search-watch-list-background, var(--_ce-warning-fill-quiet));
    --_letter-size: var(--customer-search-letter-size, 2rem);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin-block-end: var(--_gap);
  }

  .field,
  .combobox {
    display: flex;
    flex-direction: column;
    gap: var(--_ce-space-2xs);
    min-inline-size: 0;
  }

  .field {
    flex: 1 1 12rem;
  }

  select.ce-input {
    min-inline-size: 0;
    max-inline-size: 100%;
  }

  .alphabet {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    margin-block-end: var(--_gap);
  }

  .letter {
    inline-size: var(--_letter-size);
    block-size: var(--_letter-size);
    min-inline-size: 0;
    padding: 0;
    display: inline-grid;
    place-items: center;
  }

  .letter[aria-pressed='true'] {
    background: var(--_highlight);
    color: var(--_highlight-text);
    font-weight: 700;
    outline: 2px solid currentColor;
    outline-offset: -2px;
  }

  .popup {
    margin-block-start: var(--_ce-space-2xs);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface-raised);
    min-inline-size: 0;
    overflow: hidden;
  }

  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-block-size: var(--_list-max-block-size);
    overflow-block: auto;
    overflow-y: auto;
    overflow-x: hidden;
    overscroll-behavior: contain;
  }

  .option {
    display: flex;
    flex-direction: column;
    gap: var(--_option-gap);
    padding: var(--_option-padding);
    cursor: pointer;
    border-block-end: 1px solid var(--_ce-border-quiet);
    min-inline-size: 0;
    overflow-wrap: anywhere;
    word-break: break-word;
  }

  .option:last-child {
    border-block-end: none;
  }

  .option:hover {
    background: color-mix(in srgb, var(--_highlight) 50%, transparent);
  }

  .option.active {
    background: var(--_highlight);
    color: var(--_highlight-text);
    outline: 2px solid currentColor;
    outline-offset: -2px;
  }

  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-2xs) var(--_gap);
    min-inline-size: 0;
  }

  .name {
    font-weight: var(--_ce-weight-bold);
    min-inline-size: 0;
  }

  .trading {
    color: var(--_ce-text-quiet);
    min-inline-size: 0;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_gap);
    font-size: var(--_ce-font-size-s);
    color: var(--_ce-text-quiet);
    min-inline-size: 0;
  }

  .option.active .trading,
  .option.active .meta {
    color: inherit;
  }

  .meta-item {
    min-inline-size: 0;
  }

  .meta-item + .meta-item::before {
    /* A separator to see, not to hear. */
    content: '·' / '';
    margin-inline-end: var(--_gap);
  }

  .flag {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font-size: 0.8125em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }

  .on-hold,
  .watch-list {
    padding-block: 0.0625rem;
    padding-inline: 0.375rem;
    border: 2px solid currentColor;
    border-radius: var(--_ce-radius-m);
  }

  .on-hold {
    color: var(--_on-hold);
    background: var(--_on-hold-bg);
  }

  .watch-list {
    color: var(--_watch);
    background: var(--_watch-bg);
  }

  .empty,
  .error {
    margin: 0;
    padding: var(--_option-padding);
    overflow-wrap: anywhere;
  }

  .create {
    margin-inline: var(--_ce-space-m);
    margin-block-end: var(--_ce-space-s);
  }

  .load-more {
    display: block;
    inline-size: 100%;
    border: none;
    border-block-start: 1px solid var(--_ce-border-quiet);
    border-radius: 0;
  }

  .status {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    min-block-size: 1.5em;
    margin-block-start: var(--_ce-space-2xs);
    font-size: var(--_ce-font-size-s);
    color: var(--_ce-text-quiet);
    overflow-wrap: anywhere;
  }

  .spinner {
    inline-size: 0.875em;
    block-size: 0.875em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: customer-search-spin 0.8s linear infinite;
  }

  @keyframes customer-search-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .option.active {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .letter[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .on-hold,
    .watch-list {
      border-color: CanvasText;
    }
  }
`;

export const styles = [baseStyles, controlStyles, visuallyHidden, own];
