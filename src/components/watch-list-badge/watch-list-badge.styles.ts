import { css } from 'lit';

export const styles = css`
  :host {
    --_color: var(--watch-list-badge-color, var(--ce-color-warning-fill-loud, #b45309));
    --_on-color: var(--ce-color-warning-on-loud, #ffffff);
    --_size: var(--watch-list-badge-size, var(--ce-size-icon, 1.125rem));
    --_pulse-duration: var(--watch-list-badge-pulse-duration, var(--ce-duration-attention, 1.6s));

    display: inline-flex;
    position: relative;
    vertical-align: middle;
    max-inline-size: 100%;
  }

  .anchor {
    display: inline-flex;
    position: relative;
    max-inline-size: 100%;
  }

  .trigger {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-xs);
    min-block-size: 24px;
    min-inline-size: 24px;
    margin: 0;
    padding-block: var(--_ce-space-2xs);
    padding-inline: var(--_ce-space-2xs) var(--_ce-space-s);
    border: 1px solid var(--_ce-warning-border);
    border-radius: var(--_ce-radius-pill);
    background: var(--_ce-warning-fill-quiet);
    color: var(--_ce-warning-text);
    font: inherit;
    font-size: var(--_ce-font-size-s);
    font-weight: var(--_ce-weight-bold);
    line-height: 1.2;
    white-space: nowrap;
  }
  button.trigger {
    cursor: pointer;
  }
  button.trigger:hover {
    border-color: var(--_color);
  }
  :host([compact]) .trigger {
    justify-content: center;
    padding: 0;
    border-color: transparent;
    background: transparent;
  }

  .icon {
    display: inline-grid;
    place-items: center;
    position: relative;
    flex: none;
    inline-size: var(--_size);
    block-size: var(--_size);
    border-radius: 50%;
    background: var(--_color);
    color: var(--_on-color);
  }
  .icon svg,
  ::slotted([slot='icon']) {
    inline-size: 72%;
    block-size: 72%;
  }
  /* The pulse: a ring that grows and fades, a few times (under 5 s, WCAG 2.2.2), then stops. */
  .icon::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 50%;
    border: 2px solid var(--_color);
    opacity: 0;
    animation: wlb-pulse var(--_pulse-duration) ease-out 3;
    pointer-events: none;
  }
  @keyframes wlb-pulse {
    from {
      transform: scale(1);
      opacity: 0.85;
    }
    to {
      transform: scale(2);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .icon::after {
      animation: none;
    }
    /* A steady highlight in place of the pulse. */
    .icon {
      box-shadow:
        0 0 0 2px var(--_ce-surface),
        0 0 0 4px var(--_color);
    }
  }

  .tooltip {
    position: absolute;
    inset-block-start: calc(100% + var(--_ce-space-2xs));
    inset-inline-start: 0;
    z-index: 20;
    inline-size: max-content;
    max-inline-size: min(40ch, 80vw);
    padding-block: var(--_ce-space-xs);
    padding-inline: var(--_ce-space-s);
    border: 1px solid var(--_ce-border-quiet);
    border-inline-start: 4px solid var(--_color);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface-raised);
    box-shadow: var(--_ce-shadow-popover);
    color: var(--_ce-text);
    font-size: var(--_ce-font-size-s);
    font-weight: normal;
    line-height: var(--_ce-line-height);
    text-align: start;
    white-space: normal;
  }
  .tooltip.flip-inline {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  .tooltip.flip-block {
    inset-block-start: auto;
    inset-block-end: calc(100% + var(--_ce-space-2xs));
  }
  .note {
    display: block;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .meta {
    display: block;
    margin-block-start: var(--_ce-space-2xs);
    color: var(--_ce-text-quiet);
    font-size: var(--_ce-font-size-xs);
    overflow-wrap: anywhere;
  }

  .add {
    min-block-size: 24px;
    padding-inline: var(--_ce-space-xs);
  }

  .editor {
    inline-size: min(32rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: var(--_ce-space-l);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-m);
    background: var(--_ce-surface-raised);
    box-shadow: var(--_ce-shadow-popover);
    color: var(--_ce-text);
    font-family: var(--_ce-font-family);
  }
  .editor::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .editor-title {
    margin-block: 0 var(--_ce-space-m);
    font-size: var(--ce-font-size-l, 1.125rem);
    font-weight: var(--_ce-weight-bold);
  }
  .editor textarea {
    min-block-size: 6rem;
    overflow-wrap: anywhere;
  }
  .editor .ce-error {
    margin-block-start: var(--_ce-space-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
    margin-block-start: var(--_ce-space-m);
  }
  .actions .clear {
    margin-inline-start: auto;
  }

  @media (forced-colors: active) {
    .icon {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .icon::after {
      border-color: Highlight;
    }
    .trigger,
    .tooltip,
    .editor {
      border-color: CanvasText;
    }
  }
`;
