/**
 * <customer-accounts> driven as a clerk would, with the real mouse and keyboard, against the
 * reference API's generated ledger: payments (allocated oldest first, to a chosen invoice, and an
 * overpayment left as credit), a three-line manual invoice whose totals on screen are the server's,
 * a credit note, a void that keeps its row, a statement that reconciles with its CSV, no writes for
 * a user without the capability, the conflict flow on a stale void, and a lost answer that makes
 * exactly one payment. The card beside it shows the new balance at once, and a reload agrees.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Account, Client, LedgerEntry } from '../../src/sdk/index.js';
import type { AccountChangeDetail, CustomerAccounts } from '../../src/components/customer-accounts/customer-accounts.js';
import type { CustomerCard } from '../../src/components/customer-card/customer-card.js';
import { formatMoney } from '../../src/components/shared/format.js';
import '../../src/components/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, press, startMocks, typeText, waitFor, type Mocks } from './helpers.js';

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => mocks.scenario.reset());

/** Pence from a shown amount ("-£1,234.50"). */
const money = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);
const gbp = (amountMinor: number) => formatMoney({ amountMinor, currency: 'GBP' }, 'en-GB');
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const figure = (el: CustomerAccounts, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-figure="${name}"]`)?.textContent?.trim() ?? '';
const row = (el: CustomerAccounts, entryId: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="ledger-row"][data-entry="${entryId}"]`);
/** A figure of the card, by its label. */
const cardField = (card: CustomerCard, label: string) =>
  [...card.shadowRoot!.querySelectorAll('[part~="field"]')].find((f) => f.querySelector('dt')?.textContent?.trim() === label)?.querySelector('dd')?.textContent?.trim() ?? '';

/** Customers already used by a test (the data set lives for the whole file). */
const used = new Set<string>();

/** The open invoices of a customer (something outstanding), oldest due first. */
async function openInvoices(client: Client, id: string): Promise<LedgerEntry[]> {
  const page = await client.accounts.ledger(id, { type: 'invoice', limit: 500 });
  return page.items
    .filter((e) => e.status !== 'void' && e.outstanding.amountMinor > 0)
    .sort((a, b) => (a.dueDate ?? a.date).localeCompare(b.dueDate ?? b.date) || a.date.localeCompare(b.date));
}

/** A customer not used yet whose account and open invoices pass `test`. */
async function findCustomer(test: (account: Account, open: LedgerEntry[]) => boolean, prefer: string[] = []): Promise<{ id: string; account: Account; open: LedgerEntry[] }> {
  const ids = [...prefer, ...mocks.db.searchCustomers({}).map((c) => c.id)];
  for (const id of ids) {
    if (used.has(id) || id === mocks.db.fixtures.customers.hostile) continue;
    const account = await mocks.client.accounts.get(id, { cache: 'reload' });
    if (account.balance.amountMinor > account.creditLimit.amountMinor * 10 && account.creditLimit.amountMinor > 0) continue;
    const open = await openInvoices(mocks.client, id);
    if (test(account, open)) {
      used.add(id);
      return { id, account, open };
    }
  }
  throw new Error('No customer fits');
}

async function mount(customerId: string, given?: Client, tab = 'ledger', writer = true): Promise<CustomerAccounts> {
  const client = given ?? clientFor(mocks.tokens.admin);
  const el = await fixture<CustomerAccounts>(html`<customer-accounts customer-id=${customerId} tab=${tab} .client=${client}></customer-accounts>`);
  // Everything in, so that nothing moves under the pointer: the summary, the ledger, and (for a
  // user who may) the write actions above it.
  await waitFor(() => /\d/.test(figure(el, 'balance')), 'the summary');
  if (tab === 'ledger') await waitFor(() => part(el, 'ledger-row') || part(el, 'error') || part(el, 'empty'), 'the ledger');
  if (writer) await waitFor(() => part(el, 'payment-button'), 'the write actions');
  return el;
}

