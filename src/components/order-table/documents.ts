/**
 * The order detail's documents: every record of the print history downloads as its PDF from the
 * API (through the SDK, never a navigation to a server URL), and "Print invoice" downloads the
 * invoice it printed. One concern, kept out of `order-detail.ts`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Order } from '../../sdk/index.js';
import type { CeElement } from '../shared/base.js';
import { formatDateTime } from '../shared/format.js';
import { errorMessage, type MessageParams } from '../shared/i18n.js';
import type { OrderMessageKey } from './order-table.messages.js';

type PrintRecord = Order['printHistory'][number];

/** How long an object URL outlives the click that starts its download. */
const REVOKE_AFTER_MS = 1_000;

export class OrderDocuments implements ReactiveController {
  /** The print record being downloaded now. */
  busy: string | undefined;
  /** The last failed download: which record, and why (already in the user's language). */
  failure: { id: string; text: string } | undefined;
  #controllers = new Set<AbortController>();
  #revokes = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: CeElement,
    private readonly m: (key: OrderMessageKey, params?: MessageParams) => string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const controller of this.#controllers) controller.abort();
    this.#controllers.clear();
    for (const [url, timer] of this.#revokes) {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
    }
    this.#revokes.clear();
  }

  /** The newest invoice record of an order (the one "Print invoice" just added). */
  static latestInvoice(order: Order): PrintRecord | undefined {
    for (let i = order.printHistory.length - 1; i >= 0; i--) if (order.printHistory[i]!.document === 'invoice') return order.printHistory[i];
    return undefined;
  }

  /** Fetches the record's PDF and saves it under a name made of the order number and the document. */
  async download(order: Order, record: PrintRecord): Promise<boolean> {
    const client = this.host.api;
    if (!client || this.busy) return false;
    const controller = new AbortController();
    this.#controllers.add(controller);
    this.busy = record.id;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const blob = await client.orders.document(order.id, record.id, { signal: controller.signal });
      this.save(blob, `${order.number}-${record.document}-${record.id}.pdf`.replace(/[^A-Za-z0-9.-]+/g, '-'));
      return true;
    } catch (error) {
      if (!controller.signal.aborted) {
        this.failure = { id: record.id, text: this.m('documentFailed', { document: this.m(`doc.${record.document}`), reason: errorMessage(error, (key, params) => this.host.t(key, params)) }) };
      }
      return false;
    } finally {
      this.#controllers.delete(controller);
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** The download button of one print record, and its error. */
  render(order: Order, record: PrintRecord, locale: string): TemplateResult {
    const busy = this.busy === record.id;
    const failure = this.failure?.id === record.id ? this.failure.text : undefined;
    const label = this.m('downloadDocumentLabel', { document: this.m(`doc.${record.document}`), date: formatDateTime(record.printedAt, locale) });
    return html`<button
        type="button"
        part="print-download"
        class="ce-button print-download"
        aria-label=${label}
        aria-describedby=${failure ? `doc-fail-${record.id}` : nothing}
        ?disabled=${this.busy !== undefined}
        @click=${() => void this.download(order, record)}
      >
        ${busy ? this.m('downloadingDocument') : this.m('downloadDocument')}
      </button>
      ${failure ? html`<p id="doc-fail-${record.id}" part="print-download-error" class="ce-field-error" role="alert">${failure}</p>` : nothing}`;
  }

  /** An object URL on a temporary link with a `download` attribute, clicked and removed, revoked shortly after. */
  private save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.host.renderRoot.append(link);
    link.click();
    link.remove();
    this.#revokes.set(
      url,
      setTimeout(() => {
        this.#revokes.delete(url);
        URL.revokeObjectURL(url);
      }, REVOKE_AFTER_MS),
    );
  }
}
