import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { ResourceController } from '../shared/resource.js';
import { referenceController } from '../shared/reference.js';
import { renderError, renderResource, renderSkeleton } from '../shared/states.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { confirmedWrite, recordShows, writeFailureText } from '../shared/write.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { ConflictFlow, renderConflict } from '../shared/conflict.js';
import { isOverLimit, limitDescribedBy, renderLimit } from '../shared/limits.js';
import { isValidationError, tags, type Client } from '../../sdk/index.js';
import type { Contact, Customer, CustomerFieldGroup, Money, Reference } from '../../sdk/schemas.js';
import { CUSTOMER_GROUP_CAPABILITY } from '../../sdk/enums.js';
import { WatchListBadge } from '../watch-list-badge/watch-list-badge.js';
import { contactChanges, customerChanges, type ChangeContext } from './changes.js';
import { styles } from './customer-card.styles.js';
import { cardMessage, isCardSharedKey, type CardLabelKey } from './customer-card.messages.js';
import { enumName } from '../shared/terms.js';
import {
  NEW_CONTACT,
  buildContactInput,
  buildCustomerPatch,
  checkField,
  textLimitOf,
  contactFormValues,
  customerFormValues,
  fieldsFor,
  isContactKey,
  type ContactFormKey,
  type FieldDef,
  type FormKey,
  type FormValue,
  type FormValues,
} from './customer-card.fields.js';

/** Detail of `view-accounts`: the customer whose accounts the user asked to see. */
export interface CustomerCardViewAccountsDetail {
  customerId: string;
}

/** Detail of `customer-change`: the customer as saved, and the sub-section the user saved. */
export interface CustomerCardChangeDetail {
  customerId: string;
  customer: Customer;
  group: CustomerFieldGroup;
}

/** An open edit form: what the user typed, what they started from, and how the last save went. */
interface FormState {
  /** A small number for element ids (server ids never go into `id`/`aria-*` attributes). */
  uid: number;
  values: FormValues;
  /** The server's values when the form was opened (or last reloaded). */
  base: FormValues;
  /** The version the user's edit is based on; sent with the save. */
  baseVersion: number;
  /** What the user saw when they opened the form (for "what changed"). */
  baseRecord: Customer | Contact | undefined;
  /** Fields the user typed into: Reload keeps these and refreshes the others. */
  touched: Set<string>;
  /** Fields whose inline check is showing (after the user left them, or after Save). */
  shown: Set<string>;
  serverErrors: Record<string, string>;
  /** Server field errors for fields this form does not show. */
  otherErrors: string[];
  saving: boolean;
  failure: unknown;
  /** Someone else saved first: what changed, and Reload onto their version. */
  conflict: ConflictFlow<Customer | Contact>;
}

/** The badge's parts, re-exported with a `badge-` prefix so that a page can style them through the card. */
const BADGE_PARTS = ['icon', 'trigger', 'tooltip', 'add-button', 'editor', 'textarea', 'field-error', 'save-button', 'cancel-button', 'clear-button', 'error', 'conflict', 'conflict-changes', 'reload-button', 'changes']
  .map((part) => `${part}: badge-${part}`)
  .join(', ');

const SECTION_TITLE: Record<CustomerFieldGroup, CardLabelKey> = {
  identity: 'section.identity',
  channel: 'section.channel',
  company: 'section.company',
  terms: 'section.terms',
  personal: 'section.personal',
};
/** A validation error that named no field: the server refused the values without saying which. */
const REFUSED = Symbol('refused');

/** Groups whose form offers choices from the reference lists. */
const NEEDS_REFERENCE: ReadonlySet<CustomerFieldGroup> = new Set(['channel', 'company', 'terms']);

