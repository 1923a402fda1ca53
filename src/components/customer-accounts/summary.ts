/**
 * The account summary at the top of `<customer-accounts>`: balance, credit limit, available credit,
 * overdue, and the aged debt (current / 30 / 60 / 90+ days) when the server gives it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account, Money } from '../../sdk/index.js';
import { formatMoney } from '../shared/format.js';
import type { AccountsHost } from './host.js';

function figure(label: string, value: string, name: string, extra?: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="figure" part="figure figure-${name}">
    <dt>${label}</dt>
    <dd><span data-figure=${name}>${value}</span>${extra ?? nothing}</dd>
  </div>`;
}

export function renderSummary(host: AccountsHost, account: Account): TemplateResult {
  const locale = host.resolvedLocale;
  const money = (m: Money) => formatMoney(m, locale);
  const inCredit = account.balance.amountMinor < 0;
  const overdue = account.overdue.amountMinor > 0;
  const aged = account.agedDebt;
  return html`<section part="summary" class="summary" aria-labelledby="summary-heading">
    <h3 id="summary-heading" class="ce-visually-hidden">${host.m('summary.heading')}</h3>
    <dl class="figures">
      ${figure(
        host.m('summary.balance'),
        money(account.balance),
        'balance',
        inCredit ? html` <span class="tag tag--credit" part="credit-tag">${host.m('summary.credit')}</span>` : nothing,
      )}
      ${figure(host.m('summary.creditLimit'), money(account.creditLimit), 'credit-limit')}
      ${figure(host.m('summary.available'), money(account.availableCredit), 'available')}
      <div class="figure ${overdue ? 'figure--overdue' : ''}" part="figure figure-overdue">
        <dt>${host.m('summary.overdue')}</dt>
        <dd data-figure="overdue">${money(account.overdue)}</dd>
      </div>
    </dl>
    ${account.unallocatedCredit && account.unallocatedCredit.amountMinor > 0
      ? html`<p class="quiet" part="unallocated">${host.m('summary.unallocatedText', { amount: money(account.unallocatedCredit) })}</p>`
      : nothing}
    ${account.dispatchBlocked ? html`<p class="quiet" part="dispatch-rule">${host.m('summary.dispatchBlocked')}</p>` : nothing}
    ${aged
      ? html`<div part="aged" class="aged">
          <h4 class="panel-title" id="aged-heading">${host.m('aged.heading')}</h4>
          <dl class="figures figures--aged" aria-labelledby="aged-heading">
            ${figure(host.m('aged.current'), money(aged.current), 'aged-current')}
            ${figure(host.m('aged.30'), money(aged.days30), 'aged-30')}
            ${figure(host.m('aged.60'), money(aged.days60), 'aged-60')}
            ${figure(host.m('aged.90'), money(aged.days90Plus), 'aged-90')}
          </dl>
        </div>`
      : nothing}
  </section>`;
}
