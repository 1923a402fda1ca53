/**
 * Documents of the reference API as PDF: invoices, credit notes, statements and the documents of an
 * order's print history, drawn with jsPDF.
 *
 * jsPDF is loaded with a dynamic `import()` on the first document asked for, so a page or a test
 * that never downloads a PDF never loads it, and the mocks' builds keep it in a chunk of its own
 * (bundled there: a host that installs this package gets working documents without installing
 * jsPDF). Content streams are left uncompressed so that a test, or a curious backend developer, can
 * read the text back. The standard PDF fonts only know Latin-1 (WinAnsi), so other characters are
 * written as their closest Latin-1 letter or `?`: a document never fails on a name.
 */

export interface DocumentModel {
  /** e.g. "Invoice", "Credit note", "Statement", "Packing slip". */
  title: string;
  /** Document number (invoice number, order number). */
  number: string;
  /** Label/value pairs printed under the title (date, due date, order, period…). */
  meta: [string, string][];
  /** The addressee: the customer name first, then address lines. */
  to: string[];
  /** Column headings; `align` right for amounts. */
  columns: { label: string; width: number; align?: 'left' | 'right' }[];
  rows: string[][];
  /** Label/value pairs printed under the table, right-aligned (net, VAT, total…). */
  totals: [string, string][];
  /** Small print at the bottom. */
  notes?: string[];
}

const SELLER = ['Customer Elements Trading Ltd', '1 Reference Way, London EC1A 1BB', 'VAT reg. GB 123 4567 89'];

/** Text the standard fonts can draw: Latin-1 only, no control characters. */
export function pdfText(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    if (code <= 0xff) {
      out += ch;
      continue;
    }
    if (ch === '\u2013' || ch === '\u2014') out += '-';
    else if (ch === '\u2018' || ch === '\u2019') out += "'";
    else if (ch === '\u201c' || ch === '\u201d') out += '"';
    else if (ch === '\u20ac') out += 'EUR ';
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base.length > 0 && [...base].every((c) => c.codePointAt(0)! <= 0xff) ? base : '?';
    }
  }
  return out;
}

/** The PDF bytes of a document. */
export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  doc.setProperties({ title: pdfText(`${model.title} ${model.number}`), creator: 'Customer Elements reference API' });
  const pageHeight = 297;
  const left = 15;
  const right = 195;
  let y = 20;

  const write = (text: string, x: number, at: number, options?: { align?: 'left' | 'right' }) =>
    doc.text(pdfText(text), x, at, options?.align === 'right' ? { align: 'right' } : undefined);
  const fit = (text: string, width: number) => {
    const lines = doc.splitTextToSize(pdfText(text), width) as string[];
    return lines.length > 2 ? [lines[0]!, `${lines[1]!.slice(0, Math.max(0, lines[1]!.length - 3))}...`] : lines;
  };

  doc.setFont('helvetica', 'bold');
  doc.setFontSize(18);
  write(`${model.title} ${model.number}`, left, y);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  SELLER.forEach((line, i) => write(line, right, 14 + i * 4.5, { align: 'right' }));
  y += 10;
  doc.setFontSize(10);
  for (const [label, value] of model.meta) {
    write(`${label}: ${value}`, left, y);
    y += 5;
  }
  y += 3;
  doc.setFont('helvetica', 'bold');
  for (const [i, line] of model.to.entries()) {
    for (const part of fit(line, 120)) {
      write(part, left, y);
      y += 5;
    }
    if (i === 0) doc.setFont('helvetica', 'normal');
  }
  y += 5;

  const header = () => {
    doc.setFont('helvetica', 'bold');
    let x = left;
    for (const c of model.columns) {
      write(c.label, c.align === 'right' ? x + c.width - 1 : x, y, { align: c.align ?? 'left' });
      x += c.width;
    }
    doc.setFont('helvetica', 'normal');
    y += 2;
    doc.line(left, y, right, y);
    y += 5;
  };
  doc.setFontSize(9);
  header();
  for (const row of model.rows) {
    const cells = model.columns.map((c, i) => (c.align === 'right' ? [pdfText(row[i] ?? '')] : fit(row[i] ?? '', c.width - 2)));
    const height = Math.max(...cells.map((c) => c.length)) * 4.5;
    if (y + height > pageHeight - 30) {
      doc.addPage();
      y = 20;
      header();
    }
    let x = left;
    model.columns.forEach((c, i) => {
      cells[i]!.forEach((text, k) => doc.text(text, c.align === 'right' ? x + c.width - 1 : x, y + k * 4.5, c.align === 'right' ? { align: 'right' } : undefined));
      x += c.width;
    });
    y += height + 1;
  }
  doc.line(left, y - 3, right, y - 3);
  y += 3;
  doc.setFontSize(10);
  for (const [i, [label, value]] of model.totals.entries()) {
    if (y > pageHeight - 20) {
      doc.addPage();
      y = 20;
    }
    if (i === model.totals.length - 1) doc.setFont('helvetica', 'bold');
    write(label, right - 45, y, { align: 'right' });
    write(value, right, y, { align: 'right' });
    y += 5.5;
  }
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8);
  for (const note of model.notes ?? []) {
    if (y > pageHeight - 15) {
      doc.addPage();
      y = 20;
    }
    y += 4;
    for (const part of fit(note, right - left)) {
      write(part, left, y);
      y += 4;
    }
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** A `Content-Disposition` file name from a document number: letters, digits, dots and dashes only. */
export const pdfFilename = (stem: string) => `${stem.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'document'}.pdf`;

export function pdfResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `inline; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
