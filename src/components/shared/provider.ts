import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Client, createClient, type TokenSource } from '../../sdk/index.js';
import { clientContext, localeContext } from './context.js';

/**
 * Configures every Customer Elements component inside it: one SDK client (and so one shared
 * cache) and one locale for the whole subtree. It renders its children as they are.
 *
 * ```html
 * <customer-elements-provider base-url="/api" locale="de-DE">
 *   <customer-card customer-id="cus_000042"></customer-card>
 * </customer-elements-provider>
 * ```
 * then, in script, `provider.getToken = () => auth.currentToken()`; or set `provider.client` to a
 * client made with `createClient` (custom fetch, headers, retry…).
 *
 * @summary Gives the components below it their API client and locale.
 * @slot - The components (and any other content) to configure.
 */
export class CustomerElementsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** A ready-made SDK client. When set, `base-url`, `token` and `getToken` are ignored. */
  @property({ attribute: false })
  client?: Client;

  /** The API base URL from which the provider makes a client when `client` is not set. */
  @property({ attribute: 'base-url' })
  baseUrl?: string;

  /** Returns the bearer token for each request (may be async). Read on every request. */
  @property({ attribute: false })
  getToken?: TokenSource;

  /**
   * A fixed bearer token, for demos and tests only: an attribute is visible to every script and
   * in the DOM. Real pages set `getToken`.
   */
  @property()
  token?: string;

  /** BCP 47 locale for every component inside (`en-GB`, `de-DE`). */
  @property({ reflect: true })
  locale?: string;

  @provide({ context: clientContext })
  @state()
  protected providedClient?: Client;

  @provide({ context: localeContext })
  @state()
  protected providedLocale = '';

  private ownClient: { baseUrl: string; client: Client } | undefined;

  /** The client the subtree receives (the `client` property, or one made from `base-url`). */
  get resolvedClient(): Client | undefined {
    return this.providedClient;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || changed.has('baseUrl')) this.providedClient = this.client ?? this.makeClient();
    if (changed.has('locale')) this.providedLocale = this.locale ?? '';
  }

  private makeClient(): Client | undefined {
    const baseUrl = this.baseUrl?.trim();
    if (!baseUrl) return undefined;
    if (this.ownClient?.baseUrl === baseUrl) return this.ownClient.client;
    // The token getter is read per request, so changing `token` or `getToken` needs no new client
    // (and keeps the cache).
    try {
      const client = createClient({
        baseUrl,
        getToken: () => (this.getToken ? this.getToken() : this.token),
        ...(this.locale ? { locale: this.locale } : {}),
      });
      this.ownClient = { baseUrl, client };
      return client;
    } catch (error) {
      // A bad base-url must not break the page: the components show the configuration message.
      console.warn(`customer-elements-provider: cannot use base-url "${baseUrl}":`, error);
      return undefined;
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-elements-provider': CustomerElementsProvider;
  }
}
