/**
 * The duplicate check while the user types: asks the server (debounced, the previous question
 * aborted) which customers may already be the one being added, and shows them with an action to
 * open one instead. A failed check shows nothing: it is advice, never a gate.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Client } from '../../sdk/index.js';
import type { DuplicateMatch, DuplicateQuery } from '../../sdk/schemas.js';
import type { CreateMessageKey } from './customer-create.messages.js';

/** How long typing must pause before the server is asked. */
export const DUPLICATE_DELAY_MS = 350;

interface DuplicateHost {
  readonly api: Client | undefined;
  requestUpdate(): void;
  addController(controller: ReactiveController): void;
}

type Msg = (key: CreateMessageKey, params?: Record<string, string | number>) => string;

/** Only a question that can find something is asked: a whole email address, or a name with a postcode. */
function worthAsking(q: DuplicateQuery): DuplicateQuery | undefined {
  const out: DuplicateQuery = {};
  const email = q.email?.trim() ?? '';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) out.email = email;
  const name = q.name?.trim() ?? '';
  const postcode = q.postcode?.trim() ?? '';
  if (name.length >= 2 && postcode.replace(/\s/g, '').length >= 3) {
    out.name = name;
    out.postcode = postcode;
    if (q.country) out.country = q.country;
  }
  return out.email || out.name ? out : undefined;
}

export class DuplicateCheck implements ReactiveController {
  readonly #host: DuplicateHost;
  #matches: DuplicateMatch[] = [];
  /** Customers the user said are someone else: not shown again for this draft. */
  #dismissed = new Set<string>();
  #asked = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor(host: DuplicateHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The matches to show now (without the dismissed ones). */
  get matches(): DuplicateMatch[] {
    return this.#matches.filter((m) => !this.#dismissed.has(m.customer.id));
  }

  /** The draft changed: ask again after a pause (nothing is asked when the question is the same). */
  update(query: DuplicateQuery): void {
    const q = worthAsking(query);
    const key = q ? JSON.stringify(q) : '';
    if (key === this.#asked) return;
    this.#asked = key;
    this.#cancel();
    if (!q) {
      this.#set([]);
      return;
    }
    this.#timer = setTimeout(() => void this.#ask(q), DUPLICATE_DELAY_MS);
  }

  /** The user said these are different customers. */
  dismiss(): void {
    for (const m of this.#matches) this.#dismissed.add(m.customer.id);
    this.#host.requestUpdate();
  }

  /** A new draft: forget everything. */
  reset(): void {
    this.#cancel();
    this.#asked = '';
    this.#dismissed = new Set();
    this.#set([]);
  }

  hostDisconnected(): void {
    this.#cancel();
    // Asked again when the element comes back.
    this.#asked = '';
  }

  async #ask(q: DuplicateQuery): Promise<void> {
    const client = this.#host.api;
    if (!client) return;
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const found = await client.customers.duplicates(q, { signal: abort.signal });
      if (!abort.signal.aborted) this.#set(found.items);
    } catch {
      // Aborted by a newer question, or the check failed: either way it says nothing.
    }
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #set(matches: DuplicateMatch[]): void {
    this.#matches = matches;
    this.#host.requestUpdate();
  }
}

/**
 * The warning: a sentence in a polite live region (always in the page, so that it is announced
 * when it fills), then the customers with Open and one "different customer" dismissal.
 * Parts: `duplicates`, `duplicate`, `duplicate-open-button`, `duplicate-dismiss-button`.
 */
export function renderDuplicates(check: DuplicateCheck, msg: Msg, open: (match: DuplicateMatch) => void): TemplateResult {
  const matches = check.matches;
  const reasons = (m: DuplicateMatch) => m.reasons.map((r) => msg(`duplicateReason_${r}`)).join(', ');
  const sentence = matches.length === 0
    ? ''
    : matches.length === 1
      ? msg('duplicateOne', { name: matches[0]!.customer.name, reasons: reasons(matches[0]!) })
      : msg('duplicateMany');
  return html`<div class="duplicates ${matches.length ? 'has-matches' : ''}" part="duplicates">
    <p role="status" class="duplicates-text" id="duplicates-text">${sentence}</p>
    ${matches.length
      ? html`<div class="duplicate-actions"><ul class="duplicate-list" aria-label=${msg('duplicatesLabel')}>
            ${matches.map(
              (m) => html`<li part="duplicate">
                ${matches.length > 1
                  ? html`<span class="duplicate-who"><bdi>${m.customer.name}</bdi>${m.customer.postcode ? html`, <bdi>${m.customer.postcode}</bdi>` : nothing} (${reasons(m)})</span>`
                  : nothing}
                <button type="button" class="ce-button" part="duplicate-open-button" @click=${() => open(m)}>
                  ${msg('duplicateOpen', { name: m.customer.name })}
                </button>
              </li>`,
            )}
          </ul>
          <button type="button" class="ce-button ce-button--quiet" part="duplicate-dismiss-button" @click=${() => check.dismiss()}>
            ${msg('duplicateDismiss')}
          </button></div>`
      : nothing}
  </div>`;
}
