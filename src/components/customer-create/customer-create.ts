import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isValidationError } from '../../sdk/errors/index.js';
import { defaultPaymentTermsId } from '../../sdk/customer-rules.js';
import type { Client } from '../../sdk/index.js';
import type { Customer, CustomerCreate as CustomerCreateBody, CustomerSummary, DuplicateMatch, Reference } from '../../sdk/schemas.js';
import { CUSTOMER_TYPES, MAX_NEW_CONTACTS } from '../../sdk/enums.js';
import type { CustomerSelectDetail } from '../customer-search/customer-search.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { emit } from '../shared/events.js';
import { errorMessage } from '../shared/i18n.js';
import { limitState, overLimitMessage } from '../shared/limits.js';
import { referenceController } from '../shared/reference.js';
import { renderConfigMessage, renderError, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles, visuallyHidden } from '../shared/styles.js';
import { enumName } from '../shared/terms.js';
import { confirmedWrite, isUnconfirmedWrite, newWriteKey } from '../shared/write.js';
import { createMessage, type CreateMessageKey } from './customer-create.messages.js';
import { customerCreateStyles } from './customer-create.styles.js';
import {
  ADDRESS_FIELDS, CONTACT_FIELDS, checkDraft, controlId, emptyDraft, limitOf, overLimit, placeServerErrors, toBody,
  type AddressField, type ContactDraft, type ContactField, type CustomerTextField, type Draft,
} from './draft.js';
import { DuplicateCheck, renderDuplicates } from './duplicates.js';
import { checkboxField, selectField, textField, type FieldContext } from './fields.js';

/** What a host may fill in before the user starts (e.g. what was typed into the search). */
export interface CustomerCreatePrefill {
  name?: string;
  email?: string;
  postcode?: string;
}

/** Detail of the `customer-create` event. */
export interface CustomerCreateDetail {
  customerId: string;
  /** The customer as the server created it. */
  customer: Customer;
}
/** The `customer-create` event. */
export type CustomerCreateEvent = CustomEvent<CustomerCreateDetail>;

type Msg = (key: CreateMessageKey, params?: Record<string, string | number>) => string;

const ADDRESS_AUTOCOMPLETE: Partial<Record<AddressField, string>> = {
  line1: 'address-line1', line2: 'address-line2', city: 'address-level2', region: 'address-level1', postcode: 'postal-code',
};

/** The answer to a create repeated with the draft's key but another body: the first one was done. */
function isKeyReused(error: unknown): boolean {
  return isValidationError(error) && (error.problem?.type ?? '').endsWith('idempotency-key-reused');
}

/**
 * Adds a customer by hand: the card's fields (name, trading name, type, sales channel, payment
 * terms from the channel, company and personal details), a first address checked country by
 * country, and contacts, created in one write. While the user types it checks for customers that
 * may already be the one being added ("This may be Acme Ltd — open it instead?").
 *
 * A user without the `customers.create` capability is told so instead of the form. Errors, the
 * form's own and the server's, are shown at their fields and listed in a summary above the form
 * that takes the focus. A lost answer never makes a second customer: the draft's idempotency key
 * goes with every repeat.
 *
 * The class is `CustomerCreateForm` because the SDK's `CustomerCreate` is the request body it sends.
 *
 * @summary Add a customer: the card's fields, a first address, contacts and a duplicate check while typing.
 *
 * @fires {CustomEvent<CustomerCreateDetail>} customer-create - The server created the customer. `detail: { customerId, customer }`.
 * @fires {CustomEvent<CustomerSelectDetail>} customer-select - The user chose to open an existing customer instead (from the duplicate warning), or the one just created.
 *
 * @csspart form - The form.
 * @csspart heading - The heading.
 * @csspart section - A group of fields (customer, company, personal, address, contacts).
 * @csspart field - A label, control, hint and error.
 * @csspart input - A text input.
 * @csspart select - A select (type, channel, terms, bank account, country).
 * @csspart checkbox - A checkbox (EU VAT exempt).
 * @csspart field-error - The error shown at a field.
 * @csspart terms-hint - What the payment terms mean, and whether they are the channel's usual ones.
 * @csspart error-summary - Above the form: every field that needs attention, as links that move to it (takes the focus).
 * @csspart error-summary-link - One entry of the summary.
 * @csspart duplicates - The possible-duplicate warning.
 * @csspart duplicate - One possible duplicate.
 * @csspart duplicate-open-button - Opens that customer instead (fires `customer-select`).
 * @csspart duplicate-dismiss-button - Says they are different customers: the warning goes.
 * @csspart contact - One contact's fields.
 * @csspart add-contact-button - Adds a contact row.
 * @csspart remove-contact-button - Removes a contact row.
 * @csspart create-button - Creates the customer.
 * @csspart success - After the create: what was added, with Open and Add another.
 * @csspart open-created-button - Opens the new customer (fires `customer-select`).
 * @csspart add-another-button - Starts a new, empty form.
 * @csspart forbidden - Shown instead of the form to a user who may not add customers.
 * @csspart limit-count - The character counter shown near a field's length limit.
 * @csspart limit-error - The message when a field is longer than its limit.
 * @csspart permissions-message - Shown when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart error - The reference lists could not be loaded, with Retry.
 * @csspart retry-button - The Retry button.
 * @csspart skeleton - The placeholder while the lists load.
 * @csspart message - A state message (also `config-message` when no API client is configured).
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --customer-create-gap - Space between fields and sections.
 * @cssproperty --customer-create-columns-from - The inline size from which fields sit in two columns. Default `36rem`.
 * @cssproperty --customer-create-section-border-color - Border of the sections.
 * @cssproperty --customer-create-warning-background - Background of the duplicate warning.
 */
