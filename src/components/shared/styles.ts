/**
 * Styles every component shares. They read the design tokens of `src/themes/*.css` with the light
 * theme's values as fallbacks, so a component looks right on a page that loads no theme at all.
 *
 * Token tiers (see `src/themes/tokens.css`):
 * 1. global: `--ce-color-<hue>-<step>`, `--ce-space-*`, `--ce-font-*`, `--ce-radius-*`, `--ce-duration-*`;
 * 2. semantic roles: `--ce-color-surface`, `--ce-color-text`, `--ce-color-<role>-<fill|border|on>-<quiet|normal|loud>`
 *    for the roles neutral, brand, warning, danger, success;
 * 3. component tokens spelled out (`--watch-list-badge-color`), read through private `--_x` copies.
 *
 * The private `--_ce-*` copies below are set on each component's host; components use those.
 */
import { css } from 'lit';

/** `.ce-visually-hidden`: hidden from sight, still read by assistive technology. */
export const visuallyHidden = css`
  .ce-visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/** Host defaults, focus ring, `.ce-visually-hidden`, `[hidden]`, state messages, reduced motion and forced colours. */
export const baseStyles = css`
  ${visuallyHidden}
  :host {
    --_ce-font-family: var(--ce-font-family, inherit);
    --_ce-font-size: var(--ce-font-size-m, 1rem);
    --_ce-font-size-s: var(--ce-font-size-s, 0.875rem);
    --_ce-font-size-xs: var(--ce-font-size-xs, 0.75rem);
    --_ce-line-height: var(--ce-font-line-height, 1.5);
    --_ce-weight-bold: var(--ce-font-weight-bold, 600);
    --_ce-space-2xs: var(--ce-space-2xs, 0.25rem);
    --_ce-space-xs: var(--ce-space-xs, 0.375rem);
    --_ce-space-s: var(--ce-space-s, 0.5rem);
    --_ce-space-m: var(--ce-space-m, 0.75rem);
    --_ce-space-l: var(--ce-space-l, 1rem);
    --_ce-radius-s: var(--ce-radius-s, 0.25rem);
    --_ce-radius-m: var(--ce-radius-m, 0.375rem);
    --_ce-radius-pill: var(--ce-radius-pill, 999px);
    --_ce-control-height: var(--ce-size-control, 2.25rem);
    --_ce-duration-fast: var(--ce-duration-fast, 120ms);

    --_ce-surface: var(--ce-color-surface, #ffffff);
    --_ce-surface-raised: var(--ce-color-surface-raised, #ffffff);
    --_ce-text: var(--ce-color-text, #1b1f24);
    --_ce-text-quiet: var(--ce-color-text-quiet, #57606a);
    --_ce-border: var(--ce-color-neutral-border-normal, #8c959f);
    --_ce-border-quiet: var(--ce-color-border, #d0d7de);
    --_ce-fill-quiet: var(--ce-color-neutral-fill-quiet, #f3f4f6);
    --_ce-focus: var(--ce-color-focus, #1d4ed8);
    --_ce-focus-width: var(--ce-focus-ring-width, 2px);
    --_ce-brand-fill: var(--ce-color-brand-fill-loud, #1d4ed8);
    --_ce-brand-on: var(--ce-color-brand-on-loud, #ffffff);
    --_ce-brand-text: var(--ce-color-brand-on-quiet, #1e40af);
    --_ce-danger-fill-quiet: var(--ce-color-danger-fill-quiet, #fef2f2);
    --_ce-danger-border: var(--ce-color-danger-border-normal, #dc2626);
    --_ce-danger-text: var(--ce-color-danger-on-quiet, #991b1b);
    --_ce-warning-fill-quiet: var(--ce-color-warning-fill-quiet, #fffbeb);
    --_ce-warning-border: var(--ce-color-warning-border-normal, #d97706);
    --_ce-warning-text: var(--ce-color-warning-on-quiet, #78350f);
    --_ce-shadow-popover: var(--ce-shadow-popover, 0 4px 16px rgb(0 0 0 / 0.18));

    box-sizing: border-box;
    font-family: var(--_ce-font-family);
    line-height: var(--_ce-line-height);
    color: var(--_ce-text);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_ce-focus-width) solid var(--_ce-focus);
    outline-offset: 2px;
  }

  /* State messages: configuration, error, empty, skeleton. */
  .ce-message {
    margin: 0;
    padding: var(--_ce-space-s) var(--_ce-space-m);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-fill-quiet);
    color: var(--_ce-text);
    font-size: var(--_ce-font-size-s);
    overflow-wrap: anywhere;
  }
  .ce-message--config {
    border-color: var(--_ce-warning-border);
    background: var(--_ce-warning-fill-quiet);
    color: var(--_ce-warning-text);
  }
  .ce-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
    border-color: var(--_ce-danger-border);
    background: var(--_ce-danger-fill-quiet);
    color: var(--_ce-danger-text);
  }
  /* The conflict flow (shared/conflict.ts) and the permissions message (shared/capabilities.ts). */
  .ce-conflict {
    display: grid;
    gap: var(--_ce-space-s);
    justify-items: start;
    border-inline-start-width: 4px;
    border-color: var(--_ce-warning-border);
    background: var(--_ce-warning-fill-quiet);
    color: var(--_ce-warning-text);
  }
  .ce-conflict p,
  .ce-changes p {
    margin: 0;
  }
  .ce-changes {
    display: grid;
    gap: var(--_ce-space-2xs);
  }
  .ce-changes-list {
    margin: 0;
    padding-inline-start: var(--_ce-space-l);
  }
  .ce-change {
    overflow-wrap: anywhere;
  }
  .ce-permissions {
    margin-block-end: var(--_ce-space-s);
    border-color: var(--_ce-warning-border);
    background: var(--_ce-warning-fill-quiet);
    color: var(--_ce-warning-text);
  }
  .ce-skeleton {
    display: grid;
    gap: var(--_ce-space-s);
    padding-block: var(--_ce-space-xs);
  }
  .ce-skeleton-line {
    display: block;
    block-size: 0.75em;
    inline-size: 100%;
    border-radius: var(--_ce-radius-s);
    background: var(--_ce-fill-quiet);
    animation: ce-shimmer 1.4s ease-in-out infinite alternate;
  }
  .ce-skeleton-line:nth-child(3n + 2) {
    inline-size: 80%;
  }
  .ce-skeleton-line:nth-child(3n + 3) {
    inline-size: 60%;
  }
  @keyframes ce-shimmer {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    .ce-message,
    .ce-skeleton-line {
      border: 1px solid CanvasText;
    }
  }
`;

/** Buttons, inputs, textareas, selects, labels and field errors, by class. */
export const controlStyles = css`
  .ce-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_ce-space-2xs);
    min-block-size: var(--_ce-control-height);
    padding-block: 0;
    padding-inline: var(--_ce-space-m);
    border: 1px solid var(--_ce-border);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface);
    color: var(--_ce-text);
    font: inherit;
    font-size: var(--_ce-font-size-s);
    cursor: pointer;
    transition: background-color var(--_ce-duration-fast) ease-out;
  }
  .ce-button:hover {
    background: var(--_ce-fill-quiet);
  }
  .ce-button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .ce-button--primary {
    border-color: var(--_ce-brand-fill);
    background: var(--_ce-brand-fill);
    color: var(--_ce-brand-on);
  }
  .ce-button--primary:hover {
    background: var(--_ce-brand-fill);
    filter: brightness(1.1);
  }
  .ce-button--quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_ce-brand-text);
  }
  .ce-button--danger {
    border-color: var(--_ce-danger-border);
    color: var(--_ce-danger-text);
  }
  .ce-label {
    display: block;
    margin-block-end: var(--_ce-space-2xs);
    font-size: var(--_ce-font-size-s);
    font-weight: var(--_ce-weight-bold);
  }
  .ce-hint {
    margin-block: 0 var(--_ce-space-2xs);
    color: var(--_ce-text-quiet);
    font-size: var(--_ce-font-size-xs);
  }
  .ce-input {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_ce-control-height);
    padding-block: var(--_ce-space-xs);
    padding-inline: var(--_ce-space-s);
    border: 1px solid var(--_ce-border);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface);
    color: var(--_ce-text);
    font: inherit;
  }
  textarea.ce-input {
    resize: vertical;
  }
  .ce-input[aria-invalid='true'] {
    border-color: var(--_ce-danger-border);
    border-width: 2px;
  }
  .ce-field-error {
    margin-block: var(--_ce-space-2xs) 0;
    color: var(--_ce-danger-text);
    font-size: var(--_ce-font-size-s);
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .ce-button,
    .ce-input {
      border-color: ButtonText;
    }
    .ce-button--primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    .ce-input[aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;

