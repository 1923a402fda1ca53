/**
 * Localised UI text.
 *
 * The shared catalogue below holds the texts every component needs (states, errors, generic
 * actions). A component with texts of its own keeps them beside it and reads them with
 * {@link createMessages}, so that no two engineers edit one catalogue and every key stays typed.
 *
 * English is in every bundle; each other language is a module of its own
 * (`<component>/locales/<lang>.ts`, `shared/locales/<lang>.ts`) loaded with `import()` the first
 * time a component renders in it, so an English page ships no German. A host adds a language of
 * its own with {@link registerCatalogues} (typed for hosts as `registerLocale`).
 *
 * Why not `@lit/localize`: its runtime mode has one active locale per page (`configureLocalization`
 * may be called once, `setLocale` is global), while two providers on one page may set different
 * locales; it loads one module per locale for the whole app rather than per component; and its
 * message ids come from its extraction step. Our catalogues are keyed per component, so a page
 * using only the card loads only the card's German and the shared German.
 */
import { isValidationError } from '../../sdk/index.js';
/** English, complete. The source of the `MessageKey` type. */
export const en = {
  'state.loading': 'Loading…',
  'state.empty': 'Nothing to show.',
  'state.noClient':
    'No API client: wrap this element in <customer-elements-provider base-url=…> or set its client property.',
  'action.retry': 'Try again',
  'action.save': 'Save',
  'action.saving': 'Saving…',
  'action.cancel': 'Cancel',
  'action.edit': 'Edit',
  'action.close': 'Close',
  'action.remove': 'Remove',
  'error.network': 'The server could not be reached. Check the connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.http': 'The server could not complete the request (error {status}). Try again.',
  'error.httpNoStatus': 'The server could not complete the request. Try again.',
  'error.validation': 'Some of the details need attention. Check the fields marked below.',
  'error.conflict': 'Someone else changed this since you opened it. Reload to see their changes, then try again.',
  'error.unauthorized': 'Your session has ended. Sign in again to continue.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.notFound': 'This record no longer exists, or you cannot see it.',
  'error.invalidResponse': 'The server sent an answer this page cannot read. Try again, or tell your administrator.',
  'error.unknown': 'Something went wrong. Try again.',
  'write.unconfirmed': 'We could not confirm whether this was saved. Your text is kept; Save again will not save it twice.',
  'write.unconfirmedAction': 'We could not confirm whether this was done. Trying again will not do it twice.',
  'permissions.failed': 'Your permissions could not be loaded, so editing is off.',
  'conflict.hint': 'Reload to take their version; what you typed is kept.',
  'conflict.checking': 'Checking what changed…',
  'conflict.changed': 'Changed since you opened it:',
  'conflict.change': '{field}: {from} → {to}',
  'conflict.nothingShown': 'Nothing shown here changed.',
  'conflict.rereadFailed': 'The latest version could not be loaded. Reload to try again.',
  'conflict.reloaded': 'Reloaded. What you typed is kept on top of their version: check it and save again.',
  'action.reload': 'Reload',
  'limit.counter': '{count} / {max}',
  'limit.counterLong': '{count} of {max} characters',
  'limit.reached': '{label}: limit of {max} characters reached.',
  'limit.over': '{label} can be at most {max} characters: remove {excess}.',
  'limit.overStatus': '{label} is longer than {max} characters.',
  // The enumerations this library owns, named once for every component (see terms.ts).
  'term.customerType.public': 'Public',
  'term.customerType.retailer': 'Retailer',
  'term.customerType.agent': 'Agent',
  'term.orderStatus.unallocated': 'Unallocated',
  'term.orderStatus.allocated': 'Allocated',
  'term.orderStatus.dispatched': 'Dispatched',
  'term.orderStatus.cancelled': 'Cancelled',
  'term.addressRole.admin': 'Admin',
  'term.addressRole.billing': 'Billing',
  'term.addressRole.delivery': 'Delivery',
  'term.noteKind.general': 'General',
  'term.noteKind.call': 'Call',
  'term.noteKind.email': 'Email',
  'term.noteKind.meeting': 'Meeting',
  // A customer's fields and yes/no, named once for every component: the card shows them, the notes
  // panel names them in a system note's changes.
  'customer.name': 'Customer or company name',
  'customer.tradingName': 'Trading name',
  'customer.salesChannelId': 'Sales channel',
  'customer.type': 'Customer type',
  'customer.bankAccountId': 'Default bank account',
  'customer.accountsReference': 'Accounts reference',
  'customer.vatExempt': 'EU VAT exempt',
  'customer.onHold': 'Account on hold',
  'customer.eori': 'EORI number',
  'customer.creditLimit': 'Credit limit',
  'customer.paymentTermsId': 'Payment terms',
  'customer.username': 'Username',
  'customer.password': 'Password',
  'customer.email': 'Email',
  'customer.telephone': 'Telephone',
  'customer.mobile': 'Mobile',
  'customer.fax': 'Fax',
  'customer.loyaltyPoints': 'Loyalty points',
  'value.yes': 'Yes',
  'value.no': 'No',
} as const;