export class CustomerCreateForm extends CeElement {
  static override styles = [baseStyles, controlStyles, visuallyHidden, customerCreateStyles];
  static override catalogues = [createMessage];

  /**
   * Values to start with, e.g. the name typed into the search (`customer-create-request`'s
   * `detail.prefill`). Applied while the form is untouched.
   */
  @property({ attribute: false }) prefill: CustomerCreatePrefill = {};

  @state() private draft: Draft = emptyDraft('GB');
  @state() private errors = new Map<string, string>();
  /** A message about the whole create (not a field): not created, could not confirm. */
  @state() private formError = '';
  @state() private showSummary = false;
  @state() private busy = false;
  @state() private created: { customer: Customer; replayed: boolean } | null = null;
  @state() private announcement = '';

  /** The user typed something: a new `prefill` no longer replaces the draft. */
  private dirty = false;
  /** One key per draft: every repeat of this draft's create carries it. */
  private draftKey = newWriteKey();
  /** The body of the last create whose outcome was not confirmed (its repeat must be the same). */
  private uncertainBody: CustomerCreateBody | undefined;
  private nextContactKey = 1;
  private focusAfter: string | undefined;

  private readonly capabilities = new CapabilitiesController(this);
  private readonly reference = referenceController(this);
  private readonly duplicates = new DuplicateCheck(this);

