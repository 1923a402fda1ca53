import { css } from 'lit';

/** Status colours shared by the table and the detail; the status is always in words too. */
export const statusStyles = css`
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-2xs);
    padding-inline: var(--_ce-space-xs);
    border: 1px solid var(--_ce-border-quiet);
    border-radius: var(--_ce-radius-pill);
    font-size: var(--_ce-font-size-xs);
    font-weight: var(--_ce-weight-bold);
    line-height: 1.6;
    white-space: nowrap;
  }
  .status::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .status[data-status='unallocated'] {
    border-color: var(--_ce-warning-border);
    background: var(--_ce-warning-fill-quiet);
    color: var(--_ce-warning-text);
  }
  .status[data-status='allocated'] {
    border-color: var(--ce-color-brand-border-normal, #3b82f6);
    background: var(--ce-color-brand-fill-quiet, #eff6ff);
    color: var(--_ce-brand-text);
  }
  .status[data-status='dispatched'] {
    border-color: var(--ce-color-success-border-normal, #16a34a);
    background: var(--ce-color-success-fill-quiet, #f0fdf4);
    color: var(--ce-color-success-on-quiet, #14532d);
  }
  .status[data-status='cancelled'] {
    border-color: var(--_ce-border);
    background: var(--_ce-fill-quiet);
    color: var(--_ce-text-quiet);
  }
  .status[data-status='cancelled']::before {
    border-radius: 0;
    block-size: 2px;
  }
  .priority {
    display: inline-flex;
    align-items: center;
    gap: var(--_ce-space-2xs);
    color: var(--_ce-danger-text);
    font-size: var(--_ce-font-size-xs);
    font-weight: var(--_ce-weight-bold);
  }
  .priority::before {
    content: '▲';
    font-size: 0.8em;
  }
  @media (forced-colors: active) {
    .status,
    .status::before {
      forced-color-adjust: auto;
      border-color: CanvasText;
    }
  }
`;
