/**
 * System notes read as sentences in the viewer's language, and server data follows the locale:
 * the notes panel and the customer card in English and German, against the mock API.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Client } from '../../src/sdk/index.js';
import type { Note } from '../../src/sdk/schemas.js';
import type { NotesPanel } from '../../src/components/notes-panel/notes-panel.js';
import type { CustomerCard } from '../../src/components/customer-card/customer-card.js';
// Registers the tags, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/notes-panel/define.js';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-card/define.js';
import { CHANNEL, SEASON, TERMS } from '../../mocks/data/reference.js';
import { formatMoney } from '../../src/components/shared/format.js';
import { clientFor, expectAxeClean, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => mocks.scenario.reset());

/** Text as a person reads it: the invisible bidi isolates around values dropped, spaces collapsed. */
const read = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
const sentences = (el: NotesPanel) => [...el.shadowRoot!.querySelectorAll('[part~="change-sentence"]')].map((s) => read(s));
/** What a person reads, without invisible bidi controls (formatMoney isolates a Latin currency sign). */
const plain = (text: string) => text.replace(/[\u2066-\u2069\u200e\u200f]/g, '').replace(/\s+/g, ' ');
/** Every text in the panel's shadow root, as one string. */
const everything = (el: Element) => read(el.shadowRoot!.querySelector('section') ?? el.shadowRoot!.firstElementChild);

async function mountNotes(customerId: string, locale: string, client: Client = clientFor(mocks.tokens.admin)): Promise<NotesPanel> {
  const el = await fixture<NotesPanel>(html`<notes-panel customer-id=${customerId} locale=${locale} filter="system" .client=${client}></notes-panel>`);
  await waitFor(() => el.shadowRoot!.querySelector('[part~="list"], [part~="empty"]'), 'the notes list');
  return el;
}

/** A new customer (so its history is only what the test writes), on 7 days' credit as a retailer. */
async function customerWithHistory(): Promise<{ id: string; name: string }> {
  const client = clientFor(mocks.tokens.admin);
  const name = `Languages Ltd ${Math.random().toString(36).slice(2, 8)}`;
  const created = await client.customers.create({ name, type: 'retailer', salesChannelId: CHANNEL.direct, paymentTermsId: TERMS.days7 });
  let version = created.version;
  const update = async (patch: Parameters<Client['customers']['update']>[1]) => {
    version = (await client.customers.update(created.id, patch, { version })).version;
  };
  await update({ creditLimit: { amountMinor: 123_456, currency: 'GBP' } });
  await update({ onHold: true });
  await update({ paymentTermsId: TERMS.eom30 });
  await update({ type: 'agent' });
  await update({ password: 'never shown 123' });
  return { id: created.id, name };
}

function addSystemNote(customerId: string, changes: Note['changes'], text = 'Changed by the integration'): void {
  mocks.db.addNote({
    customerId, source: 'system', kind: null, text, pinned: false,
    author: { type: 'integration', id: 'int_test', name: 'Test integration' },
    createdAt: new Date().toISOString(), changes, removed: null,
  });
}

