/**
 * One conflict flow for every form that edits a versioned record (a card section, a contact, an
 * address, the watch-list note): when a save answers 412 (someone else saved first), the draft
 * stays as typed, the record is re-read, the user sees what changed since they opened it
 * (old → new, labelled in the component's words), and Reload takes the latest version as the base
 * with the draft on top, so that the next Save is sent with the latest version and succeeds.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isConflictError } from '../../sdk/index.js';
import type { CeElement } from './base.js';

/** One line of "what changed since you opened it", in display form. */
export interface ChangeLine {
  field: string;
  from: string;
  to: string;
}

/** A field as the user sees it: its label and how a record shows its value. */
export interface ShownField<R> {
  label: string;
  show: (record: R) => string;
}

/** Every field whose shown value differs between two versions of a record. */
export function changedFields<R>(fields: readonly ShownField<R>[], before: R, after: R): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const { label, show } of fields) {
    const from = show(before);
    const to = show(after);
    if (from !== to) lines.push({ field: label, from, to });
  }
  return lines;
}

/**
 * The draft on top of the latest version: each value the user changed from the version they
 * opened stays as typed; every other value takes the latest one.
 */
export function keepDraft<V extends object>(draft: V, opened: V, latest: V): V {
  const out = { ...draft };
  for (const key of Object.keys(latest) as Array<keyof V>) {
    if (JSON.stringify(draft[key]) === JSON.stringify(opened[key])) out[key] = latest[key];
  }
  return out;
}

/**
 * - `none`: no conflict;
 * - `checking`: a save met a conflict and the latest version is being read;
 * - `conflict`: the latest version is known, `changes` says what differs; Reload is offered;
 * - `reread-failed`: the latest version could not be read; Reload tries again;
 * - `gone`: the record was removed meanwhile (nothing to reload onto);
 * - `reloaded`: the draft now rests on the latest version; `changes` still says what changed.
 */
export type ConflictState = 'none' | 'checking' | 'conflict' | 'reread-failed' | 'gone' | 'reloaded';

export interface ConflictFlowOptions<R> {
  /** Reads the latest version past the cache; `undefined` when the record no longer exists. */
  reread: () => Promise<R | undefined>;
  /** What differs between the version the draft rests on and the latest, labelled. */
  changes: (before: R, after: R) => ChangeLine[];
  /** Makes `latest` the base of the edit (its version is what the next save sends); keeps the draft. */
  rebase: (latest: R) => void;
}

let flows = 0;

/**
 * The state of one form's conflict. Plain state, not a registered controller: a component may
 * have several forms open (the card has one per section), each with its own flow.
 */
export class ConflictFlow<R> {
  state: ConflictState = 'none';
  changes: ChangeLine[] = [];
  /** A small id for the `data-changes` hook (never a server id). */
  readonly id = `conflict-${++flows}`;

  readonly #host: CeElement;
  readonly #options: ConflictFlowOptions<R>;
  #base: R | undefined;
  #latest: R | undefined;
  #reading: Promise<boolean> | undefined;
  #run = 0;
  #reloading = false;

  constructor(host: CeElement, options: ConflictFlowOptions<R>) {
    this.#host = host;
    this.#options = options;
  }

  /** A conflict is being shown (before Reload): the draft's base is out of date. */
  get active(): boolean {
    return this.state === 'checking' || this.state === 'conflict' || this.state === 'reread-failed' || this.state === 'gone';
  }

  /**
   * Call with a failed save's error and the version the draft rests on. Returns true when it was
   * a conflict: the flow has taken over (re-reads and shows what changed).
   */
  handle(error: unknown, base: R | undefined): boolean {
    if (!isConflictError(error)) return false;
    this.#base = base;
    this.#latest = undefined;
    this.changes = [];
    this.#set('checking');
    void this.#reread();
    return true;
  }

