/**
 * The screen's view dialog: opens a registered secondary view (accounts, order entry, discounts)
 * in an accessible modal `<dialog>`, after the event that asks for it has gone past the host.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { CeElement } from '../shared/base.js';
import { renderSkeleton } from '../shared/states.js';
import { staticTag } from './child-tags.js';
import { screenViews, type ScreenViewName } from './views.js';

/** What the screen passes to a view. */
export interface ScreenViewProps {
  customerId: string;
  /** Order entry: the season chosen in the order table (a pre-order), or null. */
  seasonId?: string | null;
  /** Order entry: the order to edit (from the order detail's "Edit order"). */
  orderId?: string;
}

interface OpenView {
  name: ScreenViewName;
  props: ScreenViewProps;
  status: 'loading' | 'ready' | 'error';
  tag?: StaticValue;
  /** Where focus was when the view opened; it goes back there when the view closes. */
  opener?: HTMLElement;
}

interface Host extends CeElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The deepest focused element, through open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : undefined;
}

export class ViewDialogController implements ReactiveController {
  #view: OpenView | undefined;
  #generation = 0;

  constructor(
    private readonly host: Host,
    private readonly texts: { title(name: ScreenViewName, props: ScreenViewProps): string; loadFailed(): string },
  ) {
    host.addController(this);
  }

  /** The view open now, if any. */
  get openView(): ScreenViewName | undefined {
    return this.#view?.name;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.view-dialog');
  }

  /**
   * Opens `name` once `event` has finished its dispatch, unless a listener (the host's) called
   * `preventDefault()` on it. Returns at once; does nothing for a view nobody registered.
   */
  openAfter(event: Event, name: ScreenViewName, props: ScreenViewProps): void {
    if (!screenViews[name]) return;
    const opener = deepActiveElement();
    // Listeners further up (the host page's) run in this same dispatch; a microtask runs after it.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.open(name, props, opener);
    });
  }

  /** Opens a registered view now (no event). */
  open(name: ScreenViewName, props: ScreenViewProps, opener: HTMLElement | undefined = deepActiveElement()): void {
    const view = screenViews[name];
    if (!view) return;
    const generation = ++this.#generation;
    this.#view = { name, props, status: 'loading', opener };
    this.host.requestUpdate();
    view.load().then(
      (ctor) => {
        if (generation !== this.#generation || !this.#view) return;
        const tag = staticTag(ctor, view.defaultTag);
        this.#view = { ...this.#view, status: tag ? 'ready' : 'error', tag };
        this.host.requestUpdate();
      },
      () => {
        if (generation !== this.#generation || !this.#view) return;
        this.#view = { ...this.#view, status: 'error' };
        this.host.requestUpdate();
      },
    );
  }

  /** Closes the view (as Close, Escape or a click on the backdrop do). */
  close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    else this.#closed();
  }

  hostUpdated(): void {
    const dialog = this.dialog;
    if (dialog && this.#view && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.view-close')?.focus();
    }
  }

  hostDisconnected(): void {
    this.#generation++;
    this.#view = undefined;
  }

  #closed(): void {
    const opener = this.#view?.opener;
    this.#generation++;
    this.#view = undefined;
    this.host.requestUpdate();
    // Back to where the user was, if that control is still on the page.
    if (opener?.isConnected) opener.focus({ preventScroll: true });
  }

  #onClose = (event: Event): void => {
    if (event.target !== event.currentTarget) return;
    this.#closed();
  };

  /** A click whose target is the dialog itself, outside its box, fell on the backdrop. */
  #onClick = (event: MouseEvent): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  };

  #onViewClose = (event: Event): void => {
    event.stopPropagation();
    this.close();
  };

  render(): TemplateResult | typeof nothing {
    const view = this.#view;
    if (!view) return nothing;
    const title = this.texts.title(view.name, view.props);
    let body: unknown;
    if (view.status === 'ready' && view.tag) {
      body = staticHtml`<${view.tag}
        part="view"
        class="view"
        .customerId=${view.props.customerId}
        .seasonId=${view.props.seasonId ?? null}
        .orderId=${view.props.orderId}
      ></${view.tag}>`;
    } else if (view.status === 'error') {
      body = html`<div class="ce-message ce-error" part="error view-error" role="alert">
        <span>${this.texts.loadFailed()}</span>
        <button type="button" class="ce-button" part="retry-button" @click=${() => this.open(view.name, view.props, view.opener)}>
          ${this.host.t('action.retry')}
        </button>
      </div>`;
    } else {
      body = renderSkeleton(3, this.host.t('state.loading'));
    }
    return html`<dialog
      part="view-dialog"
      class="view-dialog"
      aria-labelledby="view-title"
      data-view=${view.name}
      @close=${this.#onClose}
      @click=${this.#onClick}
      @view-close=${this.#onViewClose}
    >
      <div class="view-head">
        <h2 part="view-heading" class="view-heading" id="view-title">${title}</h2>
        <button type="button" part="view-close-button" class="ce-button view-close" @click=${() => this.close()}>
          ${this.host.t('action.close')}
        </button>
      </div>
      <div part="view-body" class="view-body">${body}</div>
    </dialog>`;
  }
}
