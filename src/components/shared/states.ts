/**
 * The states every data view shows the same way: loading, not configured, failed, empty, ready.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CeElement } from './base.js';
import { errorMessage } from './i18n.js';
import type { ResourceController } from './resource.js';

export interface RenderResourceOptions<T> {
  /** Shown while loading with no previous value. Default: three skeleton lines. */
  skeleton?: TemplateResult;
  /** Whether a loaded value counts as empty (then `empty` is shown instead of `ready`). */
  isEmpty?: (value: T) => boolean;
  /** Shown for an empty value. Default: "Nothing to show." */
  empty?: TemplateResult;
  /** Shown when there is nothing to load (`idle`). Default: nothing. */
  idle?: TemplateResult | typeof nothing;
}

/**
 * The configuration message for an element with no client: what is wrong and how to fix it,
 * instead of a blank box.
 */
export function renderConfigMessage(host: CeElement): TemplateResult {
  return html`<p class="ce-message ce-message--config" part="message config-message">${host.t('state.noClient')}</p>`;
}

/**
 * A localised error with a Retry button (when `retry` is given). Never the raw error text.
 * Parts: `error`, `retry-button`.
 */
export function renderError(host: CeElement, error: unknown, retry?: () => void): TemplateResult {
  return html`<div class="ce-message ce-error" part="error" role="alert">
    <span>${errorMessage(error, (key, params) => host.t(key, params))}</span>
    ${retry
      ? html`<button type="button" class="ce-button" part="retry-button" @click=${retry}>${host.t('action.retry')}</button>`
      : nothing}
  </div>`;
}

/**
 * Placeholder lines while data loads; `label` is announced instead of the shapes. Part: `skeleton`.
 */
export function renderSkeleton(lines = 3, label = 'Loading…'): TemplateResult {
  const count = Math.max(1, Math.floor(lines));
  return html`<div class="ce-skeleton" part="skeleton" role="status">
    <span class="ce-visually-hidden">${label}</span>
    ${Array.from({ length: count }, () => html`<span class="ce-skeleton-line" aria-hidden="true"></span>`)}
  </div>`;
}

/**
 * Renders a resource in whichever state it is in:
 * - no client → the configuration message;
 * - loading with no value yet → the skeleton;
 * - failed → the localised error with Retry (which calls `ctrl.reload()`);
 * - nothing to load → `opts.idle` (default nothing);
 * - an empty value → `opts.empty`;
 * - otherwise `ready(value)`, also while re-loading (the previous value stays; no flash).
 *
 * The host's styles must include `baseStyles`.
 */
export function renderResource<T, A extends readonly unknown[]>(
  host: CeElement,
  ctrl: ResourceController<T, A>,
  ready: (value: T) => TemplateResult,
  opts: RenderResourceOptions<T> = {},
): TemplateResult | typeof nothing {
  switch (ctrl.status) {
    case 'unconfigured':
      return renderConfigMessage(host);
    case 'idle':
      return opts.idle ?? nothing;
    case 'error':
      return renderError(host, ctrl.error, () => ctrl.reload());
    case 'loading':
    case 'ready':
      break;
  }
  const value = ctrl.value;
  if (value === undefined) return opts.skeleton ?? renderSkeleton(3, host.t('state.loading'));
  if (opts.isEmpty?.(value)) {
    return opts.empty ?? html`<p class="ce-message" part="message empty">${host.t('state.empty')}</p>`;
  }
  return ready(value);
}

export interface ConfirmDialogOptions {
  /** What is being confirmed; nothing is rendered inside the dialog while it is null. */
  open: boolean;
  title: string;
  text: string;
  /** Why the last attempt failed, shown above the buttons (role="alert"). */
  error?: string;
  busy: boolean;
  confirmLabel: string;
  busyLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  onKeep: () => void;
  /** The dialog's native `cancel` (Escape). */
  onCancel: (event: Event) => void;
  /** The dialog closed some other way than its buttons. */
  onClose: () => void;
}

/**
 * A destructive action's confirmation: an alertdialog with the question, any error of the last
 * try, Keep and the danger button. While busy the danger button is aria-disabled (not disabled),
 * so focus stays on it; the caller ignores clicks while busy. Parts: confirm, error,
 * confirm-cancel-button, confirm-button. The host opens it with `showModal()`.
 */
export function renderConfirmDialog(o: ConfirmDialogOptions): TemplateResult {
  return html`<dialog
    part="confirm"
    role="alertdialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-text"
    @cancel=${o.onCancel}
    @close=${o.onClose}
  >
    ${o.open
      ? html`<h3 id="confirm-title">${o.title}</h3>
          <p id="confirm-text" class="text">${o.text}</p>
          ${o.error ? html`<p class="error" part="error" role="alert">${o.error}</p>` : nothing}
          <div class="buttons">
            <button class="ce-button" type="button" part="confirm-cancel-button" @click=${o.onKeep}>${o.keepLabel}</button>
            <button
              class="ce-button ce-button--danger"
              type="button"
              part="confirm-button"
              aria-disabled=${o.busy ? 'true' : 'false'}
              @click=${o.onConfirm}
            >
              ${o.busy ? o.busyLabel : o.confirmLabel}
            </button>
          </div>`
      : nothing}
  </dialog>`;
}