  /** Reload: the latest version becomes the base, the draft stays on top. */
  async reload(): Promise<void> {
    if (this.#reloading) return;
    this.#reloading = true;
    try {
      // Pressed while the latest version is still on its way: wait for it rather than ignore the press.
      if (this.state === 'checking' && this.#reading) await this.#reading;
      if (!this.#latest && this.state !== 'gone') {
        this.#set('checking');
        await this.#reread();
      }
    } finally {
      this.#reloading = false;
    }
    const latest = this.#latest;
    if (!latest) return;
    this.#options.rebase(latest);
    this.#base = latest;
    this.#latest = undefined;
    this.#set('reloaded');
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`[data-changes="${this.id}"]`)?.focus();
  }

  /** Forget the conflict (the form closed or saved). */
  reset(): void {
    this.#run++;
    this.#base = undefined;
    this.#latest = undefined;
    this.changes = [];
    this.state = 'none';
  }

  #reread(): Promise<boolean> {
    this.#reading = this.#read();
    return this.#reading;
  }

  async #read(): Promise<boolean> {
    const run = ++this.#run;
    try {
      const latest = await this.#options.reread();
      if (run !== this.#run) return false;
      if (latest === undefined) {
        this.#set('gone');
        return false;
      }
      this.#latest = latest;
      this.changes = this.#base === undefined ? [] : this.#options.changes(this.#base, latest);
      this.#set('conflict');
      return true;
    } catch {
      if (run === this.#run) this.#set('reread-failed');
      return false;
    }
  }

  #set(state: ConflictState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

export interface ConflictTexts {
  /** "This address was changed by someone else since you opened it." */
  headline: string;
  /** "This address was removed by someone else." */
  gone: string;
}

function renderChanges<R>(host: CeElement, flow: ConflictFlow<R>): TemplateResult {
  return flow.changes.length
    ? html`<p>${host.t('conflict.changed')}</p>
        <ul class="ce-changes-list">
          ${flow.changes.map((line) => html`<li class="ce-change" dir="auto">${host.t('conflict.change', { ...line })}</li>`)}
        </ul>`
    : html`<p>${host.t('conflict.nothingShown')}</p>`;
}

/**
 * The conflict as the user sees it, above the form's fields:
 * - while it stands, an alert (part `conflict`) with the headline, what changed (part
 *   `conflict-changes`) and Reload (part `reload-button`);
 * - after Reload, a status (part `changes`, focused) saying the draft now rests on the latest
 *   version, and what changed.
 * The host's styles must include `baseStyles`.
 */
export function renderConflict<R>(host: CeElement, flow: ConflictFlow<R>, texts: ConflictTexts): TemplateResult | typeof nothing {
  switch (flow.state) {
    case 'none':
      return nothing;
    case 'reloaded':
      return html`<div part="changes" class="ce-message ce-changes" role="status" tabindex="-1" data-changes=${flow.id}>
        <p>${host.t('conflict.reloaded')}</p>
        ${flow.changes.length ? renderChanges(host, flow) : nothing}
      </div>`;
    case 'gone':
      return html`<div part="conflict" class="ce-message ce-error ce-conflict" role="alert">
        <p><strong>${texts.gone}</strong></p>
      </div>`;
    default: {
      const checking = flow.state === 'checking';
      return html`<div part="conflict" class="ce-message ce-error ce-conflict" role="alert">
        <p><strong>${texts.headline}</strong></p>
        ${checking ? html`<p>${host.t('conflict.checking')}</p>` : nothing}
        ${flow.state === 'conflict' ? html`<div part="conflict-changes" class="ce-changes">${renderChanges(host, flow)}</div>` : nothing}
        ${flow.state === 'reread-failed' ? html`<p>${host.t('conflict.rereadFailed')}</p>` : nothing}
        <p>${host.t('conflict.hint')}</p>
        <button
          part="reload-button"
          class="ce-button"
          type="button"
          @click=${() => void flow.reload()}
        >
          ${host.t('action.reload')}
        </button>
      </div>`;
    }
  }
}
