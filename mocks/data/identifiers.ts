/**
 * Order identifiers derived arithmetically from the order's ordinal `n` (0-based, unique in the
 * database), and the inverse: from a typed identifier back to the one ordinal that could carry it.
 *
 * This is what lets search find any order, including the big customer's 100,000 orders that are
 * never materialised, without a scan and without a map entry per order: parse, invert, then verify
 * that the order really carries that identifier now (its status may not give it one, or a saved
 * order may have changed it). Each kind of identifier scrambles the ordinal with its own affine
 * permutation modulo 10^7, so neighbouring orders get unrelated-looking codes.
 */
import { hashSeed, pad } from './random.js';

const MOD = 10_000_000;

function inverseMod(a: number, m: number): number {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

class Permutation {
  private readonly inv: number;
  constructor(private readonly a: number, private readonly b: number) {
    this.inv = inverseMod(a, MOD);
  }
  apply(n: number): number {
    return (((this.a * n + this.b) % MOD) + MOD) % MOD;
  }
  invert(x: number): number {
    return (((this.inv * ((x - this.b + MOD) % MOD)) % MOD) + MOD) % MOD;
  }
}

const REF = new Permutation(7_654_321, 1_234_567);
const DISPATCH = new Permutation(3_141_593, 2_718_281);
const AMAZON = new Permutation(9_876_543, 4_444_447);
const TRACK = new Permutation(1_299_709, 5_550_011);
const EXTERNAL = new Permutation(2_750_159, 6_180_339);

/** The largest ordinal these encodings can carry. */
export const MAX_ORDINAL = MOD - 1;

export const orderId = (n: number) => `ord_${pad(n + 1, 7)}`;
export function ordinalOfOrderId(id: string): number | undefined {
  const m = /^ord_(\d{7,})$/.exec(id);
  return m ? Number(m[1]) - 1 : undefined;
}

export const orderNumber = (n: number) => `SO-${1_000_001 + n}`;
export const orderReference = (n: number) => `CCP-${pad(REF.apply(n), 7)}`;
export const invoiceNumber = (n: number) => `INV-${pad(300_001 + n, 7)}`;
export const dispatchId = (n: number) => `DSP-${pad(DISPATCH.apply(n), 7)}`;
export const amazonOrderId = (n: number) => `202-${pad(AMAZON.apply(n), 7)}-${pad(hashSeed(n, 202) % MOD, 7)}`;

export type ChannelKind = 'manual' | 'website' | 'amazon' | 'ebay' | 'epos' | 'trade';

/** The reference the order carries in the channel it came from; null for manual and till orders. */
export function externalReference(n: number, channel: ChannelKind): string | null {
  const x = pad(EXTERNAL.apply(n), 7);
  switch (channel) {
    case 'website':
      return `WEB-${x}`;
    case 'ebay': {
      // eBay order numbers look like 12-34567-89012.
      const d = `${x}${pad(hashSeed(n, 13) % 100_000, 5)}`;
      return `${d.slice(0, 2)}-${d.slice(2, 7)}-${d.slice(7, 12)}`;
    }
    case 'trade':
      return `PO-${x}`;
    case 'amazon':
      return amazonOrderId(n);
    default:
      return null;
  }
}

export interface DerivedTracking {
  carrier: string;
  code: string;
}

/** Royal Mail S10 check digit over 8 digits. */
function s10Check(digits: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * weights[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}
const RM_PREFIXES = ['JT', 'KF', 'RN', 'TT', 'AB', 'LX'];

/** The courier label's tracking number of a dispatched order: Royal Mail (2 in 3) or DPD. */
export function labelTracking(n: number): DerivedTracking {
  const x = pad(TRACK.apply(n), 7);
  const h = hashSeed(n, 99);
  if (h % 3 === 2) return { carrier: 'DPD', code: `1550${x}${pad(h % 1000, 3)}` };
  const digits = `${h % 10}${x}`;
  return { carrier: 'Royal Mail', code: `${RM_PREFIXES[h % RM_PREFIXES.length]}${digits}${s10Check(digits)}GB` };
}

export type OrderIdentifierKind =
  | 'orderNumber' | 'invoiceNumber' | 'trackingNumber' | 'amazonOrderId' | 'orderReference' | 'externalOrderReference' | 'dispatchId';

/**
 * The ordinals that could carry `q` (already trimmed and lower-cased) as an identifier of `kind`.
 * The caller must still verify the order carries it.
 */
export function candidateOrdinals(kind: OrderIdentifierKind, q: string): number[] {
  let m: RegExpExecArray | null;
  switch (kind) {
    case 'orderNumber':
      m = /^so-(\d{7,})$/.exec(q);
      return m ? [Number(m[1]) - 1_000_001] : [];
    case 'invoiceNumber':
      m = /^inv-(\d{7,})$/.exec(q);
      return m ? [Number(m[1]) - 300_001] : [];
    case 'orderReference':
      m = /^ccp-(\d{7})$/.exec(q);
      return m ? [REF.invert(Number(m[1]))] : [];
    case 'dispatchId':
      m = /^dsp-(\d{7})$/.exec(q);
      return m ? [DISPATCH.invert(Number(m[1]))] : [];
    case 'amazonOrderId':
      m = /^202-(\d{7})-\d{7}$/.exec(q);
      return m ? [AMAZON.invert(Number(m[1]))] : [];
    case 'trackingNumber':
      m = /^1550(\d{7})\d{3}$/.exec(q) ?? /^[a-z]{2}\d(\d{7})\dgb$/.exec(q);
      return m ? [TRACK.invert(Number(m[1]))] : [];
    case 'externalOrderReference': {
      m = /^(?:web|po)-(\d{7})$/.exec(q) ?? /^(\d{2})-(\d{5})-\d{5}$/.exec(q);
      if (m) return [EXTERNAL.invert(Number(m[2] === undefined ? m[1] : `${m[1]}${m[2]}`))];
      m = /^202-(\d{7})-\d{7}$/.exec(q);
      return m ? [AMAZON.invert(Number(m[1]))] : [];
    }
  }
}
