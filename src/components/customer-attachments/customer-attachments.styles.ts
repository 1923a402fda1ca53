import { css } from 'lit';

export const attachmentsStyles = css`
  :host {
    --_gap: var(--customer-attachments-gap, var(--_ce-space-m));
    --_row-padding: var(--customer-attachments-row-padding, var(--_ce-space-s) var(--_ce-space-m));
    --_row-bg: var(--customer-attachments-row-background, var(--_ce-surface));
    --_border: var(--customer-attachments-border-color, var(--_ce-border-quiet));
    --_radius: var(--customer-attachments-radius, var(--_ce-radius-m));
    --_drop-bg: var(--customer-attachments-dropzone-background, var(--_ce-fill-quiet));
    --_drop-active-bg: var(--customer-attachments-dropzone-active-background, var(--ce-color-brand-fill-quiet, #e8f0fe));
    --_drop-active-border: var(--customer-attachments-dropzone-active-border-color, var(--_ce-brand-fill));
    --_progress: var(--customer-attachments-progress-color, var(--_ce-brand-fill));
    --_muted: var(--customer-attachments-muted-color, var(--_ce-text-quiet));
    display: block;
    container-type: inline-size;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  h2 {
    margin: 0;
    font-size: var(--customer-attachments-heading-size, var(--ce-font-size-l, 1.125rem));
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--_ce-focus-width) solid var(--_ce-focus);
  }
  .text {
    overflow-wrap: anywhere;
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

  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ce-space-s);
    padding: var(--_ce-space-m);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_drop-bg);
  }
  .dropzone.dragging {
    border-color: var(--_drop-active-border);
    background: var(--_drop-active-bg);
  }
  .limits {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
    font-size: var(--_ce-font-size-xs);
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_ce-space-s);
  }
  .upload {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: center;
    gap: var(--_ce-space-2xs) var(--_ce-space-s);
    padding: var(--_row-padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_row-bg);
  }
  .upload .name {
    grid-column: 1 / -1;
    font-weight: var(--_ce-weight-bold);
  }
  .upload progress {
    inline-size: 100%;
    block-size: 0.5rem;
    accent-color: var(--_progress);
  }
  .percent {
    font-size: var(--_ce-font-size-s);
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .upload.failed {
    border-color: var(--_ce-danger-border);
    background: var(--_ce-danger-fill-quiet);
  }
  .upload.failed .upload-error {
    grid-column: 1 / 3;
  }
  .upload-error {
    margin: 0;
    color: var(--_ce-danger-text);
    font-size: var(--_ce-font-size-s);
  }

  .attachment {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_ce-space-2xs);
    padding: var(--_row-padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_row-bg);
  }
  .name {
    margin: 0;
    font-weight: var(--_ce-weight-bold);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-2xs);
    margin: 0;
    color: var(--_muted);
    font-size: var(--_ce-font-size-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ce-space-s);
  }
  .row-error {
    margin: 0;
    color: var(--_ce-danger-text);
    font-size: var(--_ce-font-size-s);
  }
  .empty {
    margin: 0;
    color: var(--_muted);
  }

  /* Wide enough: name and details on the left, buttons on the right. */
  @container (min-width: 32rem) {
    .attachment {
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
    }
    .attachment .name,
    .attachment .meta {
      grid-column: 1;
    }
    .attachment .actions {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
    .attachment .row-error {
      grid-column: 1 / -1;
    }
    .upload {
      grid-template-columns: minmax(8rem, 1fr) minmax(6rem, 2fr) auto auto;
    }
    .upload .name {
      grid-column: auto;
    }
    .upload.failed {
      grid-template-columns: minmax(8rem, 1fr) minmax(0, 3fr) auto;
    }
    .upload.failed .upload-error {
      grid-column: auto;
    }
  }

  dialog {
    max-inline-size: min(28rem, calc(100vw - 2rem));
    padding: var(--_ce-space-l);
    border: 1px solid var(--_ce-border);
    border-radius: var(--_radius);
    background: var(--_ce-surface-raised);
    color: var(--_ce-text);
    box-shadow: var(--_ce-shadow-popover);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog h3 {
    margin-block: 0 var(--_ce-space-s);
  }
  dialog .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_ce-space-s);
    margin-block-start: var(--_ce-space-m);
  }
  .error {
    margin: 0;
    color: var(--_ce-danger-text);
  }

  @media (forced-colors: active) {
    .dropzone,
    .attachment,
    .upload {
      border-color: CanvasText;
    }
    .dropzone.dragging {
      border-color: Highlight;
    }
  }
`;
