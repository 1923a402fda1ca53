/**
 * Numbers, money and dates for people to read, through `Intl`.
 *
 * Every formatter takes what the server sent (or nothing) and never prints "NaN", "undefined" or
 * "Invalid Date": a missing or unreadable value gives an em dash, which reads as "not known".
 */
import type { Money } from '../../sdk/schemas.js';
import { directionOf } from './i18n.js';

/** What a formatter prints for a missing or unreadable value. */
export const MISSING = '—';
const FALLBACK_LOCALE = 'en-GB';

// Formatters are expensive to build (the first Intl.NumberFormat of a page costs tens of ms) and
// cheap to reuse: keep each one under a short key its caller builds from strings, never from an
// options object (JSON.stringify on every call cost more than the formatting).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, key: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options());
    } catch (error) {
      // A malformed locale tag falls back; a bad currency is the caller's to handle.
      if (!(error instanceof RangeError) || locale === FALLBACK_LOCALE) throw error;
      format = new Intl.NumberFormat(FALLBACK_LOCALE, options());
    }
    numberFormats.set(cacheKey, format);
  }
  return format;
}

function dateFormat(locale: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${key}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(FALLBACK_LOCALE, options);
    }
    dateFormats.set(cacheKey, format);
  }
  return format;
}

/** Minor-unit digits per currency, once each (asking Intl builds a formatter). */
const digitsOf = new Map<string, number | undefined>();

/** The number of minor-unit digits of a currency (GBP 2, JPY 0, BHD 3), or undefined if unknown. */
export function currencyDigits(currency: string): number | undefined {
  if (digitsOf.has(currency)) return digitsOf.get(currency);
  let digits: number | undefined;
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      digits = numberFormat(FALLBACK_LOCALE, `c|${currency}`, () => ({ style: 'currency', currency })).resolvedOptions().maximumFractionDigits;
    } catch {
      digits = undefined;
    }
  }
  // Only well-formed codes are remembered, so bad input from a server cannot grow the map.
  if (/^[A-Z]{3}$/.test(currency)) digitsOf.set(currency, digits);
  return digits;
}

/**
 * An exact decimal string for an integer number of minor units, so that large amounts never pick
 * up binary floating-point error on the way to `Intl` (which accepts decimal strings).
 */
function minorToDecimal(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const units = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? units : units.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${units.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Formats money held in minor units with its currency's own number of digits:
 * `{ amountMinor: 123456, currency: 'GBP' }` → "£1,234.56" (en-GB), "1.234,56 £" (de-DE).
 */
export function formatMoney(money: Money | null | undefined, locale: string): string {
  if (!money || typeof money !== 'object') return MISSING;
  const { amountMinor, currency } = money as { amountMinor: unknown; currency: unknown };
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || typeof currency !== 'string') {
    return MISSING;
  }
  if (!/^[A-Z]{3}$/.test(currency)) return MISSING;
  // A currency formatter shows its currency's own digits by default (ISO 4217, the same in every
  // locale), so one formatter both says the digits and formats: the first row pays for one, not two.
  let format: Intl.NumberFormat;
  try {
    format = numberFormat(locale || FALLBACK_LOCALE, `m|${currency}`, () => ({ style: 'currency', currency }));
  } catch {
    return MISSING;
  }
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    digitsOf.set(currency, digits);
  }
  // `format` takes decimal strings (Intl.NumberFormat v3); lib.es2022 does not know yet.
  const decimal = minorToDecimal(amountMinor, digits) as unknown as number;
  if (directionOf(locale) === 'ltr') return format.format(decimal);
  // Right to left, a Latin currency sign such as "UK£" would be split by the bidi algorithm
  // ("£UK"): isolate it (LRI … PDI) so that it reads as one.
  return format
    .formatToParts(decimal)
    .map((part) => (part.type === 'currency' && /[A-Za-z]/.test(part.value) ? `\u2066${part.value}\u2069` : part.value))
    .join('');
}

/** Formats a finite number ("1,234.5"); anything else gives "—". */
export function formatNumber(n: number | null | undefined, locale: string, options?: Intl.NumberFormatOptions): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return MISSING;
  // Callers with options are rare (and pass small objects): only they pay for a serialised key.
  const format = options
    ? numberFormat(locale || FALLBACK_LOCALE, `o|${JSON.stringify(options)}`, () => options)
    : numberFormat(locale || FALLBACK_LOCALE, '', () => ({}));
  return format.format(n);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parse(iso: string | null | undefined): Date | undefined {
  if (typeof iso !== 'string' || iso === '') return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Formats a date ("1 Nov 2026"). A plain calendar date (`2026-11-01`) is shown as that day
 * everywhere; a timestamp is shown in the reader's time zone.
 */
export function formatDate(iso: string | null | undefined, locale: string): string {
  const date = parse(iso);
  if (!date) return MISSING;
  return DATE_ONLY.test(iso as string)
    ? dateFormat(locale || FALLBACK_LOCALE, 'day', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
    : dateFormat(locale || FALLBACK_LOCALE, 'date', { dateStyle: 'medium' }).format(date);
}

/** Formats a timestamp with its time ("1 Nov 2026, 09:00"), in the reader's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  const date = parse(iso);
  if (!date) return MISSING;
  return dateFormat(locale || FALLBACK_LOCALE, 'datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Parses "12.50" / "12,50" into minor units of a currency; undefined when it is not an amount. */
export function parseAmount(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  if (digits === undefined || !match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
