/**
 * Entering a payment in `<customer-accounts>`: amount, method, date, reference and bank account,
 * allocated oldest first or to invoices the clerk picks (in the order picked). Before saving, the
 * form says where the money will go and what stays on account as credit; after saving, it says
 * what the server did.
 *
 * The draft has one idempotency key from the moment the form opens until the server confirms the
 * payment: an answer lost on the way is repeated with the same key (the server answers with the
 * payment it made), and Save again after "could not confirm" is the same payment, never a second.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AccountChange, LedgerEntry, PaymentInput, PaymentMethod } from '../../sdk/index.js';
import { PAYMENT_METHODS } from '../../sdk/enums.js';
import { formatDate, formatMoney, parseAmount } from '../shared/format.js';
import { fieldErrors } from '../shared/i18n.js';
import { referenceController } from '../shared/reference.js';
import { ResourceController } from '../shared/resource.js';
import { confirmedWrite, newWriteKey, writeFailureText } from '../shared/write.js';
import type { AccountsHost } from './host.js';

export interface PaymentDraft {
  amount: string;
  method: PaymentMethod;
  date: string;
  reference: string;
  bankAccountId: string;
  mode: 'oldest' | 'chosen';
  /** Invoice ids in the order the clerk ticked them. */
  chosen: string[];
}

/** Today as the user's calendar has it (`YYYY-MM-DD`). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** How an amount would be spread over debits, in order; the rest stays on account. */
export function spread(amountMinor: number, debits: readonly LedgerEntry[]): { allocations: Array<{ entry: LedgerEntry; amount: number }>; credit: number } {
  let left = amountMinor;
  const allocations: Array<{ entry: LedgerEntry; amount: number }> = [];
  for (const entry of debits) {
    if (left <= 0) break;
    const amount = Math.min(left, entry.outstanding.amountMinor);
    if (amount > 0) allocations.push({ entry, amount });
    left -= amount;
  }
  return { allocations, credit: Math.max(0, left) };
}

const blank = (): PaymentDraft => ({ amount: '', method: 'bank-transfer', date: today(), reference: '', bankAccountId: '', mode: 'oldest', chosen: [] });

export class PaymentForm {
  open = false;
  draft: PaymentDraft = blank();
  errors = new Map<string, string>();
  error = '';
  saving = false;
  /** What the server did with the last payment (shown until the form opens again). */
  result: AccountChange | undefined;
  #key = '';

  readonly reference;
  /** Debits with something outstanding, oldest due first (the candidates to allocate to). */
  readonly debits: ResourceController<LedgerEntry[], readonly [string]>;

  constructor(private readonly host: AccountsHost) {
    this.reference = referenceController(host);
    this.debits = new ResourceController(host, {
      args: () => (host.customerId && this.open ? ([host.customerId] as const) : undefined),
      load: async ([id], signal, client) => {
        const page = await client.accounts.ledger(id, { type: 'invoice', order: 'asc', limit: 500 }, { signal });
        return page.items
          .filter((e) => e.status !== 'void' && e.outstanding.amountMinor > 0)
          .sort((a, b) => (a.dueDate ?? a.date).localeCompare(b.dueDate ?? b.date) || a.date.localeCompare(b.date));
      },
    });
  }

  show(preselect?: LedgerEntry): void {
    this.open = true;
    this.draft = blank();
    if (preselect) this.draft = { ...this.draft, mode: 'chosen', chosen: [preselect.id] };
    this.errors = new Map();
    this.error = '';
    this.result = undefined;
    this.#key = newWriteKey();
    this.host.requestUpdate();
    void this.host.focusSoon('[part~="payment-amount"]');
  }

  close(focusBack = true): void {
    this.open = false;
    this.host.requestUpdate();
    if (focusBack) void this.host.focusSoon('[part~="payment-button"]');
  }

  private set<K extends keyof PaymentDraft>(name: K, value: PaymentDraft[K]): void {
    this.draft = { ...this.draft, [name]: value };
    this.host.requestUpdate();
  }

  private toggle(id: string, on: boolean): void {
    const chosen = this.draft.chosen.filter((c) => c !== id);
    if (on) chosen.push(id);
    this.set('chosen', chosen);
  }

  private get currency(): string {
    return this.host.account.value?.balance.currency ?? 'GBP';
  }

  /** The debits the payment would settle, in order. */
  private targets(): LedgerEntry[] {
    const debits = this.debits.value ?? [];
    if (this.draft.mode === 'oldest') return debits;
    return this.draft.chosen.map((id) => debits.find((d) => d.id === id)).filter((d): d is LedgerEntry => !!d);
  }

  private bankAccountId(): string {
    return this.draft.bankAccountId || this.reference.value?.bankAccounts[0]?.id || '';
  }

