/**
 * What the signed-in user may change, as every component with edit actions reads it, and what it
 * shows when that cannot be loaded: editing is off, and the component says so where its edit
 * buttons would be, with a Retry that asks again (and, once answered, the edit buttons appear in
 * every component on the page).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { tags, type Me } from '../../sdk/index.js';
import type { CeElement } from './base.js';
import { ResourceController } from './resource.js';

export interface CapabilitiesOptions {
  /**
   * Whether the host needs the capabilities now (default: always). When it returns false nothing
   * loads, `can()` is false and nothing is shown: e.g. a `readonly` element.
   */
  enabled?: () => boolean;
}

/**
 * Loads the current user's capabilities through the SDK (one request for the whole page: the
 * SDK's cache shares it) and answers `can(capability)`.
 *
 * - While the first answer is awaited, `pending` is true (a host may hold back its edit buttons
 *   so they do not pop in late).
 * - When loading fails, `failed` is true, `can()` answers false (nothing is offered that the user
 *   may not do) and `render()` gives the message and Retry for where the edit buttons would be.
 *   Read-only data is the host's to show meanwhile.
 * - Retry drops the SDK's `me` entry and tells every subscriber: every component on the page
 *   asks again together, in one request.
 * - A failed re-read after a successful one keeps the capabilities already known.
 */
export class CapabilitiesController implements ReactiveController {
  readonly #host: CeElement;
  readonly #me: ResourceController<Me, readonly []>;
  #failed = false;

  constructor(host: CeElement, options: CapabilitiesOptions = {}) {
    this.#host = host;
    this.#me = new ResourceController<Me, readonly []>(host, {
      args: () => ((options.enabled?.() ?? true) ? [] : undefined),
      load: (_args, signal, client) => client.me.get({ signal }),
      tags: () => [tags.me()],
    });
    // After the resource controller: its hostUpdate has run when this one's does.
    host.addController(this);
  }

  hostUpdate(): void {
    const { status, value } = this.#me;
    if (value !== undefined || status === 'idle' || status === 'unconfigured') this.#failed = false;
    else if (status === 'error') this.#failed = true;
  }

  /** The signed-in user, once known. */
  get me(): Me | undefined {
    return this.#me.value;
  }

  /** May the user do `capability`? False while unknown, when loading failed, or when disabled. */
  can(capability: string): boolean {
    return this.#me.value?.capabilities.includes(capability) ?? false;
  }

  /** The first answer is still awaited (and nothing has failed yet). */
  get pending(): boolean {
    return !this.#failed && this.#me.status === 'loading' && this.#me.value === undefined;
  }

  /** The capabilities could not be loaded: editing is off (also while a Retry is on its way). */
  get failed(): boolean {
    return this.#failed;
  }

  /** A Retry is on its way. */
  get retrying(): boolean {
    return this.#failed && this.#me.status === 'loading';
  }

  /** True while a load is in flight (for `aria-busy`). */
  get loading(): boolean {
    return this.#me.status === 'loading';
  }

  /** Ask again, for every component on the page at once. */
  retry(): void {
    const client = this.#host.api;
    if (!client || this.retrying) return;
    // Nothing failed is cached, so this only notifies: every component reading `me` re-reads,
    // and the cache makes their reads one request.
    client.cache.invalidate([tags.me()]);
  }

  /**
   * The failure message with Retry, for where the edit buttons would be; nothing unless `failed`.
   * Parts: `permissions-message`, `permissions-retry-button`. The host's styles must include
   * `baseStyles`.
   */
  render(): TemplateResult | typeof nothing {
    if (!this.#failed) return nothing;
    const host = this.#host;
    const retrying = this.retrying;
    return html`<div class="ce-message ce-error ce-permissions" part="permissions-message" role="status">
      <span>${host.t('permissions.failed')}</span>
      <button
        type="button"
        class="ce-button"
        part="permissions-retry-button"
        aria-disabled=${retrying ? 'true' : 'false'}
        @click=${() => this.retry()}
      >
        ${host.t(retrying ? 'state.loading' : 'action.retry')}
      </button>
    </div>`;
  }
}
