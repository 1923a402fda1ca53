/**
 * The search indexes: sorted arrays searched by binary search, so a prefix query costs
 * O(log n + matches) and a mutation O(n) memmove at worst (cheap at 10,000 customers).
 */

const SEP = '\u0000';

/**
 * A sorted multimap from string keys to ids, supporting exact and prefix lookup.
 * Entries are stored as `key + "\0" + id`, so one plain string sort orders them.
 */
export class SortedIndex {
  private entries: string[] = [];
  private sorted = true;

  /** Adds during a bulk build; call `finish()` once at the end. */
  bulkAdd(key: string, id: string): void {
    if (key === '') return;
    this.entries.push(key + SEP + id);
    this.sorted = false;
  }

  finish(): void {
    if (!this.sorted) {
      this.entries.sort();
      this.sorted = true;
    }
  }

  add(key: string, id: string): void {
    if (key === '') return;
    this.finish();
    const entry = key + SEP + id;
    const i = this.lowerBound(entry);
    if (this.entries[i] !== entry) this.entries.splice(i, 0, entry);
  }

  remove(key: string, id: string): void {
    if (key === '') return;
    this.finish();
    const entry = key + SEP + id;
    const i = this.lowerBound(entry);
    if (this.entries[i] === entry) this.entries.splice(i, 1);
  }

  /** Ids whose key starts with `prefix`. */
  prefix(prefix: string, out: Set<string> = new Set()): Set<string> {
    this.finish();
    if (prefix === '') return out;
    const entries = this.entries;
    for (let i = this.lowerBound(prefix); i < entries.length; i++) {
      const entry = entries[i]!;
      if (!entry.startsWith(prefix)) break;
      out.add(entry.slice(entry.lastIndexOf(SEP) + 1));
    }
    return out;
  }

  /** Ids whose key is exactly `key`. */
  exact(key: string, out: Set<string> = new Set()): Set<string> {
    return this.prefix(key + SEP, out);
  }

  get length(): number {
    return this.entries.length;
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Lower-case, trimmed, without NULs: the form exact identifiers are compared in. */
export const normaliseExact = (value: string): string => value.replace(/\0/g, '').trim().toLowerCase();

/** Postcodes compare ignoring case and every space: "sw1a1aa" finds "SW1A 1AA". */
export const normalisePostcode = (value: string): string => value.replace(/[\s\0]+/g, '').toUpperCase();

/**
 * The words of a name, for word-prefix search: lower-cased, accents removed, split on anything that
 * is not a letter or a digit ("O'Brien & Sons Ltd" gives o, brien, sons, ltd; apostrophes join, so
 * "obrien" also matches).
 */
export function nameTokens(value: string): string[] {
  // Most names are plain ASCII: skip Unicode normalisation for them (it dominated index building).
  const ascii = !NON_ASCII.test(value);
  const folded = ascii ? value.toLowerCase() : value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const split = ascii ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u;
  const tokens = folded.split(split).filter(Boolean);
  if (/['’`]/.test(folded)) {
    for (const t of folded.replace(/['’`]/g, '').split(split)) if (t && !tokens.includes(t)) tokens.push(t);
  }
  return tokens;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The A–Z filter letter of a name: its first letter without accents, or `#` for anything else. */
export function initialOf(name: string): string {
  const first = name.trim().normalize('NFD').charAt(0).toUpperCase();
  return first >= 'A' && first <= 'Z' ? first : '#';
}

/** The key customers are ordered by in search results (then by id). */
export const sortKeyOf = (name: string): string => name.trim().toLowerCase();
