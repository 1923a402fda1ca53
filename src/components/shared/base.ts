import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Client } from '../../sdk/index.js';
import { clientContext, localeContext } from './context.js';
import { type MessageKey, type MessageParams, translate } from './i18n.js';
import { baseStyles } from './styles.js';

/** The locale used when neither the element, its provider nor the document says one. */
export const DEFAULT_LOCALE = 'en-GB';

/**
 * The base class of every Customer Elements component: it finds the SDK client and the locale,
 * from its own properties first, then from the nearest `<customer-elements-provider>`.
 *
 * Subclasses add `baseStyles` themselves when they replace `static styles`
 * (`static override styles = [baseStyles, controlStyles, styles]`).
 */
export class CeElement extends LitElement {
  static override styles = [baseStyles];

  /**
   * The SDK client to fetch through. Wins over a provider's. Set it when there is no
   * `<customer-elements-provider>` above the element.
   */
  @property({ attribute: false })
  client?: Client;

  /**
   * BCP 47 locale for text, numbers and dates (`en-GB`, `de-DE`). Falls back to the provider's,
   * then the client's `locale`, then the document's `lang`, then `en-GB`.
   */
  @property({ reflect: true })
  locale?: string;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected contextClient?: Client;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected contextLocale?: string;

  /** The client in use: the `client` property, else the provider's; undefined when unconfigured. */
  get api(): Client | undefined {
    return this.client ?? this.contextClient;
  }

  /** The locale in use, after the fallbacks. */
  get resolvedLocale(): string {
    return (
      this.locale ||
      this.contextLocale ||
      this.api?.locale ||
      globalThis.document?.documentElement.lang ||
      DEFAULT_LOCALE
    );
  }

  /** A shared UI text in the resolved locale. */
  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.resolvedLocale, key, params);
  }
}