/** A key of the shared catalogue. */
export type MessageKey = keyof typeof en;
/** A category of `Intl.PluralRules` (English uses one/other; Arabic all six). */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/**
 * The plural forms a language may add to a key that ends in `_other` (`count_other` →
 * `count_zero`, `count_one`, `count_two`, `count_few`, `count_many`).
 */
export type PluralForms<K extends string> = K extends `${infer Base}_other` ? `${Base}_${PluralCategory}` : never;
/**
 * A message catalogue for one language: every key optional except in English. A key ending in
 * `_other` is a plural message: the language may give each of its own plural categories.
 */
export type Catalogue<K extends string> = Partial<Record<K | PluralForms<K>, string>>;
/** A customer field's label in the shared catalogue (`customer.<field>`). */
export type CustomerFieldKey = Extract<MessageKey, `customer.${string}`>;
/** Values substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;
/** A translate function for the shared catalogue, as components pass it around. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The language part of a BCP 47 tag, lower-cased (`de-AT` → `de`). */
export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

/** Writing direction of a locale's script: `rtl` for Arabic, Hebrew, Persian, Urdu and the like. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(languageOf(locale)) ? 'rtl' : 'ltr';
}
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function safeLocale<T>(locale: string, make: (locale: string) => T): T {
  try {
    return make(locale);
  } catch {
    return make('en-GB');
  }
}

/**
 * A number as the locale writes it (Arabic-Indic digits in `ar`, as `Intl` does), grouped only
 * from five digits (`1000`, `12,345`) so that limits and codes read as they always have.
 */
function localNumber(n: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    const options = { useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions;
    format = safeLocale(locale, (l) => new Intl.NumberFormat(l, options));
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

/** The plural category of `n` in `locale` (`ar`: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many). */
export function pluralCategory(n: number, locale: string): PluralCategory {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = safeLocale(locale, (l) => new Intl.PluralRules(l));
    pluralRules.set(locale, rules);
  }
  return rules.select(n) as PluralCategory;
}

function interpolate(text: string, locale: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value !== 'number') return value;
    return Number.isFinite(value) ? localNumber(value, locale) : '—';
  });
}

/** A catalogue as a language module gives it: `export default { … }`, or the object itself. */
export type CatalogueModule<K extends string> = Catalogue<K> | { default: Catalogue<K> };
/** Where a language's texts come from: the catalogue itself, or a function that loads it (`() => import('./fr.js')`). */
export type CatalogueSource<K extends string> = Catalogue<K> | (() => Promise<CatalogueModule<K>>);

