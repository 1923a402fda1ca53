/**
 * Totals of an invoice or credit note, exactly as the reference API computes them, so that an
 * editor can show live totals that equal the server's to the penny.
 *
 * The rule (UK, HMRC VAT Notice 700 section 16.3 allows it): VAT is worked out per line. A line's
 * net is quantity x unit price (exact in minor units); its VAT is net x rate rounded to the nearest
 * minor unit, half a unit rounded up; the document's net, VAT and total are the sums of its lines'.
 * Per line rather than per invoice so that every printed line adds up, and so that a credit note for
 * some lines of an invoice carries exactly the VAT those lines were charged.
 */
import type { DocumentLine, DocumentLineInput, Money, VatRate } from './schemas.js';

/** The UK rates, in basis points (hundredths of a percent). */
export const VAT_RATE_BASIS_POINTS: Readonly<Record<VatRate, number>> = {
  standard: 2000,
  reduced: 500,
  zero: 0,
  exempt: 0,
};

/** `minor x basisPoints / 10000`, to the nearest minor unit, half up (away from zero for negatives); integers only. */
export function vatOf(netMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(netMinor) || !Number.isInteger(basisPoints)) throw new RangeError('vatOf: integers only');
  const sign = netMinor < 0 ? -1 : 1;
  const product = Math.abs(netMinor) * basisPoints;
  if (!Number.isSafeInteger(product)) throw new RangeError('vatOf: amount too large');
  return sign * Math.floor((product + 5000) / 10000);
}

export interface DocumentTotals {
  lines: DocumentLine[];
  net: Money;
  vat: Money;
  total: Money;
}

/**
 * The lines with their net, VAT and total, and the document's totals. `vatExempt`: the customer
 * pays no VAT whatever rate a line asks for. Every line must be in `currency`.
 */
export function invoiceTotals(lines: readonly DocumentLineInput[], currency: string, options: { vatExempt?: boolean } = {}): DocumentTotals {
  let net = 0;
  let vat = 0;
  const out: DocumentLine[] = lines.map((line) => {
    const lineNet = line.quantity * line.unitPrice.amountMinor;
    const lineVat = options.vatExempt ? 0 : vatOf(lineNet, VAT_RATE_BASIS_POINTS[line.vatRate]);
    net += lineNet;
    vat += lineVat;
    return {
      description: line.description.trim(),
      quantity: line.quantity,
      unitPrice: { amountMinor: line.unitPrice.amountMinor, currency },
      vatRate: line.vatRate,
      net: { amountMinor: lineNet, currency },
      vat: { amountMinor: lineVat, currency },
      total: { amountMinor: lineNet + lineVat, currency },
    };
  });
  return { lines: out, net: { amountMinor: net, currency }, vat: { amountMinor: vat, currency }, total: { amountMinor: net + vat, currency } };
}
