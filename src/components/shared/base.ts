import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Client } from '../../sdk/index.js';
import { clientContext, localeContext } from './context.js';
import { directionOf, type MessageKey, type MessageParams, translate } from './i18n.js';
import { baseStyles } from './styles.js';

/** The `dir` each element set itself from its locale (so an author's own `dir` is told apart). */
const managedDir = new WeakMap<Element, string>();

/** The nearest element above `el` (across shadow roots) whose `dir` was set by a page author, not by us. */
function authoredDirAbove(el: Element): { dir: string } | { managed: string } | undefined {
  let managed: string | undefined;
  for (let node: Element | null = parentOf(el); node; node = parentOf(node)) {
    const dir = node.getAttribute('dir');
    if (dir === null) continue;
    if (managedDir.get(node) === dir) {
      managed ??= dir;
      continue;
    }
    return { dir };
  }
  return managed === undefined ? undefined : { managed };
}

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

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
   * BCP 47 locale for text, numbers and dates (`en-GB`, `de-DE`, `ar`). Falls back to the provider's,
   * then the client's `locale`, then the document's `lang`, then `en-GB`. A right-to-left locale
   * (`ar`) lays the element out right to left, unless the page sets `dir` on it or above it.
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

  /**
   * Writing direction follows the locale (`ar` → right to left) unless the page says otherwise:
   * a `dir` the author put on this element, or on any element above it (the document's `<html
   * dir>` included), wins. Set on the host so that logical CSS, `:dir()` and bidi all follow.
   */
  protected override update(changed: PropertyValues): void {
    this.#applyDirection();
    super.update(changed);
  }

  /** Whether this element lays out right to left now (for arrow keys: ArrowLeft is "next" in rtl). */
  protected get isRtl(): boolean {
    return this.matches(':dir(rtl)');
  }

  #applyDirection(): void {
    const own = this.getAttribute('dir');
    if (own !== null && managedDir.get(this) !== own) {
      managedDir.delete(this); // the author's
      return;
    }
    const above = authoredDirAbove(this);
    let want: string | null = null;
    if (!above || 'managed' in above) {
      const fromLocale = directionOf(this.resolvedLocale);
      // An ltr locale needs saying only inside an element that made itself rtl.
      if (fromLocale === 'rtl' || (above && above.managed !== fromLocale)) want = fromLocale;
    }
    if (want === null) {
      if (own !== null) this.removeAttribute('dir');
      managedDir.delete(this);
    } else if (own !== want) {
      managedDir.set(this, want);
      this.setAttribute('dir', want);
    }
  }

  /** A shared UI text in the resolved locale. */
  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.resolvedLocale, key, params);
  }
}
