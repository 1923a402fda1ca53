import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Client } from '../../sdk/index.js';
import { clientContext, localeContext } from './context.js';
import { catalogueEvents, directionOf, type MessageKey, type MessageParams, type LoadableCatalogue, translate } from './i18n.js';
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
 * How long a component waits for its language's texts before it renders in English meanwhile (it
 * re-renders when they arrive). A language chunk normally arrives in a few milliseconds.
 */
export const CATALOGUE_PATIENCE_MS = 3000;

/**
 * The base class of every Customer Elements component: it finds the SDK client and the locale,
 * from its own properties first, then from the nearest `<customer-elements-provider>`.
 *
 * Subclasses add `baseStyles` themselves when they replace `static styles`
 * (`static override styles = [baseStyles, controlStyles, styles]`).
 *
 * Languages: a subclass lists the catalogues it reads in `static catalogues` (the shared one is
 * always included). Before rendering in a locale whose texts are not in yet, the element loads them
 * and does not render meanwhile: on first render it stays empty for the few milliseconds a chunk
 * takes, and on a switch it keeps showing the previous language. So a German page never flashes
 * English, and nothing shows a half-translated screen. `updateComplete` waits for the texts too.
 * A language that fails to load renders in English (a console warning says why).
 */
export class CeElement extends LitElement {
  static override styles = [baseStyles];

  /** The element's own catalogues (from `createMessages`), loaded with the shared one before it renders in a language. */
  static catalogues: readonly LoadableCatalogue[] = [];

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

  /** Property changes made while waiting for texts, replayed into the render that follows. */
  private heldChanges?: PropertyValues;
  /** Set while waiting for a language's texts; settles when they are in or patience runs out. */
  private textsArriving?: Promise<void>;
  /** The locale rendered in English meanwhile because its texts took longer than the patience. */
  private impatientFor?: string;
  private readonly onCatalogues = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    catalogueEvents.addEventListener('change', this.onCatalogues);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    catalogueEvents.removeEventListener('change', this.onCatalogues);
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    const locale = this.resolvedLocale;
    const catalogues = [translate, ...(this.constructor as typeof CeElement).catalogues];
    const missing = catalogues.filter((c) => !c.ready(locale));
    if (missing.length > 0 && this.impatientFor !== locale) {
      // Lit forgets `changed` when an update is skipped: keep it for the render that follows.
      this.heldChanges ??= new Map();
      for (const [key, value] of changed) if (!this.heldChanges.has(key)) this.heldChanges.set(key, value);
      this.textsArriving ??= this.awaitTexts(locale, missing);
      return false;
    }
    if (this.heldChanges) {
      for (const [key, value] of this.heldChanges) if (!changed.has(key)) changed.set(key, value);
      this.heldChanges = undefined;
    }
    return super.shouldUpdate(changed);
  }

  private awaitTexts(locale: string, missing: readonly LoadableCatalogue[]): Promise<void> {
    const loaded = Promise.all(missing.map((c) => c.load(locale)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.impatientFor = locale;
        resolve();
      }, CATALOGUE_PATIENCE_MS);
    });
    // When the texts come after the patience ran out, re-render in them.
    void loaded.then(() => {
      clearTimeout(timer);
      if (this.impatientFor === locale) this.impatientFor = undefined;
      this.requestUpdate();
    });
    return Promise.race([loaded, patience]).then(() => {
      this.textsArriving = undefined;
      this.requestUpdate();
    });
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    // An update skipped while texts load is not the render a caller waits for.
    while (this.textsArriving) {
      await this.textsArriving;
      result = await super.getUpdateComplete();
    }
    return result;
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
