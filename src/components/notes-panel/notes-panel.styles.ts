import { css } from 'lit';

export const notesPanelStyles = css`
  :host {
    --_gap: var(--notes-panel-gap, var(--_ce-space-m));
    --_note-padding: var(--notes-panel-note-padding, var(--_ce-space-m));
    --_note-bg: var(--notes-panel-note-background, var(--_ce-surface));
    --_note-border: var(--notes-panel-note-border-color, var(--_ce-border-quiet));
    --_pinned-bg: var(--notes-panel-pinned-background, var(--_ce-warning-fill-quiet));
    --_pinned-border: var(--notes-panel-pinned-border-color, var(--_ce-warning-border));
    --_system-bg: var(--notes-panel-system-background, var(--_ce-fill-quiet));
    --_muted: var(--notes-panel-muted-color, var(--_ce-text-quiet));
    --_radius: var(--notes-panel-radius, var(--_ce-radius-m));
    --_clamp: var(--notes-panel-line-clamp, 3);
    --_error: var(--notes-panel-error-color, var(--_ce-danger-text));
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
    font-size: var(--notes-panel-heading-size, var(--ce-font-size-l, 1.125rem));
    margin: 0;
    margin-inline-end: auto;
  }

  fieldset.filter {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
    border: 0;
    margin: 0;
    padding: 0;
  }
  fieldset.filter legend {
    float: inline-start;
    margin-inline-end: var(--_ce-space-s);
    padding: 0;
  }
  fieldset.filter label {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-2xs);
  }

  ol.list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  li.note {
    background: var(--_note-bg);
    border: 1px solid var(--_note-border);
    border-radius: var(--_radius);
    padding: var(--_note-padding);
    min-inline-size: 0;
  }
  li.note.system {
    background: var(--_system-bg);
  }
  li.note.pinned {
    background: var(--_pinned-bg);
    border-color: var(--_pinned-border);
    border-inline-start-width: 4px;
  }
  li.note.removed .text {
    color: var(--_muted);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-2xs) var(--_ce-space-s);
    align-items: baseline;
    color: var(--_muted);
    font-size: var(--_ce-font-size-s);
    margin: 0 0 var(--_ce-space-2xs);
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding-inline: var(--_ce-space-2xs);
    border: 1px solid currentColor;
    border-radius: var(--_ce-radius-s);
    font-size: var(--_ce-font-size-xs);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_clamp);
    line-clamp: var(--_clamp);
    overflow: hidden;
  }
  /* The full text on hover and on keyboard focus. */
  .text.truncated:hover,
  .text.truncated:focus {
    -webkit-line-clamp: unset;
    line-clamp: unset;
    display: block;
    overflow: visible;
  }
  .text.truncated {
    cursor: help;
  }
  /* A system note told from its changes: one sentence a line, never clamped (sentences are short). */
  .sentences {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .sentence {
    display: block;
  }
  /* A wrapped sentence must not read as two: a little space between sentences. */
  .sentence + .sentence {
    margin-block-start: var(--_ce-space-2xs);
  }
  /* Server text never reorders what is around it (RTL overrides stay inside). */
  .meta > span,
  .sentence,
  .removed-by {
    unicode-bidi: isolate;
  }
  /* A note reads in its own direction (an English note in an Arabic panel), aligned with the panel. */
  .text {
    unicode-bidi: plaintext;
  }
  /*
   * unicode-bidi: plaintext makes start/end follow each paragraph's own direction (and Chromium
   * computes match-parent to start), so the alignment with the component is said physically.
   */
  :host(:dir(ltr)) :is(.text) {
    text-align: left;
  }
  :host(:dir(rtl)) :is(.text) {
    text-align: right;
  }
  .removed-by {
    margin: var(--_ce-space-2xs) 0 0;
    overflow-wrap: anywhere;
    color: var(--_muted);
    font-style: italic;
  }
  .actions {
    display: flex;
    gap: var(--_ce-space-s);
    margin-block-start: var(--_ce-space-s);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    margin-block-start: var(--_gap);
  }
  .count {
    color: var(--_muted);
  }

  .error {
    color: var(--_error);
    margin-block: var(--_ce-space-s);
  }

  dialog {
    inline-size: min(36rem, calc(100vw - 2rem));
    border: 1px solid var(--_note-border);
    border-radius: var(--_radius);
    padding: var(--_ce-space-l);
    background: var(--notes-panel-editor-background, var(--_ce-surface));
    color: inherit;
  }
  dialog::backdrop {
    background: var(--notes-panel-backdrop, rgb(0 0 0 / 0.35));
  }
  dialog h3 {
    margin-block: 0 var(--_ce-space-m);
  }
  .field {
    display: grid;
    gap: var(--_ce-space-2xs);
    margin-block-end: var(--_ce-space-m);
  }
  dialog textarea.ce-input {
    min-block-size: 8rem;
    resize: vertical;
    font: inherit;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_ce-space-s);
    margin-block-end: var(--_ce-space-m);
  }
  .hint {
    color: var(--_muted);
    font-size: var(--_ce-font-size-s);
    margin: 0 0 var(--_ce-space-m);
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_ce-space-s);
  }

  @media (forced-colors: active) {
    li.note.pinned {
      border-color: Highlight;
    }
  }
`;