/** Filters the ledger by type, and waits until only that type shows and nothing is loading (nothing moves under the pointer). */
async function showOnly(el: CustomerAccounts, type: string): Promise<void> {
  const select = part(el, 'filter-type') as HTMLSelectElement;
  select.focus();
  select.value = type;
  select.dispatchEvent(new Event('change'));
  await waitFor(() => {
    const rows = parts(el, 'ledger-row');
    return rows.length > 0 && rows.every((r) => r.dataset['type'] === type) && part(el, 'ledger-table-scroll')?.getAttribute('aria-busy') === 'false';
  }, `only ${type} rows`);
}

async function typeInto(el: CustomerAccounts, name: string, text: string): Promise<void> {
  const input = part(el, name) as HTMLInputElement;
  await click(input);
  input.select();
  await typeText(text);
}

async function enterPayment(el: CustomerAccounts, amountMinor: number, reference: string, chosen?: string[]): Promise<AccountChangeDetail> {
  await click(part(el, 'payment-button')!);
  await waitFor(() => deepActiveElement() === part(el, 'payment-amount'), 'focus in the amount');
  await typeText((amountMinor / 100).toFixed(2));
  await typeInto(el, 'payment-reference', reference);
  if (chosen) {
    await click(part(el, 'allocate-chosen')!);
    for (const id of chosen) {
      const box = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>(`[part~="invoice-choice"][data-entry="${id}"]`), `the invoice ${id}`);
      await click(box);
    }
  }
  const changed = new Promise<AccountChangeDetail>((resolve) => el.addEventListener('account-change', (e) => resolve(e.detail), { once: true }));
  await click(part(el, 'payment-save-button')!);
  return changed;
}