  async save(): Promise<void> {
    const host = this.host;
    const client = host.api;
    const id = host.customerId;
    if (!client || !id || this.saving) return;
    const d = this.draft;
    const errors = new Map<string, string>();
    const amount = parseAmount(d.amount, this.currency);
    if (!amount) errors.set('amount', host.m('payment.amountInvalid'));
    if (!d.reference.trim()) errors.set('reference', host.m('payment.referenceRequired'));
    if (!d.date) errors.set('date', host.m('payment.dateRequired'));
    else if (d.date > today()) errors.set('date', host.m('payment.dateFuture'));
    if (!this.bankAccountId()) errors.set('bankAccountId', host.m('payment.bankRequired'));
    if (d.mode === 'chosen' && d.chosen.length === 0) errors.set('allocations', host.m('payment.chooseInvoice'));
    this.errors = errors;
    this.error = '';
    if (errors.size || !amount) {
      host.requestUpdate();
      const first = ['amount', 'date', 'reference', 'bankAccountId', 'allocations'].find((f) => errors.has(f));
      void host.focusSoon(`[data-field="${first}"]`);
      return;
    }
    const body: PaymentInput = {
      amount: { amountMinor: amount, currency: this.currency },
      method: d.method,
      date: d.date,
      reference: d.reference.trim(),
      bankAccountId: this.bankAccountId(),
      ...(d.mode === 'chosen' ? { allocations: d.chosen.map((entryId) => ({ entryId })) } : {}),
    };
    this.saving = true;
    host.requestUpdate();
    const key = this.#key;
    try {
      const change = await confirmedWrite(() => client.accounts.enterPayment(id, body, { idempotencyKey: key }));
      this.result = change;
      this.#key = newWriteKey();
      host.accountChanged(change, 'payment');
      host.announce(this.resultText(change));
      this.close();
    } catch (error) {
      this.errors = fieldErrors(error);
      this.error = writeFailureText(error, host.t.bind(host), (why) => host.m('payment.notSaved', { reason: why }));
    } finally {
      this.saving = false;
      host.requestUpdate();
    }
  }

  resultText(change: AccountChange): string {
    const host = this.host;
    const locale = host.resolvedLocale;
    const credit = change.entry.outstanding;
    const allocated = { amountMinor: -change.entry.amount.amountMinor - credit.amountMinor, currency: credit.currency };
    return credit.amountMinor > 0
      ? host.m('payment.savedWithCredit', { reference: change.entry.reference, allocated: formatMoney(allocated, locale), credit: formatMoney(credit, locale) })
      : host.m('payment.saved', { reference: change.entry.reference, allocated: formatMoney(allocated, locale) });
  }

  // ----- rendering