/** What a component needs of a catalogue to wait for its texts (see `CeElement.catalogues`). */
export interface LoadableCatalogue {
  /** The catalogue's name in {@link registerCatalogues} (`shared`, or the component's folder, `customer-card`). */
  readonly domain: string;
  /** Whether the texts for `locale` are in (always for English and for a language nobody provides). */
  ready(locale: string): boolean;
  /**
   * Loads the texts for `locale`, once; resolves when they are in, or when loading failed (the texts
   * then stay English, with a console warning). Never rejects.
   */
  load(locale: string): Promise<void>;
}

/**
 * A typed translate function over one catalogue (call it as `msg(locale, key, params)`), which also
 * says whether a locale's texts are in and loads them.
 */
export interface Messages<K extends string> extends LoadableCatalogue {
  (locale: string, key: K, params?: MessageParams): string;
  /**
   * Every language the package ships for this catalogue, loaded: `{ en, de, … }`, for tests that
   * check each language against English (missing keys, a term translated two ways).
   */
  builtIn(): Promise<{ en: Readonly<Record<K, string>> } & Record<string, Catalogue<K>>>;
}

const tagCache = new Map<string, readonly string[]>();
/**
 * The language tags to look in for `locale`, most specific first (`de-AT` → `de-at`, `de`), then
 * English from the catalogue itself. English has tags too, for a host's own English wording.
 * Memoised: it runs for every text a component renders.
 */
function tagsOf(locale: string): readonly string[] {
  let tags = tagCache.get(locale);
  if (!tags) {
    const full = locale.trim().toLowerCase().replace(/_/g, '-');
    const lang = languageOf(full);
    tags = !lang ? [] : full === lang ? [lang] : [full, lang];
    tagCache.set(locale, tags);
  }
  return tags;
}

type AnySource = CatalogueSource<string>;

/**
 * The languages hosts registered, and a signal when one arrives. On `globalThis` under a global
 * symbol, so that two copies of the library on one page (see context.ts) see the same languages.
 */
interface HostLocales {
  /** tag → catalogue name → sources, in registration order (later wins). */
  readonly sources: Map<string, Map<string, AnySource[]>>;
  /** Fires `change` after each registration, so that rendered components load the new texts. */
  readonly events: EventTarget;
}
const HOST_KEY = Symbol.for('customer-elements.locales');
function hostLocales(): HostLocales {
  const g = globalThis as typeof globalThis & { [HOST_KEY]?: HostLocales };
  return (g[HOST_KEY] ??= { sources: new Map(), events: new EventTarget() });
}

/** Fires when a host registers texts: components re-render, loading them if they are in that language. */
export const catalogueEvents: EventTarget = hostLocales().events;

/**
 * Adds texts in one language for any catalogues, from outside the package: `lang` is a BCP 47 tag
 * (`fr`, or `fr-CA` for a regional variant that falls back to `fr`), `catalogues` maps a catalogue's
 * name (`shared`, `customer-card`, …) to its texts or to a function that loads them. Keys left out
 * fall back to English one by one; texts registered later win over earlier and built-in ones.
 * Components already on the page re-render in the new texts.
 *
 * Hosts use the typed `registerLocale` (src/components/locales.ts), which names every catalogue.
 */
export function registerCatalogues(lang: string, catalogues: Readonly<Record<string, AnySource | undefined>>): void {
  const tag = tagsOf(lang)[0];
  if (!tag) {
    console.warn(`customer-elements: registerLocale('${lang}') ignored: the texts need a language tag such as 'fr'.`);
    return;
  }
  const { sources, events } = hostLocales();
  const byDomain = sources.get(tag) ?? new Map<string, AnySource[]>();
  sources.set(tag, byDomain);
  for (const [domain, source] of Object.entries(catalogues)) {
    if (source === undefined) continue;
    if (typeof source !== 'function' && (source === null || typeof source !== 'object')) {
      console.warn(`customer-elements: registerLocale('${lang}'): the '${domain}' texts are neither an object nor a function; ignored.`);
      continue;
    }
    const known = byDomain.get(domain) ?? [];
    // The same catalogue registered again (a story or a route that runs its set-up twice) changes nothing.
    if (!known.includes(source)) byDomain.set(domain, [...known, source]);
  }
  events.dispatchEvent(new CustomEvent('change', { detail: { lang: tag } }));
}