describe('customer-accounts', function () {
  // A busy machine (2 cores, several test runs at once) takes seconds per mount, write and axe run.
  this.timeout(60_000);

  it('a payment on a customer with an overdue invoice lowers balance and overdue on the card and the ledger at once, and after a reload', async () => {
    const { id, account } = await findCustomer((a, open) => a.overdue.amountMinor > 0 && open.length > 0, [mocks.db.fixtures.customers.creditTrade]);
    const client = clientFor(mocks.tokens.admin);
    const page = await fixture(html`<div>
      <customer-card customer-id=${id} .client=${client}></customer-card>
      <customer-accounts customer-id=${id} .client=${client}></customer-accounts>
    </div>`);
    const card = page.querySelector('customer-card')!;
    const el = page.querySelector('customer-accounts')!;
    await waitFor(() => cardField(card, 'Overdue') === gbp(account.overdue.amountMinor) && figure(el, 'overdue') === gbp(account.overdue.amountMinor), 'the overdue amount on both');
    await waitFor(() => part(el, 'ledger-row') && part(el, 'payment-button'), 'the ledger and the write actions');
    await expectAxeClean(el);
    const pay = account.overdue.amountMinor;
    const detail = await enterPayment(el, pay, 'BACS 4471');
    expect(detail).to.include({ customerId: id, kind: 'payment' });
    const balance = gbp(account.balance.amountMinor - pay);
    // At once: the summary, the card and the ledger's newest row, with no reload.
    await waitFor(() => figure(el, 'balance') === balance && figure(el, 'overdue') === gbp(0), 'the summary after the payment');
    await waitFor(() => cardField(card, 'Outstanding balance') === balance && cardField(card, 'Overdue') === gbp(0), 'the card after the payment');
    await waitFor(() => row(el, detail.transactionId), 'the payment in the ledger');
    expect(row(el, detail.transactionId)!.textContent).to.contain('BACS 4471');
    expect(part(el, 'payment-result')!.textContent).to.contain(gbp(pay));
    await expectAxeClean(el);
    // After a reload (a new client, nothing cached): the same figures, from the server.
    const again = await mount(id, clientFor(mocks.tokens.admin));
    expect(figure(again, 'balance')).to.equal(balance);
    expect(figure(again, 'overdue')).to.equal(gbp(0));
    expect(row(again, detail.transactionId)).to.not.equal(null);
  });

  it('allocates a payment to a chosen invoice (not the oldest) and marks it paid', async () => {
    const { id, open } = await findCustomer((_a, o) => o.length >= 2);
    const chosen = open.at(-1)!;
    const el = await mount(id);
    const detail = await enterPayment(el, chosen.outstanding.amountMinor, 'Cheque 000123', [chosen.id]);
    const entry = await mocks.client.accounts.entry(id, chosen.id, { cache: 'reload' });
    expect(entry.status).to.equal('paid');
    expect(entry.allocations.map((a) => a.entryId)).to.include(detail.transactionId);
    // The oldest one is untouched.
    expect((await mocks.client.accounts.entry(id, open[0]!.id, { cache: 'reload' })).outstanding).to.deep.equal(open[0]!.outstanding);
    await showOnly(el, 'invoice');
    await waitFor(() => row(el, chosen.id), 'the chosen invoice in the filtered ledger');
    await waitFor(() => row(el, chosen.id)!.dataset['status'] === 'paid', 'marked paid');
    expect(row(el, chosen.id)!.textContent).to.contain('Paid');
  });

  it('shows an overpayment as credit: in the plan before saving, and on account after', async () => {
    const { id, account } = await findCustomer((a) => a.balance.amountMinor > 0 && a.balance.amountMinor < 500_000);
    const el = await mount(id);
    const over = account.balance.amountMinor + 2_500;
    await click(part(el, 'payment-button')!);
    await waitFor(() => deepActiveElement() === part(el, 'payment-amount'), 'focus in the amount');
    await typeText((over / 100).toFixed(2));
    // The plan follows each keystroke: a partial amount ("11894" before its decimal point) already
    // shows a credit, so wait for the plan of the whole amount typed.
    await waitFor(() => (part(el, 'allocation-credit')?.textContent ?? '').includes(gbp(2_500)), 'the credit of the whole amount in the plan');
    expect(part(el, 'allocation-credit')!.textContent).to.contain(gbp(2_500));
    await typeInto(el, 'payment-reference', 'Overpaid by card');
    await click(part(el, 'payment-save-button')!);
    await waitFor(() => figure(el, 'balance').startsWith(`-${gbp(2_500)}`) || figure(el, 'balance') === gbp(-2_500), 'the balance in credit');
    expect(part(el, 'credit-tag')!.textContent).to.contain('In credit');
    expect(part(el, 'payment-result')!.textContent).to.contain(`${gbp(2_500)} on account as credit`);
    expect((await mocks.client.accounts.get(id, { cache: 'reload' })).balance.amountMinor).to.equal(-2_500);
  });

  it("raises a three-line manual invoice whose totals on screen equal the server's, and raises the balance", async () => {
    const { id, account } = await findCustomer(() => true);
    const el = await mount(id);
    await click(part(el, 'invoice-button')!);
    await waitFor(() => deepActiveElement()?.getAttribute('data-line-field') === '0.description', 'focus on the first line');
    const lines = [
      ['Display stand', '3', '19.99', 'standard'],
      ['Catalogue printing', '7', '2.35', 'reduced'],
      ['Delivery', '1', '12.49', 'standard'],
    ] as const;
    for (const [i, [description, quantity, price, vat]] of lines.entries()) {
      if (i > 0) await click(part(el, 'add-line-button')!);
      await waitFor(() => deepActiveElement()?.getAttribute('data-line-field') === `${i}.description`, `focus on line ${i + 1}`);
      await typeText(description);
      await press('Tab');
      (deepActiveElement() as HTMLInputElement).select();
      await typeText(quantity);
      await press('Tab');
      await typeText(price);
      const select = el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="line-vat"]')[i]!;
      select.value = vat;
      select.dispatchEvent(new Event('change'));
    }
    const shown = (name: string) => el.shadowRoot!.querySelector(`[data-total="${name}"]`)!.textContent!.trim();
    await waitFor(() => shown('total') !== gbp(0), 'live totals');
    const onScreen = { net: shown('net'), vat: shown('vat'), total: shown('total') };
    await expectAxeClean(el);
    const changed = new Promise<AccountChangeDetail>((resolve) => el.addEventListener('account-change', (e) => resolve(e.detail), { once: true }));
    await click(part(el, 'editor-save-button')!);
    const detail = await changed;
    const entry = await mocks.client.accounts.entry(id, detail.transactionId, { cache: 'reload' });
    expect(onScreen).to.deep.equal({ net: gbp(entry.net.amountMinor), vat: gbp(entry.vat.amountMinor), total: gbp(entry.amount.amountMinor) });
    expect(entry.lines).to.have.length(3);
    await waitFor(() => part(el, 'server-totals'), "the server's figures");
    expect(shown('server-total')).to.equal(onScreen.total);
    await waitFor(() => figure(el, 'balance') === gbp(account.balance.amountMinor + entry.amount.amountMinor), 'the balance raised');
  });

  it('raises a credit note against an invoice from its row', async () => {
    const { id, account, open } = await findCustomer((_a, o) => o.some((e) => e.lines.length > 0));
    const invoice = open.find((e) => e.lines.length > 0)!;
    const el = await mount(id);
    await showOnly(el, 'invoice');
    const button = await waitFor(() => row(el, invoice.id)?.querySelector<HTMLElement>('[part~="credit-button"]'), 'the credit button');
    await click(button);
    await waitFor(() => part(el, 'credit-note-editor'), 'the credit-note editor');
    // One unit of the first line only.
    while (el.shadowRoot!.querySelectorAll('[part~="editor-line"]').length > 1) await click(parts(el, 'remove-line-button').at(-1)!);
    await typeInto(el, 'line-quantity', '1');
    await typeInto(el, 'credit-reason', 'Damaged in transit');
    const changed = new Promise<AccountChangeDetail>((resolve) => el.addEventListener('account-change', (e) => resolve(e.detail), { once: true }));
    await click(part(el, 'editor-save-button')!);
    const detail = await changed;
    expect(detail.kind).to.equal('credit-note');
    const note = await mocks.client.accounts.entry(id, detail.transactionId, { cache: 'reload' });
    expect(note.type).to.equal('credit-note');
    expect(note.allocations.map((a) => a.entryId)).to.include(invoice.id);
    await waitFor(() => figure(el, 'balance') === gbp(account.balance.amountMinor + note.amount.amountMinor), 'the balance lowered');
  });

  it('voids an entry with a reason: the row stays, marked void, and its effect is reversed', async () => {
    const { id } = await findCustomer(() => true);
    const el = await mount(id);
    // Make a payment to void.
    const detail = await enterPayment(el, 1_000, 'Keyed twice');
    await waitFor(() => row(el, detail.transactionId), 'the payment row');
    const before = await mocks.client.accounts.get(id, { cache: 'reload' });
    await click(row(el, detail.transactionId)!.querySelector<HTMLElement>('[part~="void-button"]')!);
    await waitFor(() => deepActiveElement() === part(el, 'void-reason'), 'focus in the reason');
    // No reason: said beside the field, nothing sent.
    await press('Enter');
    await waitFor(() => part(el, 'field-error'), 'the reason is needed');
    await typeText('Entered twice by mistake');
    await press('Enter');
    await waitFor(() => row(el, detail.transactionId)?.dataset['status'] === 'void', 'the row marked void');
    expect(row(el, detail.transactionId)!.textContent).to.contain('Entered twice by mistake');
    await waitFor(() => figure(el, 'balance') === gbp(before.balance.amountMinor + 1_000), 'the balance back up');
    expect(deepActiveElement()).to.not.equal(null);
    await expectAxeClean(el);
  });

  it('a stale void gets the conflict flow; Reload rests it on the latest version and it saves', async () => {
    const { id, open } = await findCustomer((_a, o) => o.length >= 1);
    const invoice = open[0]!;
    const el = await mount(id);
    await showOnly(el, 'invoice');
    const button = await waitFor(() => row(el, invoice.id)?.querySelector<HTMLElement>('[part~="void-button"]'), 'the void button');
    await click(button);
    await waitFor(() => part(el, 'void-reason'), 'the void form');
    // Meanwhile someone pays part of it (the invoice's version moves on).
    await clientFor(mocks.tokens.admin).accounts.enterPayment(id, {
      amount: { amountMinor: 100, currency: 'GBP' }, method: 'card', date: new Date().toISOString().slice(0, 10), reference: 'Phone payment',
      bankAccountId: mocks.db.reference.bankAccounts[0]!.id, allocations: [{ entryId: invoice.id }],
    });
    await typeInto(el, 'void-reason', 'Raised in error');
    await click(part(el, 'void-save-button')!);
    await waitFor(() => part(el, 'conflict-changes'), 'what changed');
    expect(part(el, 'conflict-changes')!.textContent).to.contain('Outstanding');
    await expectAxeClean(el);
    await click(part(el, 'reload-button')!);
    await waitFor(() => part(el, 'changes'), 'reloaded');
    expect((part(el, 'void-reason') as HTMLInputElement).value).to.equal('Raised in error');
    await click(part(el, 'void-save-button')!);
    await waitFor(() => !part(el, 'void-form'), 'the void form closes');
    expect((await mocks.client.accounts.entry(id, invoice.id, { cache: 'reload' })).status).to.equal('void');
  });

  it('a lost answer to a payment makes exactly one payment, and says it was entered', async () => {
    const { id, account } = await findCustomer(() => true);
    const el = await mount(id);
    const count = async () => (await mocks.client.accounts.ledger(id, { type: 'payment', limit: 1 }, { cache: 'reload' })).total;
    const payments = await count();
    mocks.scenario.failNext('accounts.pay', 'lost', 1);
    const detail = await enterPayment(el, 4_321, 'Lost answer');
    expect(detail.kind).to.equal('payment');
    expect(await count()).to.equal(payments + 1);
    await waitFor(() => figure(el, 'balance') === gbp(account.balance.amountMinor - 4_321), 'one payment off the balance');
    expect(part(el, 'error')).to.equal(null);
  });

  it('a statement reconciles (opening + debits − credits = closing) and its CSV has the same rows', async () => {
    const { id } = await findCustomer(() => true, [mocks.db.fixtures.customers.creditTrade]);
    const el = await mount(id, undefined, 'statement');
    await waitFor(() => parts(el, 'statement-row').length > 0 || part(el, 'empty'), 'the statement');
    const opening = money(figure(el, 'opening'));
    const debits = money(figure(el, 'debits'));
    const credits = money(figure(el, 'credits'));
    expect(opening + debits - credits).to.equal(money(figure(el, 'closing')));
    // The CSV the button downloads: read what it saves.
    const saved = new Promise<string>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        void fetch(this.href).then((r) => r.text()).then(resolve);
      };
    });
    await click(part(el, 'csv-button')!);
    const csv = await saved;
    const references = parts(el, 'statement-row').map((r) => r.querySelectorAll('td')[2]!.textContent!.trim());
    for (const reference of references) expect(csv).to.contain(reference);
    const dataLines = csv.trim().split(/\r?\n/).filter((line) => references.some((ref) => line.includes(ref)));
    expect(dataLines).to.have.length(references.length);
    await expectAxeClean(el);
  });

  it('offers no write actions to a user without the capabilities', async () => {
    const id = mocks.db.fixtures.customers.creditTrade;
    const el = await mount(id, clientFor(mocks.tokens.clerk), 'ledger', false);
    await waitFor(() => part(el, 'ledger-row'), 'the ledger for the clerk');
    for (const name of ['payment-button', 'invoice-button', 'credit-note-button', 'void-button', 'credit-button']) {
      expect(part(el, name), name).to.equal(null);
    }
    await expectAxeClean(el);
  });
});
