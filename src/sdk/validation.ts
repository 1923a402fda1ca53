/**
 * Country-aware address rules, shared by the components (inline validation as the user types) and
 * the mocks (the server's 422 field errors), so that both say the same thing in the same words.
 *
 * Pure and dependency-free on purpose: it ships in the components' bundle.
 */

/** One invalid field: the same shape as `FieldError` in `schemas.ts`. */
export interface FieldError {
  field: string;
  message: string;
  code: string;
}

/** The address fields these rules look at; everything else is ignored. */
export interface AddressFields {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postcode?: string | null;
  country?: string | null;
}

// The UK format: outward code (area letters, district digits, optional letter) then inward code
// (digit + two letters that never include C, I, K, M, O, V). GIR 0AA is the one historical exception.
const UK_POSTCODE = /^(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

/** True when `s` is a well-formed UK postcode (any case, with or without the space). */
export function isUkPostcode(s: string): boolean {
  return UK_POSTCODE.test(s.trim().toUpperCase().replace(/\s+/g, ' '));
}

/**
 * Upper case, surrounding and inner runs of spaces removed, and for UK-shaped postcodes a single
 * space before the three-character inward code (`sw1a1aa` → `SW1A 1AA`). Other countries' postcodes
 * keep their own spacing (collapsed to single spaces).
 */
export function normalisePostcode(s: string, country = 'GB'): string {
  const upper = s.trim().toUpperCase().replace(/\s+/g, ' ');
  if (country === 'GB' || country === 'UK') {
    const compact = upper.replace(/ /g, '');
    if (compact.length >= 5 && compact.length <= 7) return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
    return upper;
  }
  if (country === 'NL') {
    const m = /^(\d{4}) ?([A-Z]{2})$/.exec(upper);
    if (m) return `${m[1]} ${m[2]}`;
  }
  if (country === 'IE') {
    const compact = upper.replace(/ /g, '');
    if (compact.length === 7) return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  }
  return upper;
}

interface PostcodeRule {
  pattern: RegExp;
  example: string;
  /** What a user calls it in that country. */
  name: string;
}

/** Simple per-country formats (enough to catch typing mistakes, not a postal database). */
const POSTCODE_RULES: Record<string, PostcodeRule> = {
  GB: { pattern: UK_POSTCODE, example: 'SW1A 1AA', name: 'UK postcode' },
  // Eircode: routing key (letter + 2 digits, or D6W) then a 4-character unique identifier.
  IE: { pattern: /^(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/, example: 'D02 X285', name: 'Eircode' },
  US: { pattern: /^[0-9]{5}(?:-[0-9]{4})?$/, example: '94105 or 94105-1234', name: 'ZIP code' },
  DE: { pattern: /^[0-9]{5}$/, example: '10115', name: 'postcode' },
  FR: { pattern: /^[0-9]{5}$/, example: '75001', name: 'postcode' },
  ES: { pattern: /^[0-9]{5}$/, example: '28001', name: 'postcode' },
  NL: { pattern: /^[1-9][0-9]{3} ?[A-Z]{2}$/, example: '1012 AB', name: 'postcode' },
};

/** Countries whose addresses need a postcode; the reference list's `postcodeRequired` adds to these. */
const POSTCODE_REQUIRED = new Set(['GB', 'IE', 'US', 'DE', 'FR', 'ES', 'NL']);

export interface ValidateAddressOptions {
  /**
   * Countries that require a postcode, e.g. from `reference.countries` where `postcodeRequired`.
   * Added to the built-in list (GB, IE, US, DE, FR, ES, NL).
   */
  postcodeRequired?: Iterable<string>;
}

const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

/**
 * Country-aware address rules: the first line and town are required; GB needs a real UK postcode;
 * countries that require one need a postcode in their format. Returns one error per bad field,
 * with messages a user understands; an empty array means the address is acceptable.
 */
export function validateAddress(input: AddressFields, options: ValidateAddressOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  const country = (input.country ?? '').trim().toUpperCase();
  if (blank(input.line1)) errors.push({ field: 'line1', message: 'Enter the first line of the address.', code: 'required' });
  if (blank(input.city)) errors.push({ field: 'city', message: 'Enter a town or city.', code: 'required' });
  if (!/^[A-Z]{2}$/.test(country)) {
    errors.push({ field: 'country', message: 'Choose a country.', code: blank(input.country) ? 'required' : 'invalid_format' });
    return errors;
  }
  const required = new Set(POSTCODE_REQUIRED);
  for (const c of options.postcodeRequired ?? []) required.add(c.toUpperCase());
  const rule = POSTCODE_RULES[country];
  const postcode = input.postcode;
  if (blank(postcode)) {
    if (country === 'GB') errors.push({ field: 'postcode', message: 'Enter a postcode, like SW1A 1AA.', code: 'required' });
    else if (required.has(country)) {
      const what = rule ? rule.name : 'postcode';
      errors.push({ field: 'postcode', message: `Enter a ${what}${rule ? `, like ${rule.example}` : ''}.`, code: 'required' });
    }
    return errors;
  }
  if (rule) {
    const normalised = normalisePostcode(postcode ?? '', country);
    if (!rule.pattern.test(normalised)) {
      const message = country === 'GB'
        ? 'Enter a real UK postcode, like SW1A 1AA.'
        : `Enter a real ${rule.name}, like ${rule.example}.`;
      errors.push({ field: 'postcode', message, code: 'invalid_format' });
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Attachments: what the reference API accepts, checked by the component before sending and by the
// mocks on receipt, so the two cannot disagree.
// ---------------------------------------------------------------------------------------------

/** The largest attachment the reference API accepts: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The content types the reference API accepts: pictures (not SVG, which can carry script), PDF,
 * plain text and CSV, and office documents.
 */
export const ATTACHMENT_TYPES: readonly string[] = [
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/heic', 'image/tiff', 'image/bmp',
  'application/pdf',
  'text/plain', 'text/csv',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
];