/** Only the string values of what a language module gave, so that a bad catalogue cannot put "undefined" on screen. */
function textsOf(module: unknown): Record<string, string> {
  const value = module && typeof module === 'object' && 'default' in module ? (module as { default: unknown }).default : module;
  const out: Record<string, string> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') out[key] = text;
  return out;
}

/**
 * One language of one catalogue: `texts` once loaded (empty when loading failed); `stale`, the texts
 * of an earlier load, shown while a later registration for the same language loads.
 */
type Entry = { sources: readonly AnySource[]; texts?: Record<string, string>; stale?: Record<string, string>; promise: Promise<void> };

/**
 * Makes a typed translate function over a component's catalogue. English is given here and must be
 * complete; every other language is a source, usually a loader, so that it is a chunk of its own:
 *
 * ```ts
 * export const badgeMessages = createMessages('watch-list-badge', en, {
 *   de: () => import('./locales/de.js'),
 * });
 * badgeMessages(this.resolvedLocale, 'add');
 * ```
 *
 * Until a language is in, and for every key it lacks, the text is English. A component lists the
 * catalogues it reads in `static catalogues` (see `CeElement`) and waits for them before it renders.
 *
 * Plurals: a key ending in `_other` called with a numeric `count` is looked up by the locale's
 * plural category first (`found_few` in Arabic for 3, `found_one` in English for 1), then as
 * `_other`. Numbers in `params` are written in the locale's digits.
 */
export function createMessages<const E extends Record<string, string>>(
  domain: string,
  english: E,
  languages: Readonly<Record<string, CatalogueSource<Extract<keyof E, string>>>> = {},
): Messages<Extract<keyof E, string>> {
  const entries = new Map<string, Entry>();

  const sourcesOf = (tag: string): readonly AnySource[] => {
    const own = languages[tag] as AnySource | undefined;
    const hosts = hostLocales().sources.get(tag)?.get(domain) ?? [];
    return own ? [own, ...hosts] : hosts;
  };

  /** The entry for a tag, its load started; undefined when nobody provides that language. */
  const entryOf = (tag: string): Entry | undefined => {
    const sources = sourcesOf(tag);
    const known = entries.get(tag);
    // Registrations only add sources: a longer list means new texts to load.
    if (known && known.sources.length === sources.length) return known;
    if (sources.length === 0) return undefined;
    const entry: Entry = { sources, stale: known?.texts ?? known?.stale, promise: Promise.resolve() };
    entries.set(tag, entry);
    entry.promise = Promise.all(
      sources.map(async (source) => {
        try {
          return textsOf(typeof source === 'function' ? await source() : source);
        } catch (error) {
          console.warn(`customer-elements: the '${tag}' texts of '${domain}' could not be loaded; they show in English.`, error);
          return {};
        }
      }),
    ).then((all) => {
      entry.texts = Object.assign({}, ...all) as Record<string, string>;
    });
    return entry;
  };

  const ready = (locale: string): boolean =>
    tagsOf(locale).every((tag) => {
      const entry = entryOf(tag);
      return !entry || entry.texts !== undefined;
    });

  /** The text for `key` in the first of `locale`'s tags that has it (a host's or the language's own). */
  const lookup = (locale: string, key: string): string | undefined => {
    for (const tag of tagsOf(locale)) {
      const entry = entryOf(tag);
      const text = entry?.texts?.[key] ?? entry?.stale?.[key];
      if (text !== undefined) return text;
    }
    return undefined;
  };
  const englishOf = (key: string): string | undefined => (english as Record<string, string | undefined>)[key];

  const msg = (locale: string, key: Extract<keyof E, string>, params?: MessageParams): string => {
    const count = params?.['count'];
    if (key.endsWith('_other') && typeof count === 'number') {
      // A plural message: the locale's own form for this count (`_few` in Arabic for 3), then `_other`.
      const base = key.slice(0, -'other'.length);
      const text =
        lookup(locale, base + pluralCategory(count, locale)) ??
        lookup(locale, key) ??
        englishOf(base + pluralCategory(count, 'en')) ??
        englishOf(key) ??
        key;
      // A count reads with the locale's full grouping ("12,345 customers"), like formatNumber.
      return interpolate(text, locale, { ...params, count: safeLocale(locale, (l) => new Intl.NumberFormat(l)).format(count) });
    }
    return interpolate(lookup(locale, key) ?? englishOf(key) ?? key, locale, params);
  };

  const builtIn = async () => {
    const out: Record<string, Catalogue<Extract<keyof E, string>>> = {};
    for (const [lang, source] of Object.entries(languages)) {
      const texts = textsOf(typeof source === 'function' ? await source() : source);
      out[lang] = texts as Catalogue<Extract<keyof E, string>>;
    }
    return { ...out, en: english };
  };

  return Object.assign(msg, {
    domain,
    ready,
    builtIn,
    async load(locale: string): Promise<void> {
      // Loops because a host may register more texts for this language while it loads.
      while (!ready(locale)) await Promise.all(tagsOf(locale).map((tag) => entryOf(tag)?.promise));
    },
  });
}

