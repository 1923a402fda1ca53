/**
 * The account summary at the top of `<customer-accounts>`: balance, credit limit, available credit,
 * overdue, and the aged debt (current / 30 / 60 / 90+ days) when the server gives it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account, Money } from '../../sdk/index.js';
import { formatMoney } from '../shared/format.js';
import type { AccountsHost } from './host.js';

/** Aged debt, as the account may carry it (`aged` or `agedDebt`, by bucket). */
interface AgedBuckets {
  current: Money;
  days30: Money;
  days60: Money;
  days90Plus: Money;
}

/** The aged debt buckets if the account has them, whatever the server calls the four. */
export function agedOf(account: Account): AgedBuckets | undefined {
  const raw = (account as unknown as Record<string, unknown>)['aged'] ?? (account as unknown as Record<string, unknown>)['agedDebt'];
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, Money | undefined>;
  const pick = (...names: string[]) => names.map((n) => r[n]).find((m) => m && typeof m === 'object');
  const current = pick('current');
  const days30 = pick('days30', 'd30', 'thirty', '30');
  const days60 = pick('days60', 'd60', 'sixty', '60');
  const days90Plus = pick('days90Plus', 'days90', 'd90', 'ninetyPlus', '90');
  return current && days30 && days60 && days90Plus ? { current, days30, days60, days90Plus } : undefined;
}

function figure(label: string, value: string, name: string, extra?: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="figure" part="figure figure-${name}">
    <dt>${label}</dt>
    <dd data-figure=${name}>${value}${extra ?? nothing}</dd>
  </div>`;
}

export function renderSummary(host: AccountsHost, account: Account): TemplateResult {
  const locale = host.resolvedLocale;
  const money = (m: Money) => formatMoney(m, locale);
  const inCredit = account.balance.amountMinor < 0;
  const overdue = account.overdue.amountMinor > 0;
  const aged = agedOf(account);
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