describe('system notes as sentences', () => {
  it('reads in English: catalogue field names, reference names, money and yes/no by the locale, no password value', async () => {
    const { id, name } = await customerWithHistory();
    const el = await mountNotes(id, 'en-GB');
    await waitFor(() => sentences(el).length >= 6 && !sentences(el).some((s) => s.includes('…')), 'six sentences with their names');
    expect(sentences(el)).to.include.members([
      `Credit limit changed from £0.00 to £1,234.56`,
      'Account on hold changed from No to Yes',
      'Payment terms changed from 7 days to 30 days end of month',
      'Customer type changed from Retailer to Agent',
      'Password changed',
      `Customer created: ${name}`,
    ]);
    const all = everything(el);
    for (const raw of ['paymentTermsId', TERMS.eom30, 'true', 'false', '(none)', 'never shown']) expect(all).not.to.contain(raw);
    await expectAxeClean(el);
  });

  it('reads in German, with the German names the server sends for payment terms', async () => {
    const { id, name } = await customerWithHistory();
    const el = await mountNotes(id, 'de-DE');
    // The payment terms' names arrive with the reference lists, after the notes: "…" until then.
    await waitFor(
      () => sentences(el).some((s) => s.startsWith('Zahlungsbedingungen')) && !sentences(el).some((s) => s.includes('…')),
      'the German sentences with their names',
    );
    expect(sentences(el)).to.include.members([
      // German money: decimal comma, grouping dot, the sign after the amount.
      'Kreditlimit von 0,00 £ in 1.234,56 £ geändert',
      'Konto gesperrt von Nein in Ja geändert',
      'Zahlungsbedingungen von 7 Tage in 30 Tage zum Monatsende geändert',
      'Kundentyp von Händler in Vertreter geändert',
      'Passwort geändert',
      `Kunde angelegt: ${name}`,
    ]);
    // Not one English word from the English catalogue or the server's summary.
    const all = everything(el);
    for (const english of ['changed', 'Credit limit', 'Payment terms', 'Retailer', '30 days end of month', 'Password', '(keine)']) expect(all).not.to.contain(english);
  });

  it('reads in Arabic, right to left, with the Arabic names the server sends and money by the locale', async () => {
    const { id, name } = await customerWithHistory();
    const el = await mountNotes(id, 'ar');
    await waitFor(() => sentences(el).some((s) => s.includes('شروط الدفع')) && !sentences(el).some((s) => s.includes('…')), 'the Arabic sentences with their names');
    const money = (amountMinor: number) => plain(formatMoney({ amountMinor, currency: 'GBP' }, 'ar'));
    expect(sentences(el).map(plain)).to.include.members([
      `تم تغيير حد الائتمان من ${money(0)} إلى ${money(123_456)}`,
      'تم تغيير الحساب موقوف من لا إلى نعم',
      'تم تغيير شروط الدفع من 7 أيام إلى 30 يومًا من نهاية الشهر',
      'تم تغيير نوع العميل من تاجر تجزئة إلى وكيل',
      'تم تغيير كلمة المرور',
      `تم إنشاء العميل: ${name}`,
    ]);
    expect(getComputedStyle(el).direction).to.equal('rtl');
    // The sentences start at the panel's right edge.
    const sentence = el.shadowRoot!.querySelector('[part~="change-sentence"]')!;
    const range = document.createRange();
    range.selectNodeContents(sentence);
    const text = range.getBoundingClientRect();
    const box = sentence.getBoundingClientRect();
    expect(box.right - text.right, 'text starts at the right').to.be.lessThan(text.left - box.left + 1);
    const all = everything(el);
    for (const english of ['changed', 'Credit limit', 'Payment terms', 'Retailer', '30 days end of month', 'Password', '(none)']) expect(all).not.to.contain(english);
    await expectAxeClean(el);
  });

  it('names an id that is no longer in the reference lists with a readable text, never the id', async () => {
    const { id } = await customerWithHistory();
    addSystemNote(id, [{ field: 'paymentTermsId', from: { type: 'reference', kind: 'paymentTerms', id: 'pt_retired_2019' }, to: { type: 'reference', kind: 'paymentTerms', id: TERMS.days60 } }]);
    const el = await mountNotes(id, 'en-GB');
    await waitFor(() => sentences(el).includes('Payment terms changed from (no longer listed) to 60 days'), 'the fallback name');
    expect(everything(el)).not.to.contain('pt_retired_2019');
    const de = await mountNotes(id, 'de-DE');
    await waitFor(() => sentences(de).includes('Zahlungsbedingungen von (nicht mehr aufgeführt) in 60 Tage geändert'), 'the German fallback');
  });

  it('shows a password change without any value, whatever else the server sent', async () => {
    const { id } = await customerWithHistory();
    // One written by the mock's own update, one added as another backend would send it.
    addSystemNote(id, [{ field: 'password', secret: true }]);
    const el = await mountNotes(id, 'en-GB');
    await waitFor(() => sentences(el).filter((s) => s === 'Password changed').length === 2, 'both password notes');
    const passwordNotes = [...el.shadowRoot!.querySelectorAll('[part~="note"]')].filter((n) => read(n).includes('Password changed'));
    for (const note of passwordNotes) expect(read(note.querySelector('[part~="note-text"]'))).to.equal('Password changed');
  });

  it('keeps a hostile value inert: shown as text, no element made from it', async () => {
    const { id } = await customerWithHistory();
    const hostile = '<img src=x onerror="window.notesPwned=1"><script>window.notesPwned=1</script>';
    addSystemNote(id, [{ field: 'tradingName', from: null, to: { type: 'text', text: hostile } }]);
    addSystemNote(id, [{ field: 'order.status', subject: '<b>SO-1</b>', from: { type: 'enum', kind: 'orderStatus', values: ['allocated'] }, to: { type: 'enum', kind: 'orderStatus', values: ['<i>x</i>'] } }]);
    const el = await mountNotes(id, 'en-GB');
    await waitFor(() => sentences(el).includes(`Trading name set to ${hostile}`), 'the hostile value as text');
    expect(sentences(el)).to.include('Order <b>SO-1</b>: status changed from Allocated to (no longer listed)');
    expect(el.shadowRoot!.querySelector('[part~="note-change"] img, [part~="note-change"] script, [part~="note-change"] b, [part~="note-change"] i')).to.equal(null);
    expect((window as { notesPwned?: number }).notesPwned).to.equal(undefined);
  });

  it('formats every value type by the locale: number, date, season and list of roles', async () => {
    const { id } = await customerWithHistory();
    addSystemNote(id, [
      { field: 'loyaltyPoints', subject: 'Goodwill', from: { type: 'number', value: 1200 }, to: { type: 'number', value: 12500 } },
      { field: 'order.cancelledAt', subject: 'SO-9', from: null, to: { type: 'date', date: '2027-02-01' } },
      { field: 'order.seasonId', subject: 'SO-9', from: { type: 'reference', kind: 'season', id: SEASON.ss27 }, to: { type: 'reference', kind: 'season', id: SEASON.aw27 } },
      { field: 'addressRoles', subject: '1 Dock Road', from: { type: 'enum', kind: 'addressRole', values: [] }, to: { type: 'enum', kind: 'addressRole', values: ['billing', 'delivery'] } },
    ]);
    const en = await mountNotes(id, 'en-GB');
    await waitFor(() => sentences(en).includes('Order SO-9: season changed from Spring/Summer 2027 pre-orders to Autumn/Winter 2027'), 'the English season names');
    expect(sentences(en)).to.include.members([
      'Loyalty points changed from 1,200 to 12,500 (Goodwill)',
      'Order SO-9: cancelled on 1 Feb 2027',
      'Address roles changed from (none) to Billing and Delivery (1 Dock Road)',
    ]);
    const de = await mountNotes(id, 'de-DE');
    await waitFor(() => sentences(de).includes('Bestellung SO-9: Saison von Vorbestellungen Frühjahr/Sommer 2027 in Herbst/Winter 2027 geändert'), 'the German season names');
    expect(sentences(de)).to.include.members([
      'Treuepunkte von 1.200 in 12.500 geändert (Goodwill)',
      'Bestellung SO-9: storniert am 01.02.2027',
      'Adressrollen von (keine) in Rechnung und Lieferung geändert (1 Dock Road)',
    ]);
  });
});

describe('server data in the user\'s language', () => {
  it('a German card shows the German name of the payment terms, from the server', async () => {
    const { id } = await customerWithHistory();
    const card = await fixture<CustomerCard>(html`<customer-card customer-id=${id} locale="de-DE" .client=${clientFor(mocks.tokens.admin)}></customer-card>`);
    const terms = () => {
      const section = card.shadowRoot!.querySelector('[part~="section-terms"]');
      const row = [...(section?.querySelectorAll('[part~="field"]') ?? [])].find((r) => read(r.querySelector('dt')) === 'Zahlungsbedingungen');
      return row ? read(row.querySelector('dd')) : undefined;
    };
    await waitFor(() => terms() === '30 Tage zum Monatsende', 'the German payment terms');
    // The library's own enumeration is named by the catalogue, not the server's English label.
    const type = [...card.shadowRoot!.querySelectorAll('[part~="field"]')].find((r) => read(r.querySelector('dt')) === 'Kundentyp');
    expect(read(type?.querySelector('dd'))).to.equal('Vertreter');
  });
});