/**
 * Everything about one customer, each sub-section editable in place.
 *
 * @tagname customer-card
 * @summary The customer card: name, sales channel, company details, payment terms and the dispatch
 * rule they imply, financial standing, loyalty points, personal details and contacts, each
 * sub-section editable inline with validation and optimistic concurrency.
 *
 * @fires {CustomEvent<CustomerCardViewAccountsDetail>} view-accounts - The user pressed "View accounts"
 *   (`detail: { customerId }`). Bubbles, composed, cancelable (inside `customer-screen`, cancelling it
 *   stops the screen from opening its accounts view).
 * @fires {CustomEvent<CustomerCardChangeDetail>} customer-change - The user saved a sub-section and the
 *   server accepted it (`detail: { customerId, customer, group }`). Bubbles, composed.
 *
 * @slot actions - Host buttons shown in the card header, beside the name.
 * @slot footer - Content shown below the sub-sections.
 *
 * @csspart card - The whole card.
 * @csspart header - The header with the name, badges and host actions.
 * @csspart name - The customer or company name in the header.
 * @csspart trading-name - The trading name in the header.
 * @csspart watch-list-badge - The watch-list badge beside the name (its own parts are re-exported with a `badge-` prefix).
 * @csspart on-hold - The "Account on hold" flag (text and symbol, not colour alone).
 * @csspart actions - The wrapper of the `actions` slot.
 * @csspart sections - The grid of sub-sections.
 * @csspart section - Each sub-section; also `section-<name>` (identity, channel, company, terms, finances, loyalty, personal, contacts).
 * @csspart section-header - The title row of a sub-section.
 * @csspart section-title - The title of a sub-section.
 * @csspart edit-button - A sub-section's (or contact's) Edit button.
 * @csspart fields - A list of read-only fields.
 * @csspart field - One field, read-only or in a form.
 * @csspart label - A field's label.
 * @csspart value - A field's value.
 * @csspart money - An amount of money.
 * @csspart note - An explanatory note (price list, channel origin).
 * @csspart dispatch-rule - The sentence saying when orders may be dispatched.
 * @csspart origin-note - The note for customers created by a marketplace.
 * @csspart view-accounts-button - The "View accounts" button.
 * @csspart points - The loyalty points balance.
 * @csspart form - An inline edit form.
 * @csspart input - A text input, select or checkbox in a form.
 * @csspart hint - Help text under an input.
 * @csspart field-error - A field's validation message.
 * @csspart limit-count - The character counter shown near a field's length limit.
 * @csspart limit-error - The message when a field is longer than its limit.
 * @csspart form-error - A message about the whole form (a failed save).
 * @csspart form-actions - The row of Save and Cancel.
 * @csspart save-button - Save.
 * @csspart cancel-button - Cancel.
 * @csspart conflict - The "changed by someone else" message (role="alert"), with what changed and Reload.
 * @csspart reload-button - Reload, in the conflict message: their version becomes the base, what the user typed stays.
 * @csspart conflict-changes - What changed since the form was opened, in the conflict message.
 * @csspart changes - After Reload: the form now rests on the latest version, and what changed.
 * @csspart permissions-message - Shown instead of the Edit buttons when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart contacts - The list of contacts.
 * @csspart contact - One contact.
 * @csspart contact-name - A contact's name.
 * @csspart add-contact-button - "Add contact".
 * @csspart remove-button - A contact's Remove button (and the confirming one).
 * @csspart footer - The wrapper of the `footer` slot.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart error - The message shown when loading fails (role="alert").
 * @csspart retry-button - The Retry button beside an error.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --customer-card-gap - Space between sub-sections and between fields.
 * @cssproperty --customer-card-padding - Padding inside each sub-section.
 * @cssproperty --customer-card-section-background - Background of each sub-section.
 * @cssproperty --customer-card-border - Border of each sub-section (a `border` shorthand).
 * @cssproperty --customer-card-radius - Corner radius of each sub-section.
 * @cssproperty --customer-card-section-min-width - Narrowest a sub-section column gets before the grid wraps.
 * @cssproperty --customer-card-on-hold-color - Text and border colour of the on-hold flag.
 * @cssproperty --customer-card-on-hold-background - Background of the on-hold flag.
 */
export class CustomerCard extends CeElement {
  static override styles = styles;
  static override catalogues = [cardMessage];

  /** The id of the customer to show. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** Shows everything read-only, with no Edit buttons, whatever the user may change. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private forms = new Map<FormKey, FormState>();
  /** The contact whose removal the user is confirming. */
  @state() private confirmingRemoval: string | undefined;
  @state() private removalFailure: { contactId: string; error: unknown } | undefined;

  #uid = 0;
  #badge: HTMLElement | undefined;