/** Translates a shared key for a locale (its language once loaded, else English). */
export const translate: Messages<MessageKey> = createMessages('shared', en, {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
});

type ErrorLike = { kind?: unknown; status?: unknown; name?: unknown };

function kindOf(error: unknown): string {
  if (error === null || typeof error !== 'object') return 'unknown';
  const { kind, status, name } = error as ErrorLike;
  if (typeof kind === 'string') {
    // An HTTP error whose status has a meaning of its own says that meaning.
    if (kind === 'http' && typeof status === 'number') return kindOfStatus(status) ?? 'http';
    return kind;
  }
  if (name === 'TimeoutError') return 'timeout';
  if (typeof status === 'number') return kindOfStatus(status) ?? 'http';
  if (name === 'TypeError') return 'network'; // fetch's own failure
  return 'unknown';
}

function kindOfStatus(status: number): string | undefined {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  return undefined;
}

/**
 * The server's messages per field of a validation error (the first per field), to show beside the
 * fields; empty for any other error. The messages are server text: bind them as text.
 */
export function fieldErrors(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isValidationError(error)) return out;
  for (const { field, message } of error.fieldErrors) if (!out.has(field)) out.set(field, message);
  return out;
}

/**
 * A clear, localised sentence for an error from the SDK, by its `kind`. Never the raw message or
 * a stack: those are for developers, and may carry server text.
 */
export function errorMessage(error: unknown, t: Translate): string {
  const kind = kindOf(error);
  switch (kind) {
    case 'network':
      return t('error.network');
    case 'timeout':
      return t('error.timeout');
    case 'http': {
      const status = (error as ErrorLike).status;
      return typeof status === 'number' ? t('error.http', { status }) : t('error.httpNoStatus');
    }
    case 'validation':
      return t('error.validation');
    case 'conflict':
      return t('error.conflict');
    case 'unauthorized':
      return t('error.unauthorized');
    case 'forbidden':
      return t('error.forbidden');
    case 'not-found':
      return t('error.notFound');
    case 'invalid-response':
      return t('error.invalidResponse');
    case 'unconfirmed':
      // From confirmedWrite (write.ts): never "not saved" when it may have been saved.
      return t('write.unconfirmed');
    default:
      return t('error.unknown');
  }
}
