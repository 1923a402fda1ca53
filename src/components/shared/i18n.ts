/**
 * Localised UI text.
 *
 * The shared catalogue below holds the texts every component needs (states, errors, generic
 * actions). A component with texts of its own keeps them beside it and reads them with
 * {@link createMessages}, so that no two engineers edit one catalogue and every key stays typed.
 */
import { isValidationError } from '../../sdk/index.js';
import de from './locales/de.js';

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
} as const;

/** A key of the shared catalogue. */
export type MessageKey = keyof typeof en;
/** A message catalogue for one language: every key optional except in English. */
export type Catalogue<K extends string> = Partial<Record<K, string>>;
/** Values substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;
/** A translate function for the shared catalogue, as components pass it around. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The language part of a BCP 47 tag, lower-cased (`de-AT` → `de`). */
export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Makes a typed translate function over a component's own catalogues. English must be complete;
 * other languages fall back to English key by key.
 *
 * ```ts
 * const msg = createMessages({ en: { 'badge.add': 'Add' }, de: { 'badge.add': 'Hinzufügen' } });
 * msg(this.resolvedLocale, 'badge.add');
 * ```
 */
export function createMessages<const E extends Record<string, string>>(
  catalogues: { en: E } & Record<string, Catalogue<Extract<keyof E, string>>>,
): (locale: string, key: Extract<keyof E, string>, params?: MessageParams) => string {
  return (locale, key, params) => {
    const lang = languageOf(locale);
    const own = lang === 'en' ? undefined : catalogues[lang]?.[key];
    return interpolate(own ?? catalogues.en[key] ?? key, params);
  };
}

/** Translates a shared key for a locale (`de-*` → German, anything else → English). */
export const translate: (locale: string, key: MessageKey, params?: MessageParams) => string = createMessages({ en, de });

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