  private msg: Msg = (key, params) => createMessage(this.resolvedLocale, key, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('prefill') && !this.dirty) {
      this.draft = emptyDraft(this.draft.address.country, this.prefill ?? {});
      this.askDuplicates();
    }
  }

  protected override updated(): void {
    if (!this.focusAfter) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
    if (target) {
      this.focusAfter = undefined;
      target.focus();
    }
  }

  // -------------------------------------------------------------------------------------------
  // The draft

  private get postcodeRequired(): string[] {
    return (this.reference.value?.countries ?? []).filter((c) => c.postcodeRequired).map((c) => c.code);
  }

  /** The terms the customer will start on: the user's choice, else the channel's usual ones. */
  private effectiveTerms(draft = this.draft): string {
    if (draft.termsChosen) return draft.paymentTermsId;
    const ref = this.reference.value;
    return (ref && draft.salesChannelId && defaultPaymentTermsId(ref, draft.salesChannelId)) || '';
  }

  private readonly onInput = (key: string, value: string): void => {
    this.dirty = true;
    const d = this.draft;
    let next: Draft;
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(key);
    const address = /^address\.(\w+)$/.exec(key);
    if (contact) {
      const rowKey = Number(contact[1]);
      const field = contact[2] as ContactField;
      next = { ...d, contacts: d.contacts.map((c) => (c.key === rowKey ? { ...c, [field]: value } : c)) };
    } else if (address) {
      next = { ...d, address: { ...d.address, [address[1] as AddressField]: value } };
    } else if (key === 'paymentTermsId') {
      next = { ...d, paymentTermsId: value, termsChosen: true };
    } else if (key === 'vatExempt') {
      next = { ...d, vatExempt: value === 'true' };
    } else if (key === 'type') {
      next = { ...d, type: value as Draft['type'] };
    } else {
      next = { ...d, [key]: value };
    }
    this.draft = next;
    // A field with an error is judged again as it is corrected; the country re-judges the postcode.
    this.recheck(key);
    if (key === 'address.country') this.recheck('address.postcode', true);
    if (key === 'name' || key === 'email' || key === 'address.postcode' || key === 'address.country') this.askDuplicates();
  };

  private readonly onBlur = (key: string): void => {
    this.recheck(key, true);
  };

  /** Runs the form's checks for one field: shows its error (when `show`, or when it had one), or clears it. */
  private recheck(key: string, show = false): void {
    if (!show && !this.errors.has(key)) return;
    const found = this.check().get(key);
    // A blank required field left on the way through is not an error yet; after a submit it is.
    if (found && !show && !this.errors.has(key)) return;
    if (found && show && !this.showSummary && this.isBlank(key)) return;
    const next = new Map(this.errors);
    if (found) next.set(key, found);
    else next.delete(key);
    this.errors = next;
  }

  private isBlank(key: string): boolean {
    const d = this.draft;
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(key);
    if (contact) return false;
    const address = /^address\.(\w+)$/.exec(key);
    const value = address ? d.address[address[1] as AddressField] : (d as unknown as Record<string, unknown>)[key];
    return typeof value !== 'string' || value.trim() === '';
  }

  /** Every error the form can tell by itself, in the order of the form. */
  private check(): Map<string, string> {
    const errors = checkDraft(this.draft, this.postcodeRequired, this.msg);
    for (const key of overLimit(this.draft)) {
      const where = limitState(this.fieldValue(key), limitOf(key));
      if (where && !errors.has(key)) errors.set(key, overLimitMessage(this.resolvedLocale, this.labelOf(key), where));
    }
    return errors;
  }

  private fieldValue(key: string): string {
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(key);
    if (contact) return this.draft.contacts.find((c) => c.key === Number(contact[1]))?.[contact[2] as ContactField] ?? '';
    const address = /^address\.(\w+)$/.exec(key);
    if (address) return this.draft.address[address[1] as AddressField];
    return String((this.draft as unknown as Record<string, unknown>)[key] ?? '');
  }

  private askDuplicates(): void {
    const d = this.draft;
    this.duplicates.update({ name: d.name, email: d.email, postcode: d.address.postcode, country: d.address.country || undefined });
  }

  private addContact(): void {
    if (this.draft.contacts.length >= MAX_NEW_CONTACTS) return;
    const key = this.nextContactKey++;
    const row: ContactDraft = { key, name: '', role: '', email: '', phone: '' };
    this.draft = { ...this.draft, contacts: [...this.draft.contacts, row] };
    this.dirty = true;
    this.announcement = this.msg('contactAdded', { n: this.draft.contacts.length });
    this.focusAfter = `#${controlId(`contacts.${key}.name`)}`;
  }

  private removeContact(row: ContactDraft): void {
    const rows = this.draft.contacts;
    const index = rows.indexOf(row);
    const after = rows[index + 1] ?? rows[index - 1];
    this.draft = { ...this.draft, contacts: rows.filter((c) => c !== row) };
    const errors = new Map([...this.errors].filter(([k]) => !k.startsWith(`contacts.${row.key}.`)));
    this.errors = errors;
    this.announcement = this.msg('contactRemoved');
    this.focusAfter = after ? `[data-remove="${after.key}"]` : '[part~="add-contact-button"]';
  }

  private reset(): void {
    this.created = null;
    this.dirty = false;
    this.draftKey = newWriteKey();
    this.uncertainBody = undefined;
    this.draft = emptyDraft(this.draft.address.country);
    this.errors = new Map();
    this.formError = '';
    this.showSummary = false;
    this.duplicates.reset();
    this.focusAfter = `#${controlId('name')}`;
  }

  // -------------------------------------------------------------------------------------------
  // Create

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.api;
    if (!client || this.busy) return;
    const errors = this.check();
    this.formError = '';
    if (errors.size) {
      this.errors = errors;
      this.showSummary = true;
      this.focusAfter = '[part~="error-summary"]';
      return;
    }
    const { body, contactKeys } = toBody(this.draft);
    const terms = this.effectiveTerms();
    if (terms) body.paymentTermsId = terms;
    this.busy = true;
    try {
      let replayed = false;
      let customer: Customer;
      try {
        customer = await this.send(client, body);
      } catch (error) {
        // The draft changed after an uncertain create, and that create was done after all: the
        // server keeps its first answer under the draft's key. Fetch it with the body it was for.
        const first = this.uncertainBody;
        if (!isKeyReused(error) || !first) throw error;
        customer = await this.send(client, first);
        replayed = true;
      }
      this.uncertainBody = undefined;
      this.created = { customer, replayed };
      this.errors = new Map();
      this.showSummary = false;
      this.focusAfter = '[part~="success"]';
      emit(this, 'customer-create', { customerId: customer.id, customer });
    } catch (error) {
      if (isValidationError(error) && error.fieldErrors.length) {
        this.uncertainBody = undefined;
        this.errors = placeServerErrors(error.fieldErrors, contactKeys);
        this.showSummary = true;
        this.focusAfter = '[part~="error-summary"]';
      } else if (isUnconfirmedWrite(error)) {
        this.uncertainBody ??= body;
        this.formError = this.t('write.unconfirmed');
        this.showSummary = true;
        this.focusAfter = '[part~="error-summary"]';
      } else {
        this.formError = this.msg('notCreated', { reason: errorMessage(error, (key, params) => this.t(key, params)) });
        this.showSummary = true;
        this.focusAfter = '[part~="error-summary"]';
      }
    } finally {
      this.busy = false;
    }
  }

  private send(client: Client, body: CustomerCreateBody): Promise<Customer> {
    // No re-read can tell whether a new customer exists: the identical create is repeated under
    // the same key, and the server answers it from its idempotency store.
    return confirmedWrite(() => client.customers.create(body, { idempotencyKey: this.draftKey }));
  }

  private openExisting(summary: CustomerSummary): void {
    emit(this, 'customer-select', { customerId: summary.id, customer: summary } satisfies CustomerSelectDetail);
  }

  private summaryOf(customer: Customer): CustomerSummary {
    return {
      id: customer.id, name: customer.name, tradingName: customer.tradingName, type: customer.type,
      postcode: this.draft.address.postcode.trim() || null, email: customer.email, salesChannelId: customer.salesChannelId,
      balance: { amountMinor: 0, currency: customer.creditLimit.currency }, watchListed: customer.watchListed, onHold: customer.onHold,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private get fieldContext(): FieldContext {
    return {
      locale: this.resolvedLocale,
      errorFor: (key) => this.errors.get(key),
      onInput: this.onInput,
      onBlur: this.onBlur,
      optionalText: this.msg('optional'),
    };
  }

  /** The name of a field as the summary says it. */
  private labelOf(key: string): string {
    const contact = /^contacts\.(\d+)\.(\w+)$/.exec(key);
    if (contact) {
      const n = this.draft.contacts.findIndex((c) => c.key === Number(contact[1])) + 1;
      const field = contact[2] === 'name' ? 'contactName' : contact[2]!;
      return this.msg('contactField', { n: n || Number(contact[1]) + 1, label: this.msgOr(`field.${field}`, field) });
    }
    const address = /^address\.(\w+)$/.exec(key);
    if (address) return this.msg('addressField', { label: this.msgOr(`field.${address[1]}`, address[1]!) });
    return this.msgOr(`field.${key}`, key);
  }

  private msgOr(key: string, fallback: string): string {
    const text = createMessage(this.resolvedLocale, key as CreateMessageKey);
    return text === key ? fallback : text;
  }

  override render(): TemplateResult {
    const client = this.api;
    if (!client) return renderConfigMessage(this);
    const caps = this.capabilities;
    if (caps.failed) return html`${caps.render()}`;
    if (caps.pending) return renderSkeleton(4, this.t('state.loading'));
    if (!caps.can('customers.create')) {
      return html`<p class="ce-message forbidden" part="forbidden message">${this.msg('forbidden')}</p>`;
    }
    const ref = this.reference;
    if (ref.status === 'error' && !ref.value) return renderError(this, ref.error, () => ref.reload());
    if (!ref.value) return renderSkeleton(6, this.t('state.loading'));
    if (this.created) return this.renderSuccess(this.created.customer, this.created.replayed);
    return this.renderForm(ref.value);
  }

  private renderSuccess(customer: Customer, replayed: boolean): TemplateResult {
    const name = customer.name;
    return html`<div class="success" part="success" tabindex="-1" role="status">
      <p class="success-text">${this.msg(replayed ? 'createdReplayed' : 'created', { name })}</p>
      <div class="buttons">
        <button type="button" class="ce-button ce-button--primary" part="open-created-button" @click=${() => this.openExisting(this.summaryOf(customer))}>
          ${this.msg('openCreated', { name })}
        </button>
        <button type="button" class="ce-button" part="add-another-button" @click=${() => this.reset()}>${this.msg('addAnother')}</button>
      </div>
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    if (!this.showSummary || (this.errors.size === 0 && !this.formError)) return nothing;
    const count = this.errors.size;
    return html`<div class="ce-message ce-error summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      ${count
        ? html`<h3 id="summary-title">${count === 1 ? this.msg('summaryTitle_one') : this.msg('summaryTitle_other', { count })}</h3>
            <ul>
              ${[...this.errors].map(
                ([key, message]) => html`<li>
                  <a
                    href="#${controlId(key)}"
                    part="error-summary-link"
                    @click=${(e: Event) => this.focusField(e, key)}
                  >${this.msg('summaryField', { label: this.labelOf(key), message })}</a>
                </li>`,
              )}
            </ul>`
        : html`<span id="summary-title" class="ce-visually-hidden">${this.msg('heading')}</span>`}
      ${this.formError ? html`<p class="form-error">${this.formError}</p>` : nothing}
    </div>`;
  }

  private focusField(e: Event, key: string): void {
    e.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${controlId(key)}`);
    if (control) {
      control.scrollIntoView({ block: 'center' });
      control.focus();
    }
  }

  private renderForm(ref: Reference): TemplateResult {
    const ctx = this.fieldContext;
    const d = this.draft;
    return html`<form class="form" part="form" novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.submit}>
      <h2 id="heading" part="heading">${this.msg('heading')}</h2>
      ${this.renderSummary()}
      ${renderDuplicates(this.duplicates, this.msg, (m: DuplicateMatch) => this.openExisting(m.customer))}
      <p class="ce-hint">${this.msg('intro')}</p>
      <fieldset class="section" part="section">
        <legend>${this.msg('section.customer')}</legend>
        <div class="grid">
          ${textField(ctx, { key: 'name', label: this.msg('field.name'), value: d.name, autocomplete: 'organization', wide: true })}
          ${this.text(ctx, 'tradingName', { optional: true })}
          ${selectField(ctx, {
            key: 'type', label: this.msg('field.type'), value: d.type,
            options: CUSTOMER_TYPES.map((t) => ({ value: t, label: enumName(this.resolvedLocale, 'customerType', t) ?? t })),
          })}
          ${selectField(ctx, {
            key: 'salesChannelId', label: this.msg('field.salesChannelId'), value: d.salesChannelId, placeholder: this.msg('chooseChannel'),
            options: ref.salesChannels.map((c) => ({ value: c.id, label: c.name })),
          })}
          ${this.renderTerms(ctx, ref)}
        </div>
      </fieldset>
      <fieldset class="section" part="section">
        <legend>${this.msg('section.company')}</legend>
        <div class="grid">
          ${selectField(ctx, {
            key: 'bankAccountId', label: this.msg('field.bankAccountId'), value: d.bankAccountId, optional: true, placeholder: this.msg('noBankAccount'),
            options: ref.bankAccounts.map((b) => ({ value: b.id, label: b.name })),
          })}
          ${this.text(ctx, 'accountsReference', { optional: true })}
          ${this.text(ctx, 'eori', { optional: true, hint: this.msg('eoriHint') })}
          ${checkboxField(ctx, 'vatExempt', this.msg('field.vatExempt'), d.vatExempt)}
        </div>
      </fieldset>
      <fieldset class="section" part="section">
        <legend>${this.msg('section.personal')}</legend>
        <div class="grid">
          ${this.text(ctx, 'email', { optional: true, type: 'email', autocomplete: 'email' })}
          ${this.text(ctx, 'telephone', { optional: true, type: 'tel', autocomplete: 'tel' })}
          ${this.text(ctx, 'mobile', { optional: true, type: 'tel' })}
          ${this.text(ctx, 'fax', { optional: true, type: 'tel' })}
          ${this.text(ctx, 'username', { optional: true, autocomplete: 'off' })}
          ${this.text(ctx, 'password', { optional: true, type: 'password', autocomplete: 'new-password', hint: this.msg('passwordHint') })}
        </div>
      </fieldset>
      <fieldset class="section" part="section">
        <legend>${this.msg('section.address')}</legend>
        <p class="ce-hint">${this.msg('addressHint')}</p>
        <div class="grid">
          ${ADDRESS_FIELDS.map((f) =>
            f === 'country'
              ? selectField(ctx, {
                  key: 'address.country', label: this.msg('field.country'), value: d.address.country,
                  options: ref.countries.map((c) => ({ value: c.code, label: c.name })),
                })
              : textField(ctx, {
                  key: `address.${f}`, label: this.msg(`field.${f}`), value: d.address[f],
                  optional: f === 'label' || f === 'line2' || f === 'region', autocomplete: ADDRESS_AUTOCOMPLETE[f],
                  wide: f === 'line1' || f === 'line2',
                }),
          )}
        </div>
      </fieldset>
      ${this.renderContacts(ctx)}
      <div class="buttons">
        <button type="submit" class="ce-button ce-button--primary" part="create-button" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.msg('creating') : this.msg('create')}
        </button>
      </div>
      <span class="ce-visually-hidden" role="status">${this.announcement}</span>
    </form>`;
  }

  private text(ctx: FieldContext, key: CustomerTextField, o: { optional?: boolean; hint?: string; type?: 'text' | 'email' | 'tel' | 'password'; autocomplete?: string } = {}): TemplateResult {
    return textField(ctx, { key, label: this.msg(`field.${key}`), value: this.draft[key], ...o });
  }

  private renderTerms(ctx: FieldContext, ref: Reference): TemplateResult {
    const d = this.draft;
    const value = this.effectiveTerms();
    const channel = ref.salesChannels.find((c) => c.id === d.salesChannelId);
    const usual = channel ? defaultPaymentTermsId(ref, channel.id) : undefined;
    const terms = ref.paymentTerms.find((t) => t.id === value);
    const parts: string[] = [];
    if (channel && usual) {
      parts.push(value === usual
        ? this.msg('termsDefault', { channel: channel.name })
        : this.msg('termsChanged', { channel: channel.name, terms: ref.paymentTerms.find((t) => t.id === usual)?.name ?? '' }));
    }
    if (terms) parts.push(terms.blocksDispatchUntilPaid ? this.msg('termsPrepay') : this.msg('termsCredit', { days: terms.days ?? 0 }));
    return selectField(ctx, {
      key: 'paymentTermsId', label: this.msg('field.paymentTermsId'), value,
      placeholder: value === '' ? this.msg('chooseChannel') : undefined,
      options: ref.paymentTerms.map((t) => ({ value: t.id, label: t.name })),
      hint: parts.length ? html`<span part="terms-hint">${parts.join(' ')}</span>` : undefined,
    });
  }

  private renderContacts(ctx: FieldContext): TemplateResult {
    const rows = this.draft.contacts;
    return html`<fieldset class="section" part="section">
      <legend>${this.msg('section.contacts')}</legend>
      <p class="ce-hint">${this.msg('contactsHint')}</p>
      ${rows.length === 0 ? html`<p class="none">${this.msg('noContacts')}</p>` : nothing}
      ${repeat(
        rows,
        (c) => c.key,
        (c, i) => html`<fieldset class="contact" part="contact">
          <legend>${this.msg('contactLegend', { n: i + 1 })}</legend>
          <div class="grid">
            ${CONTACT_FIELDS.map((f) =>
              textField(ctx, {
                key: `contacts.${c.key}.${f}`,
                label: this.msg(f === 'name' ? 'field.contactName' : `field.${f}`),
                value: c[f],
                optional: f !== 'name',
                type: f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text',
              }),
            )}
          </div>
          <button type="button" class="ce-button ce-button--quiet remove" part="remove-contact-button" data-remove=${c.key} @click=${() => this.removeContact(c)}>
            ${this.msg('removeContact', { n: i + 1 })}
          </button>
        </fieldset>`,
      )}
      ${rows.length < MAX_NEW_CONTACTS
        ? html`<button type="button" class="ce-button" part="add-contact-button" @click=${() => this.addContact()}>${this.msg('addContact')}</button>`
        : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-create': CustomerCreateForm;
  }
  interface HTMLElementEventMap {
    'customer-create': CustomerCreateEvent;
  }
}