  renderResult(): TemplateResult | typeof nothing {
    if (!this.result || this.open) return nothing;
    return html`<p class="ce-message result" part="payment-result">${this.resultText(this.result)}</p>`;
  }

  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const host = this.host;
    const d = this.draft;
    const err = (name: string) => this.errors.get(name) ?? (name === 'amount' ? this.errors.get('amount.amountMinor') : undefined);
    const field = (name: keyof PaymentDraft, label: string, control: TemplateResult) => html`<div class="field">
      <label class="ce-label" for="payment-${name}">${label}</label>
      ${control}
      ${err(name) ? html`<p id="payment-${name}-error" class="ce-field-error" part="field-error">${err(name)}</p>` : nothing}
    </div>`;
    const described = (name: string) => (err(name) ? `payment-${name}-error` : nothing);
    const invalid = (name: string) => (err(name) ? 'true' : 'false');
    const banks = this.reference.value?.bankAccounts ?? [];
    return html`<form part="payment-form" class="panel" aria-labelledby="payment-title" novalidate
      @submit=${(e: Event) => (e.preventDefault(), void this.save())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.close())}>
      <h4 id="payment-title" class="panel-title">${host.m('payment.title')}</h4>
      <div class="field-row">
        ${field('amount', host.m('payment.amount'), html`<input id="payment-amount" data-field="amount" class="ce-input" part="payment-amount input" inputmode="decimal" autocomplete="off"
          aria-invalid=${invalid('amount')} aria-describedby=${described('amount')} .value=${live(d.amount)} @input=${(e: Event) => this.set('amount', (e.target as HTMLInputElement).value)} />`)}
        ${field('method', host.m('payment.method'), html`<select id="payment-method" class="ce-input" part="payment-method input" .value=${live(d.method)}
          @change=${(e: Event) => this.set('method', (e.target as HTMLSelectElement).value as PaymentMethod)}>
          ${PAYMENT_METHODS.map((m) => html`<option value=${m}>${host.m(`method.${m}`)}</option>`)}
        </select>`)}
        ${field('date', host.m('payment.date'), html`<input id="payment-date" data-field="date" type="date" class="ce-input" part="payment-date input" max=${today()}
          aria-invalid=${invalid('date')} aria-describedby=${described('date')} .value=${live(d.date)} @change=${(e: Event) => this.set('date', (e.target as HTMLInputElement).value)} />`)}
      </div>
      <div class="field-row">
        ${field('reference', host.m('payment.reference'), html`<input id="payment-reference" data-field="reference" class="ce-input" part="payment-reference input" autocomplete="off" maxlength="100"
          aria-invalid=${invalid('reference')} aria-describedby=${described('reference')} .value=${live(d.reference)} @input=${(e: Event) => this.set('reference', (e.target as HTMLInputElement).value)} />`)}
        ${field('bankAccountId', host.m('payment.bank'), html`<select id="payment-bankAccountId" data-field="bankAccountId" class="ce-input" part="payment-bank input"
          aria-invalid=${invalid('bankAccountId')} aria-describedby=${described('bankAccountId')} .value=${live(this.bankAccountId())}
          @change=${(e: Event) => this.set('bankAccountId', (e.target as HTMLSelectElement).value)}>
          ${banks.map((b) => html`<option value=${b.id}>${b.name} (${b.sortCode} ••${b.accountNumberLast4})</option>`)}
        </select>`)}
      </div>
      ${this.renderAllocation()}
      ${this.error ? html`<p class="ce-message ce-error" part="error" role="alert">${this.error}</p>` : nothing}
      <div class="form-actions">
        <button type="submit" class="ce-button ce-button--primary" part="payment-save-button" aria-disabled=${this.saving ? 'true' : 'false'}>
          ${this.saving ? host.t('action.saving') : host.m('payment.save')}
        </button>
        <button type="button" class="ce-button" part="cancel-button" @click=${() => this.close()}>${host.t('action.cancel')}</button>
      </div>
    </form>`;
  }

  private renderAllocation(): TemplateResult {
    const host = this.host;
    const locale = host.resolvedLocale;
    const d = this.draft;
    const debits = this.debits.value ?? [];
    const amount = parseAmount(d.amount, this.currency) ?? 0;
    const plan = spread(amount, this.targets());
    const currency = this.currency;
    const error = this.errors.get('allocations') ?? this.errors.get('allocations.0.entryId');
    return html`<fieldset class="allocation" part="allocation" data-field="allocations" tabindex="-1" aria-describedby=${error ? 'allocation-error' : nothing}>
      <legend class="ce-label">${host.m('payment.allocate')}</legend>
      <label class="choice"><input type="radio" name="mode" part="allocate-oldest" .checked=${live(d.mode === 'oldest')} @change=${() => this.set('mode', 'oldest')} />
        ${host.m('payment.oldestFirst')}</label>
      <label class="choice"><input type="radio" name="mode" part="allocate-chosen" .checked=${live(d.mode === 'chosen')} @change=${() => this.set('mode', 'chosen')} />
        ${host.m('payment.chosen')}</label>
      ${d.mode === 'chosen'
        ? debits.length === 0
          ? html`<p class="quiet">${this.debits.status === 'loading' ? host.t('state.loading') : host.m('payment.noOpenInvoices')}</p>`
          : html`<ul class="invoice-choices" part="invoice-choices">
              ${debits.map((e) => {
                const order = d.chosen.indexOf(e.id);
                return html`<li>
                  <label class="choice">
                    <input type="checkbox" part="invoice-choice" data-entry=${e.id} .checked=${live(order >= 0)}
                      @change=${(ev: Event) => this.toggle(e.id, (ev.target as HTMLInputElement).checked)} />
                    <span dir="auto">${e.reference}</span>
                    <span class="quiet">${host.m('payment.invoiceLine', {
                      due: e.dueDate ? formatDate(e.dueDate, locale) : '—',
                      outstanding: formatMoney(e.outstanding, locale),
                      status: host.m(`status.${e.status}`),
                    })}</span>
                  </label>
                </li>`;
              })}
            </ul>`
        : nothing}
      ${error ? html`<p id="allocation-error" class="ce-field-error" part="field-error">${error}</p>` : nothing}
      ${amount > 0
        ? html`<div class="plan" part="allocation-plan" aria-live="polite">
            <p>${host.m('payment.plan')}</p>
            <ul>
              ${plan.allocations.map((a) => html`<li><span dir="auto">${a.entry.reference}</span>: ${formatMoney({ amountMinor: a.amount, currency }, locale)}</li>`)}
              ${plan.credit > 0
                ? html`<li part="allocation-credit">${host.m('payment.creditLeft', { amount: formatMoney({ amountMinor: plan.credit, currency }, locale) })}</li>`
                : nothing}
            </ul>
          </div>`
        : nothing}
    </fieldset>`;
  }
}