  #customer = new ResourceController(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.customers.get(id, { signal }),
    tags: ([id]) => [tags.customer(id)],
  });

  #caps = new CapabilitiesController(this, { enabled: () => !this.readonly });

  #reference = referenceController(this);

  #account = new ResourceController(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.accounts.get(id, { signal }),
    tags: ([id]) => [tags.account(id)],
  });

  #loyalty = new ResourceController(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.loyalty.get(id, { signal }),
    tags: ([id]) => [tags.loyalty(id)],
  });

  #contacts = new ResourceController(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.contacts.list(id, { signal }),
    tags: ([id]) => [tags.contacts(id)],
  });

  #agent = new ResourceController(this, {
    args: () => {
      const agentId = this.#customer.value?.agentId;
      return agentId ? ([agentId] as const) : undefined;
    },
    load: ([id], signal, client) => client.customers.get(id, { signal }),
    tags: ([id]) => [tags.customer(id)],
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      // Another customer: nothing typed for the previous one may be saved against this one.
      this.forms = new Map();
      this.confirmingRemoval = undefined;
      this.removalFailure = undefined;
    }
    this.followNewerCustomer();
  }

  /**
   * When the card shows a newer version of the customer than an open form started from (this
   * user's own save of another section, a watch-list change, a refresh) and nothing that form
   * edits differs, the form moves onto that version: its save cannot overwrite anything the user
   * has not seen. If the form's own fields did change, it stays on its version and the save
   * reports the conflict.
   */
  private followNewerCustomer(): void {
    const current = this.#customer.value;
    if (!current) return;
    for (const [key, form] of this.forms) {
      if (isContactKey(key) || form.conflict.active || form.baseVersion >= current.version) continue;
      const before = form.baseRecord as Customer | undefined;
      if (!before || before.id !== current.id || before.hasPassword !== current.hasPassword) continue;
      const same = JSON.stringify(customerFormValues(key, before)) === JSON.stringify(customerFormValues(key, current));
      if (!same) continue;
      form.baseVersion = current.version;
      form.baseRecord = current;
    }
  }

  private get current(): Customer | undefined {
    return this.#customer.value;
  }

  /** True while any part of the card is still loading its first value or re-reading. */
  private get busy(): boolean {
    return this.#caps.loading || [this.#customer, this.#reference, this.#account, this.#loyalty, this.#contacts, this.#agent].some(
      (ctrl) => ctrl.status === 'loading',
    );
  }

  private m(key: CardLabelKey, params?: Record<string, string | number>): string {
    return isCardSharedKey(key) ? this.t(key, params) : cardMessage(this.resolvedLocale, key, params);
  }

  private can(capability: string): boolean {
    return !this.readonly && this.#caps.can(capability);
  }

  private canEdit(group: CustomerFieldGroup): boolean {
    if (!this.can(CUSTOMER_GROUP_CAPABILITY[group])) return false;
    return !NEEDS_REFERENCE.has(group) || this.#reference.value !== undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`${renderResource(this, this.#customer, () => this.renderCard(this.current!))}`;
  }

  private renderCard(c: Customer): TemplateResult {
    const ref = this.#reference.value;
    return html`
      <article part="card" aria-labelledby="customer-name" aria-busy=${this.busy ? 'true' : 'false'}>
        <header part="header">
          <div class="heading">
            <h2 part="name" id="customer-name" class="text">${c.name}</h2>
            ${this.renderBadge(c)}
            ${c.onHold
              ? html`<span part="on-hold" class="on-hold"><span aria-hidden="true" class="on-hold-icon">⏸</span>${this.m('onHold.badge')}</span>`
              : nothing}
          </div>
          ${c.tradingName ? html`<p part="trading-name" class="text">${c.tradingName}</p>` : nothing}
          <div part="actions" class="actions"><slot name="actions"></slot></div>
        </header>
        ${this.#caps.render()}
        <div part="sections" class="sections">
          ${this.renderGroup('identity', c, () => this.viewIdentity(c))}
          ${this.renderGroup('channel', c, () => this.viewChannel(c, ref))}
          ${this.renderGroup('company', c, () => this.viewCompany(c, ref))}
          ${this.renderGroup('terms', c, () => this.viewTerms(c, ref))}
          ${this.renderFinances(c)}
          ${this.renderLoyalty()}
          ${this.renderGroup('personal', c, () => this.viewPersonal(c))}
          ${this.renderContacts()}
        </div>
        <div part="footer"><slot name="footer"></slot></div>
      </article>
    `;
  }

  /**
   * The watch-list badge, under whatever tag name the host registered its class with (a page may
   * have renamed it to avoid a clash); nothing when it is not registered at all.
   */
  private renderBadge(c: Customer): HTMLElement | typeof nothing {
    const name = customElements.getName(WatchListBadge);
    if (!name) return nothing;
    if (this.#badge?.localName !== name) {
      this.#badge = document.createElement(name);
      this.#badge.setAttribute('part', 'watch-list-badge');
      this.#badge.setAttribute('exportparts', BADGE_PARTS);
    }
    const badge = this.#badge as WatchListBadge;
    badge.customerId = c.id;
    badge.client = this.client;
    badge.locale = this.locale;
    // Without the user's capabilities the card says so once, for the badge too.
    badge.readonly = this.readonly || this.#caps.failed;
    badge.editable = !badge.readonly;
    return badge;
  }

  private field(label: string, value: unknown, part = 'value'): TemplateResult {
    return html`<div part="field" class="field"><dt part="label">${label}</dt><dd part=${part} class="text">${value}</dd></div>`;
  }

  private text(value: string | null | undefined): string {
    return value === null || value === undefined || value === '' ? this.m('value.empty') : value;
  }

  private yesNo(value: boolean): string {
    return this.m(value ? 'value.yes' : 'value.no');
  }

  private money(value: Money | undefined): TemplateResult {
    return html`<span part="money" class="money">${formatMoney(value, this.resolvedLocale)}</span>`;
  }

  private optionName(list: ReadonlyArray<{ id: string; name: string }> | undefined, id: string | null): string {
    if (id === null) return this.m('value.none');
    return list?.find((item) => item.id === id)?.name ?? id;
  }

  private renderGroup(group: CustomerFieldGroup, c: Customer, view: () => TemplateResult): TemplateResult {
    const form = this.forms.get(group);
    const title = this.m(SECTION_TITLE[group]);
    return html`
      <section part="section section-${group}" class="section" aria-labelledby="title-${group}">
        <div part="section-header" class="section-header">
          <h3 part="section-title" id="title-${group}">${title}</h3>
          ${!form && this.canEdit(group)
            ? html`<button part="edit-button" class="ce-button ce-button--quiet" type="button" data-edit=${group} @click=${() => this.openGroup(group, c)}>
                ${this.m('action.edit')}<span class="ce-visually-hidden"> ${title}</span>
              </button>`
            : nothing}
        </div>
        ${form ? this.renderForm(group, form, title) : view()}
      </section>
    `;
  }

  private viewIdentity(c: Customer): TemplateResult {
    return html`<dl part="fields" class="fields">
      ${this.field(this.m('customer.name'), c.name)}
      ${this.field(this.m('customer.tradingName'), this.text(c.tradingName))}
    </dl>`;
  }

  private viewChannel(c: Customer, ref: Reference | undefined): TemplateResult {
    const channel = ref?.salesChannels.find((s) => s.id === c.salesChannelId);
    return html`<dl part="fields" class="fields">
        ${this.field(this.m('customer.salesChannelId'), channel?.name ?? c.salesChannelId)}
        ${channel ? this.field(this.m('field.priceList'), channel.priceList) : nothing}
      </dl>
      <p part="note" class="note">${this.m('note.channel')}</p>`;
  }

  private viewCompany(c: Customer, ref: Reference | undefined): TemplateResult {
    const agent = this.#agent.value;
    return html`<dl part="fields" class="fields">
      ${this.field(this.m('customer.type'), enumName(this.resolvedLocale, 'customerType', c.type) ?? this.optionName(ref?.customerTypes, c.type))}
      ${c.type === 'agent'
        ? this.field(
            this.m('field.subCustomers'),
            this.m('value.subCustomers_other', { count: c.subCustomerCount }),
          )
        : nothing}
      ${c.agentId
        ? this.field(this.m('field.agent'), this.m('value.agentOf', { agent: agent?.id === c.agentId ? agent.name : this.m('value.empty') }))
        : nothing}
      ${this.field(this.m('customer.bankAccountId'), this.optionName(ref?.bankAccounts, c.bankAccountId))}
      ${this.field(this.m('customer.accountsReference'), this.text(c.accountsReference))}
      ${this.field(this.m('customer.vatExempt'), this.yesNo(c.vatExempt))}
      ${this.field(
        this.m('customer.onHold'),
        c.onHold ? html`<span class="on-hold" part="on-hold"><span aria-hidden="true" class="on-hold-icon">⏸</span>${this.m('value.yes')}</span>` : this.m('value.no'),
      )}
      ${this.field(this.m('customer.eori'), this.text(c.eori))}
      ${this.field(this.m('customer.creditLimit'), this.money(c.creditLimit))}
    </dl>`;
  }

  private dispatchRule(termsId: string, ref: Reference | undefined): string | undefined {
    const terms = ref?.paymentTerms.find((p) => p.id === termsId);
    if (!terms) return undefined;
    return this.m(terms.kind === 'prepay' || terms.blocksDispatchUntilPaid ? 'rule.prepay' : 'rule.credit');
  }

  private viewTerms(c: Customer, ref: Reference | undefined): TemplateResult {
    const rule = this.dispatchRule(c.paymentTermsId, ref);
    const marketplace = c.origin === 'amazon' || c.origin === 'ebay';
    return html`<dl part="fields" class="fields">
        ${this.field(this.m('customer.paymentTermsId'), this.optionName(ref?.paymentTerms, c.paymentTermsId))}
      </dl>
      ${rule ? html`<p part="dispatch-rule" class="note">${rule}</p>` : nothing}
      ${marketplace
        ? html`<p part="note origin-note" class="note">${this.m('note.origin', { channel: c.origin === 'amazon' ? 'Amazon' : 'eBay' })}</p>`
        : nothing}`;
  }

  private renderFinances(c: Customer): TemplateResult {
    const account = this.#account.value;
    const title = this.m('section.finances');
    let body: TemplateResult;
    if (account) {
      body = html`<dl part="fields" class="fields">
        ${this.field(this.m('field.balance'), this.money(account.balance))}
        ${this.field(this.m('customer.creditLimit'), this.money(account.creditLimit))}
        ${this.field(this.m('field.availableCredit'), this.money(account.availableCredit))}
        ${this.field(this.m('field.overdue'), this.money(account.overdue))}
        ${this.field(this.m('field.dispatch'), this.m(account.dispatchBlocked ? 'dispatch.blocked' : 'dispatch.open'))}
      </dl>`;
    } else if (this.#account.status === 'error') {
      body = renderError(this, this.#account.error, () => this.#account.reload());
    } else {
      body = renderSkeleton(4);
    }
    return html`
      <section part="section section-finances" class="section" aria-labelledby="title-finances">
        <div part="section-header" class="section-header">
          <h3 part="section-title" id="title-finances">${title}</h3>
          <button part="view-accounts-button" class="ce-button" type="button" @click=${() => this.viewAccounts(c.id)}>${this.m('action.viewAccounts')}</button>
        </div>
        ${body}
      </section>
    `;
  }

  private renderLoyalty(): TemplateResult {
    const loyalty = this.#loyalty.value;
    let body: TemplateResult;
    if (loyalty) {
      body = html`<dl part="fields" class="fields">
        ${this.field(this.m('field.points'), formatNumber(loyalty.points, this.resolvedLocale), 'value points')}
      </dl>`;
    } else if (this.#loyalty.status === 'error') {
      body = renderError(this, this.#loyalty.error, () => this.#loyalty.reload());
    } else {
      body = renderSkeleton(1);
    }
    return html`
      <section part="section section-loyalty" class="section" aria-labelledby="title-loyalty">
        <div part="section-header" class="section-header"><h3 part="section-title" id="title-loyalty">${this.m('customer.loyaltyPoints')}</h3></div>
        ${body}
      </section>
    `;
  }

  private viewPersonal(c: Customer): TemplateResult {
    return html`<dl part="fields" class="fields">
      ${this.field(this.m('customer.username'), this.text(c.username))}
      ${this.field(this.m('customer.password'), this.m(c.hasPassword ? 'value.passwordSet' : 'value.noPassword'))}
      ${this.field(this.m('customer.email'), this.text(c.email))}
      ${this.field(this.m('customer.telephone'), this.text(c.telephone))}
      ${this.field(this.m('customer.mobile'), this.text(c.mobile))}
      ${this.field(this.m('customer.fax'), this.text(c.fax))}
    </dl>`;
  }

  private renderContacts(): TemplateResult {
    const contacts = this.#contacts.value;
    const editable = this.can('contacts.edit');
    const adding = this.forms.get(NEW_CONTACT);
    let body: TemplateResult;
    if (contacts) {
      body = html`
        ${contacts.length === 0 && !adding ? html`<p class="note">${this.m('contacts.empty')}</p>` : nothing}
        ${contacts.length
          ? html`<ul part="contacts" class="contacts">${contacts.map((contact) => this.renderContact(contact, editable))}</ul>`
          : nothing}
        ${adding ? this.renderForm(NEW_CONTACT, adding, this.m('contacts.newTitle')) : nothing}
      `;
    } else if (this.#contacts.status === 'error') {
      body = renderError(this, this.#contacts.error, () => this.#contacts.reload());
    } else {
      body = renderSkeleton(2);
    }
    return html`
      <section part="section section-contacts" class="section section-wide" aria-labelledby="title-contacts">
        <div part="section-header" class="section-header">
          <h3 part="section-title" id="title-contacts">${this.m('section.contacts')}</h3>
          ${editable && contacts && !adding
            ? html`<button part="add-contact-button" class="ce-button" type="button" data-edit=${NEW_CONTACT} @click=${() => this.openContact(undefined)}>
                ${this.m('action.addContact')}
              </button>`
            : nothing}
        </div>
        ${body}
      </section>
    `;
  }

  private renderContact(contact: Contact, editable: boolean): TemplateResult {
    const key: ContactFormKey = `contact:${contact.id}`;
    const form = this.forms.get(key);
    if (form) return html`<li part="contact" class="contact">${this.renderForm(key, form, this.m('contacts.editTitle'))}</li>`;
    const confirming = this.confirmingRemoval === contact.id;
    const failure = this.removalFailure?.contactId === contact.id ? this.removalFailure.error : undefined;
    return html`<li part="contact" class="contact">
      <p part="contact-name" class="contact-name text">${contact.name}</p>
      <dl part="fields" class="fields">
        ${this.field(this.m('field.role'), this.text(contact.role))}
        ${this.field(this.m('customer.email'), this.text(contact.email))}
        ${this.field(this.m('field.phone'), this.text(contact.phone))}
      </dl>
      ${failure
        ? html`<p part="form-error" class="form-error" role="alert">${writeFailureText(failure, this.t.bind(this), (reason) => this.m('error.removeFailed', { reason }), 'action')}</p>`
        : nothing}
      ${editable && confirming
        ? html`<div class="confirm" role="group" aria-label=${this.m('contacts.confirmRemove', { name: contact.name })}>
            <p class="text">${this.m('contacts.confirmRemove', { name: contact.name })}</p>
            <button part="remove-button" class="ce-button ce-button--danger" type="button" data-confirm-remove=${contact.id} @click=${() => this.removeContact(contact)}>${this.m('action.remove')}</button>
            <button part="cancel-button" class="ce-button" type="button" @click=${() => this.cancelRemoval(contact.id)}>${this.m('action.keep')}</button>
          </div>`
        : nothing}
      ${editable && !confirming
        ? html`<div class="contact-actions">
            <button part="edit-button" class="ce-button ce-button--quiet" type="button" data-edit=${key} @click=${() => this.openContact(contact)}>
              ${this.m('action.edit')}<span class="ce-visually-hidden"> ${contact.name}</span>
            </button>
            <button part="remove-button" class="ce-button ce-button--quiet" type="button" data-remove=${contact.id} @click=${() => this.askRemoval(contact.id)}>
              ${this.m('action.remove')}<span class="ce-visually-hidden"> ${contact.name}</span>
            </button>
          </div>`
        : nothing}
    </li>`;
  }

  private fieldId(form: FormState, name: string, suffix = ''): string {
    return `f${form.uid}-${name}${suffix}`;
  }

  private currencyOf(key: FormKey): string {
    return isContactKey(key) ? 'GBP' : (this.current?.creditLimit.currency ?? 'GBP');
  }

  /** The message beside a field: the server's for this value, else the inline check once shown. */
  private fieldMessage(key: FormKey, form: FormState, field: FieldDef): string | undefined {
    const server = form.serverErrors[field.name];
    if (server) return server;
    if (!form.shown.has(field.name)) return undefined;
    const problem = checkField(key, field, form.values[field.name] ?? '', this.currencyOf(key));
    // Too long is said by renderLimit as the user types, with how much to remove.
    if (problem?.key === 'invalid.tooLong') return undefined;
    return problem ? this.m(problem.key, problem.params) : undefined;
  }

  private renderForm(key: FormKey, form: FormState, title: string): TemplateResult {
    const fields = fieldsFor(key);
    const conflictText = this.m(isContactKey(key) ? 'conflict.contact' : 'conflict.message');
    return html`
      <form
        part="form"
        class="form"
        novalidate
        aria-label=${title}
        aria-busy=${form.saving ? 'true' : 'false'}
        @submit=${(e: Event) => this.onSubmit(e, key)}
        @keydown=${(e: KeyboardEvent) => this.onFormKeydown(e, key)}
      >
        ${renderConflict(this, form.conflict, {
          headline: conflictText,
          gone: this.m('contacts.gone'),
        })}
        ${form.failure !== undefined
          ? html`<p part="form-error" class="form-error" role="alert">
              ${form.failure === REFUSED
                ? this.m('error.saveFailed', { reason: this.m('error.refused') })
                : writeFailureText(form.failure, this.t.bind(this), (reason) => this.m('error.saveFailed', { reason }))}
            </p>`
          : nothing}
        ${form.otherErrors.length
          ? html`<ul part="form-error" class="form-error" role="alert">${form.otherErrors.map((text) => html`<li class="text">${text}</li>`)}</ul>`
          : nothing}
        ${fields.map((field) => this.renderInput(key, form, field))}
        ${key === 'terms' ? this.renderTermsPreview(form) : nothing}
        <div part="form-actions" class="form-actions">
          <button part="save-button" class="ce-button ce-button--primary" type="submit" aria-disabled=${form.saving ? 'true' : 'false'}>
            ${form.saving ? this.m('action.saving') : this.m('action.save')}
          </button>
          <button part="cancel-button" class="ce-button" type="button" @click=${() => this.cancel(key)}>${this.m('action.cancel')}</button>
        </div>
      </form>
    `;
  }

  /** While choosing payment terms, say what the chosen terms mean for dispatch. */
  private renderTermsPreview(form: FormState): TemplateResult | typeof nothing {
    const rule = this.dispatchRule(String(form.values.paymentTermsId ?? ''), this.#reference.value);
    return rule ? html`<p part="dispatch-rule" class="note" id=${this.fieldId(form, 'paymentTermsId', '-rule')}>${rule}</p>` : nothing;
  }

  private renderInput(key: FormKey, form: FormState, field: FieldDef): TemplateResult {
    const id = this.fieldId(form, field.name);
    const value = form.values[field.name] ?? '';
    const error = this.fieldMessage(key, form, field);
    const hintId = field.hint ? this.fieldId(form, field.name, '-hint') : '';
    const errorId = error ? this.fieldId(form, field.name, '-error') : '';
    const ruleId = key === 'terms' ? this.fieldId(form, field.name, '-rule') : '';
    const limit = textLimitOf(key, field);
    const text = typeof value === 'string' ? value : '';
    const limitIds = limitDescribedBy(id, text, limit);
    const describedBy = [hintId, ruleId, errorId, limitIds].filter(Boolean).join(' ');
    const label = field.kind === 'money'
      ? this.m('field.creditLimitIn', { currency: this.currencyOf(key) })
      : this.m(field.label);
    const hint = field.hint ? html`<p part="hint" class="ce-hint" id=${hintId}>${this.m(field.hint)}</p>` : nothing;
    const message = error ? html`<p part="field-error" class="ce-field-error" id=${errorId}>${error}</p>` : nothing;
    const onInput = (e: Event) => this.onInput(key, field, e);
    const onLeave = () => this.showCheck(key, field.name);

    if (field.kind === 'checkbox') {
      return html`<div part="field" class="field check">
        <input part="input" id=${id} name=${field.name} type="checkbox" .checked=${live(value === true)}
          aria-describedby=${describedBy || nothing} @change=${onInput} />
        <label part="label" class="ce-label" for=${id}>${label}</label>
        ${hint}${message}
      </div>`;
    }
    if (field.kind === 'select') {
      const options = field.options?.(this.#reference.value!, this.resolvedLocale) ?? [];
      const known = value === '' || options.some((o) => o.value === value);
      return html`<div part="field" class="field">
        <label part="label" class="ce-label" for=${id}>${label}</label>
        <select part="input" class="ce-input" id=${id} name=${field.name} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing} @change=${onInput} @blur=${onLeave}>
          ${field.none ? html`<option value="" ?selected=${value === ''}>${this.m('value.none')}</option>` : nothing}
          ${known ? nothing : html`<option value=${String(value)} selected>${this.m('value.unknownOption', { id: String(value) })}</option>`}
          ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
        </select>
        ${hint}${message}
      </div>`;
    }
    const type = field.kind === 'money' ? 'text' : field.kind;
    return html`<div part="field" class="field">
      <label part="label" class="ce-label" for=${id}>${label}</label>
      <input part="input" class="ce-input" id=${id} name=${field.name} type=${type}
        .value=${live(String(value))}
        inputmode=${field.kind === 'money' ? 'decimal' : nothing}
        autocomplete=${field.autocomplete ?? nothing}
        ?required=${field.required ?? false}
        spellcheck="false"
        aria-invalid=${error || isOverLimit(text, limit) ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${onInput} @change=${onLeave} @blur=${onLeave} />
      ${hint}${message}${renderLimit({ id, value: text, limit, locale: this.resolvedLocale, label })}
    </div>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Opening, typing, cancelling
  // ---------------------------------------------------------------------------------------------

  private newForm(key: FormKey, values: FormValues, baseVersion: number, baseRecord: Customer | Contact | undefined): FormState {
    return {
      uid: ++this.#uid,
      values: { ...values },
      base: values,
      baseVersion,
      baseRecord,
      touched: new Set(),
      shown: new Set(),
      serverErrors: {},
      otherErrors: [],
      saving: false,
      failure: undefined,
      conflict: this.conflictFlow(key),
    };
  }

  private setForm(key: FormKey, form: FormState | undefined): void {
    const next = new Map(this.forms);
    if (form) next.set(key, form);
    else next.delete(key);
    this.forms = next;
  }

  private patchForm(key: FormKey, change: (form: FormState) => void): void {
    const form = this.forms.get(key);
    if (!form) return;
    change(form);
    this.setForm(key, { ...form });
  }

  private async openGroup(group: CustomerFieldGroup, c: Customer): Promise<void> {
    this.setForm(group, this.newForm(group, customerFormValues(group, c), c.version, c));
    await this.focusFirstField(group);
  }

  private async openContact(contact: Contact | undefined): Promise<void> {
    const key: ContactFormKey = contact ? `contact:${contact.id}` : NEW_CONTACT;
    this.confirmingRemoval = undefined;
    this.setForm(key, this.newForm(key, contactFormValues(contact), contact?.version ?? 0, contact));
    await this.focusFirstField(key);
  }

  private async focusFirstField(key: FormKey, name?: string): Promise<void> {
    await this.updateComplete;
    const form = this.forms.get(key);
    if (!form) return;
    const first = name ?? fieldsFor(key)[0]?.name;
    if (first) (this.renderRoot.querySelector(`#${this.fieldId(form, first)}`) as HTMLElement | null)?.focus();
  }

  private onInput(key: FormKey, field: FieldDef, e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    const value: FormValue = field.kind === 'checkbox' ? (target as HTMLInputElement).checked : target.value;
    this.patchForm(key, (form) => {
      form.values = { ...form.values, [field.name]: value };
      form.touched.add(field.name);
      if (field.name in form.serverErrors) {
        const { [field.name]: _gone, ...rest } = form.serverErrors;
        form.serverErrors = rest;
      }
      if (field.kind === 'select' || field.kind === 'checkbox') form.shown.add(field.name);
    });
  }

  private showCheck(key: FormKey, name: string): void {
    const form = this.forms.get(key);
    if (!form || form.shown.has(name) || !form.touched.has(name)) return;
    this.patchForm(key, (f) => f.shown.add(name));
  }

  private onFormKeydown(e: KeyboardEvent, key: FormKey): void {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    void this.cancel(key);
  }

  /** Close a form without saving; focus goes back to what opened it. */
  private async cancel(key: FormKey): Promise<void> {
    this.setForm(key, undefined);
    await this.focusOpener(key);
  }

  private async focusOpener(key: FormKey): Promise<void> {
    await this.updateComplete;
    const opener =
      this.renderRoot.querySelector<HTMLElement>(`[data-edit="${CSS.escape(key)}"]`) ??
      (isContactKey(key) ? this.renderRoot.querySelector<HTMLElement>(`[data-edit="${NEW_CONTACT}"]`) : null) ??
      this.renderRoot.querySelector<HTMLElement>(isContactKey(key) ? '#title-contacts' : `#title-${key}`);
    if (opener?.localName === 'h3') opener.tabIndex = -1;
    opener?.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Saving
  // ---------------------------------------------------------------------------------------------

  private onSubmit(e: Event, key: FormKey): void {
    e.preventDefault();
    void this.save(key);
  }

  /** Run the inline checks on every field; returns the first failing field. */
  private checkAll(key: FormKey): string | undefined {
    let first: string | undefined;
    this.patchForm(key, (form) => {
      for (const field of fieldsFor(key)) {
        const problem = checkField(key, field, form.values[field.name] ?? '', this.currencyOf(key));
        if (problem) {
          form.shown.add(field.name);
          first ??= field.name;
        }
      }
    });
    return first;
  }

  private async save(key: FormKey): Promise<void> {
    const api = this.api;
    const customer = this.current;
    const form = this.forms.get(key);
    if (!api || !customer || !form || form.saving) return;
    const invalid = this.checkAll(key);
    if (invalid) {
      await this.focusFirstField(key, invalid);
      return;
    }
    if (isContactKey(key)) return this.saveContact(api, customer, key);
    const group = key as CustomerFieldGroup;
    const patch = buildCustomerPatch(group, form.values, form.base, this.currencyOf(group));
    if (Object.keys(patch).length === 0) {
      await this.cancel(key);
      return;
    }
    this.patchForm(key, (f) => Object.assign(f, { saving: true, failure: undefined, otherErrors: [], serverErrors: {} }));
    try {
      // After an uncertain answer: the customer as the server has it now says whether it was saved
      // (and is then the new base); never a conflict for the user's own change.
      const saved = await confirmedWrite(() => api.customers.update(customer.id, patch, { version: form.baseVersion }), {
        verify: async () => {
          const fresh = await api.customers.get(customer.id, { cache: 'reload' });
          if (!recordShows(fresh, patch)) return fresh.version === form.baseVersion ? false : undefined;
          // What the SDK does after a write it saw through: every view of it re-reads.
          api.cache.invalidate([tags.customer(customer.id), tags.search(), tags.notes(customer.id), tags.account(customer.id)]);
          return fresh;
        },
      });
      this.#customer.set(saved);
      this.setForm(key, undefined);
      emit(this, 'customer-change', { customerId: saved.id, customer: saved, group });
      await this.focusOpener(key);
    } catch (error) {
      await this.saveFailed(key, error);
    }
  }

  private async saveFailed(key: FormKey, error: unknown): Promise<void> {
    const fields = fieldsFor(key);
    let firstInvalid: string | undefined;
    this.patchForm(key, (f) => {
      f.saving = false;
      if (f.conflict.handle(error, f.baseRecord)) {
        // The flow re-reads and shows what changed; the draft stays as typed.
      } else if (isValidationError(error)) {
        const serverErrors: Record<string, string> = {};
        const other: string[] = [];
        for (const fe of error.fieldErrors) {
          const name = fe.field.split('.')[0] ?? fe.field;
          if (fields.some((d) => d.name === name)) serverErrors[name] ??= fe.message;
          else other.push(fe.message);
        }
        f.serverErrors = serverErrors;
        f.otherErrors = other;
        firstInvalid = fields.find((d) => d.name in serverErrors)?.name;
        if (!firstInvalid && other.length === 0) f.failure = REFUSED;
      } else {
        f.failure = error;
      }
    });
    if (firstInvalid) await this.focusFirstField(key, firstInvalid);
  }

  private async saveContact(api: Client, customer: Customer, key: ContactFormKey): Promise<void> {
    const form = this.forms.get(key)!;
    const existing = form.baseRecord as Contact | undefined;
    this.patchForm(key, (f) => Object.assign(f, { saving: true, failure: undefined, otherErrors: [], serverErrors: {} }));
    try {
      if (existing) {
        const patch = buildContactInput(form.values, form.base);
        if (Object.keys(patch).length > 0) {
          await confirmedWrite(() => api.contacts.update(customer.id, existing.id, patch, { version: form.baseVersion }), {
            verify: async () => {
              const list = await api.contacts.list(customer.id, { cache: 'reload' });
              const fresh = list.find((contact) => contact.id === existing.id);
              if (!fresh) return undefined;
              if (!recordShows(fresh, patch)) return fresh.version === form.baseVersion ? false : undefined;
              api.cache.invalidate([tags.contacts(customer.id), tags.notes(customer.id)]);
              return fresh;
            },
          });
        }
      } else {
        const input = buildContactInput(form.values, undefined);
        const body = { name: String(input.name ?? ''), ...input };
        await confirmedWrite(() => api.contacts.create(customer.id, body));
      }
      this.setForm(key, undefined);
      await this.focusOpener(key);
    } catch (error) {
      await this.saveFailed(key, error);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Conflicts (the flow itself is shared: ../shared/conflict.ts)
  // ---------------------------------------------------------------------------------------------

  private conflictFlow(key: FormKey): ConflictFlow<Customer | Contact> {
    const ctx = (): ChangeContext => ({ m: (k, p) => this.m(k, p), locale: this.resolvedLocale, reference: this.#reference.value });
    return new ConflictFlow<Customer | Contact>(this, {
      reread: async () => {
        const api = this.api;
        const customerId = this.customerId;
        if (!api || !customerId) throw new Error('No client or customer to re-read.');
        if (!isContactKey(key)) {
          const fresh = await api.customers.get(customerId, { cache: 'reload' });
          this.#customer.set(fresh);
          return fresh;
        }
        const contactId = key.slice('contact:'.length);
        return (await api.contacts.list(customerId, { cache: 'reload' })).find((x) => x.id === contactId);
      },
      changes: (before, after) =>
        isContactKey(key) ? contactChanges(ctx(), before as Contact, after as Contact) : customerChanges(ctx(), before as Customer, after as Customer),
      rebase: (latest) => this.patchForm(key, (f) => this.rebase(key, f, latest)),
    });
  }

  /** The latest version becomes the form's base; every field the user typed into keeps their value. */
  private rebase(key: FormKey, f: FormState, latest: Customer | Contact): void {
    const fresh = isContactKey(key) ? contactFormValues(latest as Contact) : customerFormValues(key, latest as Customer);
    const values: FormValues = { ...f.values };
    for (const field of fieldsFor(key)) {
      if (!f.touched.has(field.name)) values[field.name] = fresh[field.name] ?? '';
    }
    f.values = values;
    f.base = fresh;
    f.baseVersion = latest.version;
    f.baseRecord = latest;
    f.failure = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Contacts: removal
  // ---------------------------------------------------------------------------------------------

  private async askRemoval(contactId: string): Promise<void> {
    this.confirmingRemoval = contactId;
    this.removalFailure = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-confirm-remove="${CSS.escape(contactId)}"]`)?.focus();
  }

  private async cancelRemoval(contactId: string): Promise<void> {
    this.confirmingRemoval = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-remove="${CSS.escape(contactId)}"]`)?.focus();
  }

  private async removeContact(contact: Contact): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      await confirmedWrite(() => api.contacts.delete(contact.customerId, contact.id));
      this.confirmingRemoval = undefined;
      await this.focusOpener(NEW_CONTACT);
    } catch (error) {
      this.confirmingRemoval = undefined;
      this.removalFailure = { contactId: contact.id, error };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Events
  // ---------------------------------------------------------------------------------------------

  private viewAccounts(customerId: string): void {
    emit(this, 'view-accounts', { customerId }, { cancelable: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-card': CustomerCard;
  }
  interface HTMLElementEventMap {
    'view-accounts': CustomEvent<CustomerCardViewAccountsDetail>;
    'customer-change': CustomEvent<CustomerCardChangeDetail>;
  }
}
