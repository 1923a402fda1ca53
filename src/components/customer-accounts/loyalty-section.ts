/**
 * The Loyalty tab of `<customer-accounts>`: the points balance and what it is worth, a points
 * statement for a period (earned and spent per order, adjustments with their reason), adjusting the
 * balance with a reason (`loyalty.adjust`) and the shop-wide settings (`loyalty.settings`).
 *
 * A plain object the element owns (not a registered controller): it keeps its own form state and
 * asks the host to re-render; the host decides when it shows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { tags, type LoyaltySettings, type LoyaltyStatement } from '../../sdk/index.js';
import { ConflictFlow, changedFields, renderConflict } from '../shared/conflict.js';
import { formatDate, formatMoney, formatNumber, parseAmount } from '../shared/format.js';
import { fieldErrors } from '../shared/i18n.js';
import { LoyaltyAdjustmentLimits } from '../shared/limits.generated.js';
import { ResourceController } from '../shared/resource.js';
import { renderError, renderSkeleton } from '../shared/states.js';
import { confirmedWrite, newWriteKey, writeFailureText } from '../shared/write.js';
import type { AccountsHost } from './host.js';

const REASON_LIMIT = LoyaltyAdjustmentLimits.reason;

interface SettingsDraft {
  pointsPerPound: string;
  pointValue: string;
}

export class LoyaltySection {
  /** The statement's period (inclusive ISO dates); empty: the server's default (the last year). */
  from = '';
  to = '';
  adjustOpen = false;
  settingsOpen = false;
  delta = '';
  reason = '';
  adjustErrors = new Map<string, string>();
  adjustError = '';
  adjusting = false;
  settingsDraft: SettingsDraft = { pointsPerPound: '', pointValue: '' };
  settingsErrors = new Map<string, string>();
  settingsError = '';
  savingSettings = false;
  /** The settings the open form rests on (its version goes with the save). */
  settingsBase: LoyaltySettings | undefined;
  #adjustKey = '';
  #settingsKey = '';

  readonly points;
  readonly statement;
  readonly settings;
  readonly conflict: ConflictFlow<LoyaltySettings>;

  constructor(private readonly host: AccountsHost) {
    const active = () => host.tab === 'loyalty';
    this.points = new ResourceController(host, {
      args: () => (host.customerId && active() ? ([host.customerId] as const) : undefined),
      load: ([id], signal, client) => client.loyalty.get(id, { signal }),
      tags: ([id]) => [tags.loyalty(id)],
    });
    this.statement = new ResourceController(host, {
      args: () => (host.customerId && active() ? ([host.customerId, this.from, this.to] as const) : undefined),
      load: ([id, from, to], signal, client) => client.loyalty.statement(id, { from: from || undefined, to: to || undefined }, { signal }),
      tags: ([id]) => [tags.loyalty(id)],
      keepValueOnArgsChange: true,
    });
    this.settings = new ResourceController(host, {
      args: () => (active() ? ([] as const) : undefined),
      load: (_args, signal, client) => client.loyalty.settings({ signal }),
      tags: () => [tags.loyaltySettings()],
    });
    this.conflict = new ConflictFlow<LoyaltySettings>(host, {
      reread: async () => {
        const client = host.api;
        if (!client) throw new Error('No client to re-read with.');
        const latest = await client.loyalty.settings({ cache: 'reload' });
        this.settings.set(latest);
        return latest;
      },
      changes: (before, after) =>
        changedFields(
          [
            { label: host.m('loyalty.pointsPerPound'), show: (s) => formatNumber(s.pointsPerPound, host.resolvedLocale) },
            { label: host.m('loyalty.pointValue'), show: (s) => formatMoney(s.pointValue, host.resolvedLocale) },
          ],
          before,
          after,
        ),
      rebase: (latest) => {
        const opened = this.settingsBase ? this.draftOf(this.settingsBase) : undefined;
        const fresh = this.draftOf(latest);
        if (opened) {
          if (this.settingsDraft.pointsPerPound === opened.pointsPerPound) this.settingsDraft.pointsPerPound = fresh.pointsPerPound;
          if (this.settingsDraft.pointValue === opened.pointValue) this.settingsDraft.pointValue = fresh.pointValue;
        }
        this.settingsBase = latest;
        this.settingsError = '';
      },
    });
  }

  private draftOf(s: LoyaltySettings): SettingsDraft {
    const digits = 2;
    return { pointsPerPound: String(s.pointsPerPound), pointValue: (s.pointValue.amountMinor / 10 ** digits).toFixed(digits) };
  }

  // ----- adjust

  openAdjust(): void {
    this.adjustOpen = true;
    this.settingsOpen = false;
    this.delta = '';
    this.reason = '';
    this.adjustErrors = new Map();
    this.adjustError = '';
    this.#adjustKey = newWriteKey();
    this.host.requestUpdate();
    void this.host.focusSoon('[part~="loyalty-delta"]');
  }

  closeAdjust(focusBack = true): void {
    this.adjustOpen = false;
    this.host.requestUpdate();
    if (focusBack) void this.host.focusSoon('[part~="loyalty-adjust-button"]');
  }

  async saveAdjust(): Promise<void> {
    const host = this.host;
    const client = host.api;
    const id = host.customerId;
    if (!client || !id || this.adjusting) return;
    const errors = new Map<string, string>();
    const delta = /^\s*[-+−]?\d{1,7}\s*$/.test(this.delta) ? Number(this.delta.replace('−', '-').replace('+', '')) : Number.NaN;
    if (!Number.isInteger(delta) || delta === 0) errors.set('delta', host.m('loyalty.deltaInvalid'));
    const reason = this.reason.trim();
    if (!reason) errors.set('reason', host.m('loyalty.reasonRequired'));
    else if (REASON_LIMIT && reason.length > REASON_LIMIT.max) errors.set('reason', host.m('loyalty.reasonTooLong', { max: REASON_LIMIT.max }));
    this.adjustErrors = errors;
    this.adjustError = '';
    if (errors.size) {
      host.requestUpdate();
      void host.focusSoon(`[part~="loyalty-${errors.has('delta') ? 'delta' : 'reason'}"]`);
      return;
    }
    this.adjusting = true;
    host.requestUpdate();
    const key = this.#adjustKey;
    try {
      const saved = await confirmedWrite(() => client.loyalty.adjust(id, { delta, reason }, { idempotencyKey: key }));
      this.points.set(saved);
      this.#adjustKey = newWriteKey();
      host.announce(host.m('loyalty.adjusted', { points: formatNumber(saved.points, host.resolvedLocale) }));
      host.fire('loyalty-change', { customerId: id, points: saved.points, delta });
      this.closeAdjust();
    } catch (error) {
      this.adjustErrors = fieldErrors(error);
      this.adjustError = writeFailureText(error, host.t.bind(host), (why) => host.m('loyalty.notAdjusted', { reason: why }));
    } finally {
      this.adjusting = false;
      host.requestUpdate();
    }
  }

  // ----- settings

  openSettings(): void {
    const current = this.settings.value;
    if (!current) return;
    this.settingsOpen = true;
    this.adjustOpen = false;
    this.settingsBase = current;
    this.settingsDraft = this.draftOf(current);
    this.settingsErrors = new Map();
    this.settingsError = '';
    this.conflict.reset();
    this.#settingsKey = newWriteKey();
    this.host.requestUpdate();
    void this.host.focusSoon('[part~="loyalty-rate"]');
  }

  closeSettings(focusBack = true): void {
    this.settingsOpen = false;
    this.conflict.reset();
    this.host.requestUpdate();
    if (focusBack) void this.host.focusSoon('[part~="loyalty-settings-button"]');
  }

  async saveSettings(): Promise<void> {
    const host = this.host;
    const client = host.api;
    const base = this.settingsBase;
    if (!client || !base || this.savingSettings) return;
    const errors = new Map<string, string>();
    const rate = /^\s*\d{1,3}\s*$/.test(this.settingsDraft.pointsPerPound) ? Number(this.settingsDraft.pointsPerPound) : Number.NaN;
    if (!Number.isInteger(rate) || rate > 100) errors.set('pointsPerPound', host.m('loyalty.rateInvalid'));
    const currency = base.pointValue.currency;
    const value = parseAmount(this.settingsDraft.pointValue, currency);
    if (value === undefined) errors.set('pointValue.amountMinor', host.m('loyalty.valueInvalid'));
    this.settingsErrors = errors;
    this.settingsError = '';
    if (errors.size || value === undefined) {
      host.requestUpdate();
      void host.focusSoon(`[part~="loyalty-${errors.has('pointsPerPound') ? 'rate' : 'value'}"]`);
      return;
    }
    this.savingSettings = true;
    host.requestUpdate();
    const body = { pointsPerPound: rate, pointValue: { amountMinor: value, currency } };
    const key = this.#settingsKey;
    try {
      const saved = await confirmedWrite(() => client.loyalty.updateSettings(body, { version: base.version, idempotencyKey: key }), {
        verify: async () => {
          const fresh = await client.loyalty.settings({ cache: 'reload' });
          if (fresh.pointsPerPound === body.pointsPerPound && fresh.pointValue.amountMinor === body.pointValue.amountMinor) return fresh;
          return fresh.version === base.version ? false : undefined;
        },
      });
      this.settings.set(saved);
      host.announce(host.m('loyalty.settingsSaved'));
      this.closeSettings();
    } catch (error) {
      if (this.conflict.handle(error, base)) return;
      this.settingsErrors = fieldErrors(error);
      this.settingsError = writeFailureText(error, host.t.bind(host), (why) => host.m('loyalty.settingsNotSaved', { reason: why }));
    } finally {
      this.savingSettings = false;
      host.requestUpdate();
    }
  }

  // ----- rendering

  render(): TemplateResult {
    const host = this.host;
    const locale = host.resolvedLocale;
    const points = this.points.value;
    const settings = this.settings.value;
    const pointValue = settings?.pointValue ?? this.statement.value?.pointValue;
    const worth = points && pointValue ? { amountMinor: points.points * pointValue.amountMinor, currency: pointValue.currency } : undefined;
    return html`<section part="loyalty" class="loyalty" aria-labelledby="loyalty-heading">
      <h3 id="loyalty-heading" class="section-heading">${host.m('loyalty.heading')}</h3>
      ${this.points.status === 'error' && !points
        ? renderError(host, this.points.error, () => this.points.reload())
        : html`<dl class="figures" part="loyalty-balance">
            <div class="figure"><dt>${host.m('loyalty.points')}</dt><dd data-figure="points">${points ? formatNumber(points.points, locale) : '…'}</dd></div>
            <div class="figure"><dt>${host.m('loyalty.worth')}</dt><dd data-figure="worth">${worth ? formatMoney(worth, locale) : '…'}</dd></div>
            <div class="figure">
              <dt>${host.m('loyalty.scheme')}</dt>
              <dd class="figure-text" data-figure="scheme">${settings ? host.m('loyalty.schemeText', { points: formatNumber(settings.pointsPerPound, locale), value: formatMoney(settings.pointValue, locale) }) : '…'}</dd>
            </div>
          </dl>`}
      ${this.renderActions()} ${this.adjustOpen ? this.renderAdjust() : nothing} ${this.settingsOpen ? this.renderSettings() : nothing}
      ${this.renderStatement()}
    </section>`;
  }

  private renderActions(): TemplateResult | typeof nothing {
    const host = this.host;
    const canAdjust = host.can('loyalty.adjust');
    const canSettings = host.can('loyalty.settings.edit') && !!this.settings.value;
    if (!canAdjust && !canSettings) return nothing;
    return html`<div class="actions" part="loyalty-actions">
      ${canAdjust
        ? html`<button type="button" class="ce-button" part="loyalty-adjust-button" aria-expanded=${this.adjustOpen ? 'true' : 'false'} @click=${() => (this.adjustOpen ? this.closeAdjust() : this.openAdjust())}>
            ${host.m('loyalty.adjust')}
          </button>`
        : nothing}
      ${canSettings
        ? html`<button type="button" class="ce-button" part="loyalty-settings-button" aria-expanded=${this.settingsOpen ? 'true' : 'false'} @click=${() => (this.settingsOpen ? this.closeSettings() : this.openSettings())}>
            ${host.m('loyalty.settings')}
          </button>`
        : nothing}
    </div>`;
  }

  private renderAdjust(): TemplateResult {
    const host = this.host;
    const deltaError = this.adjustErrors.get('delta');
    const reasonError = this.adjustErrors.get('reason');
    return html`<form part="loyalty-adjust-form" class="panel" aria-labelledby="loyalty-adjust-title" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.saveAdjust())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.closeAdjust())}>
      <h4 id="loyalty-adjust-title" class="panel-title">${host.m('loyalty.adjustTitle')}</h4>
      <div class="field-row">
        <div class="field">
          <label class="ce-label" for="loyalty-delta">${host.m('loyalty.delta')}</label>
          <p class="ce-hint" id="loyalty-delta-hint">${host.m('loyalty.deltaHint')}</p>
          <input id="loyalty-delta" class="ce-input" part="loyalty-delta input" inputmode="numeric" autocomplete="off"
            aria-describedby=${deltaError ? 'loyalty-delta-hint loyalty-delta-error' : 'loyalty-delta-hint'} aria-invalid=${deltaError ? 'true' : 'false'}
            .value=${live(this.delta)} @input=${(e: Event) => (this.delta = (e.target as HTMLInputElement).value)} />
          ${deltaError ? html`<p id="loyalty-delta-error" class="ce-field-error" part="field-error">${deltaError}</p>` : nothing}
        </div>
        <div class="field field--wide">
          <label class="ce-label" for="loyalty-reason">${host.m('loyalty.reason')}</label>
          <input id="loyalty-reason" class="ce-input" part="loyalty-reason input" autocomplete="off" maxlength=${REASON_LIMIT?.max ?? 200}
            aria-describedby=${reasonError ? 'loyalty-reason-error' : nothing} aria-invalid=${reasonError ? 'true' : 'false'}
            .value=${live(this.reason)} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
          ${reasonError ? html`<p id="loyalty-reason-error" class="ce-field-error" part="field-error">${reasonError}</p>` : nothing}
        </div>
      </div>
      ${this.adjustError ? html`<p class="ce-message ce-error" part="error" role="alert">${this.adjustError}</p>` : nothing}
      <div class="form-actions">
        <button type="submit" class="ce-button ce-button--primary" part="loyalty-save-button" aria-disabled=${this.adjusting ? 'true' : 'false'}>
          ${host.t(this.adjusting ? 'action.saving' : 'action.save')}
        </button>
        <button type="button" class="ce-button" part="cancel-button" @click=${() => this.closeAdjust()}>${host.t('action.cancel')}</button>
      </div>
    </form>`;
  }

  private renderSettings(): TemplateResult {
    const host = this.host;
    const rateError = this.settingsErrors.get('pointsPerPound');
    const valueError = this.settingsErrors.get('pointValue.amountMinor') ?? this.settingsErrors.get('pointValue');
    return html`<form part="loyalty-settings-form" class="panel" aria-labelledby="loyalty-settings-title" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.saveSettings())}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.closeSettings())}>
      <h4 id="loyalty-settings-title" class="panel-title">${host.m('loyalty.settingsTitle')}</h4>
      <p class="ce-hint">${host.m('loyalty.settingsHint')}</p>
      ${renderConflict(host, this.conflict, { headline: host.m('loyalty.settingsConflict'), gone: host.m('loyalty.settingsConflict') })}
      <div class="field-row">
        <div class="field">
          <label class="ce-label" for="loyalty-rate">${host.m('loyalty.pointsPerPound')}</label>
          <input id="loyalty-rate" class="ce-input" part="loyalty-rate input" inputmode="numeric" autocomplete="off"
            aria-describedby=${rateError ? 'loyalty-rate-error' : nothing} aria-invalid=${rateError ? 'true' : 'false'}
            .value=${live(this.settingsDraft.pointsPerPound)} @input=${(e: Event) => (this.settingsDraft = { ...this.settingsDraft, pointsPerPound: (e.target as HTMLInputElement).value })} />
          ${rateError ? html`<p id="loyalty-rate-error" class="ce-field-error" part="field-error">${rateError}</p>` : nothing}
        </div>
        <div class="field">
          <label class="ce-label" for="loyalty-value">${host.m('loyalty.pointValue')}</label>
          <input id="loyalty-value" class="ce-input" part="loyalty-value input" inputmode="decimal" autocomplete="off"
            aria-describedby=${valueError ? 'loyalty-value-error' : nothing} aria-invalid=${valueError ? 'true' : 'false'}
            .value=${live(this.settingsDraft.pointValue)} @input=${(e: Event) => (this.settingsDraft = { ...this.settingsDraft, pointValue: (e.target as HTMLInputElement).value })} />
          ${valueError ? html`<p id="loyalty-value-error" class="ce-field-error" part="field-error">${valueError}</p>` : nothing}
        </div>
      </div>
      ${this.settingsError ? html`<p class="ce-message ce-error" part="error" role="alert">${this.settingsError}</p>` : nothing}
      <div class="form-actions">
        <button type="submit" class="ce-button ce-button--primary" part="loyalty-settings-save-button" aria-disabled=${this.savingSettings || this.conflict.active ? 'true' : 'false'}>
          ${host.t(this.savingSettings ? 'action.saving' : 'action.save')}
        </button>
        <button type="button" class="ce-button" part="cancel-button" @click=${() => this.closeSettings()}>${host.t('action.cancel')}</button>
      </div>
    </form>`;
  }

  private renderStatement(): TemplateResult {
    const host = this.host;
    const locale = host.resolvedLocale;
    const s: LoyaltyStatement | undefined = this.statement.value;
    const setPeriod = (which: 'from' | 'to', value: string) => {
      this[which] = value;
      host.requestUpdate();
    };
    return html`<div part="loyalty-statement" class="statement">
      <h4 class="panel-title">${host.m('loyalty.statement')}</h4>
      <div class="field-row period">
        <div class="field">
          <label class="ce-label" for="loyalty-from">${host.m('period.from')}</label>
          <input id="loyalty-from" type="date" class="ce-input" part="loyalty-from input" .value=${live(this.from || s?.from || '')} @change=${(e: Event) => setPeriod('from', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="ce-label" for="loyalty-to">${host.m('period.to')}</label>
          <input id="loyalty-to" type="date" class="ce-input" part="loyalty-to input" .value=${live(this.to || s?.to || '')} @change=${(e: Event) => setPeriod('to', (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      ${this.statement.status === 'error'
        ? renderError(host, this.statement.error, () => this.statement.reload())
        : !s
          ? renderSkeleton(3, host.t('state.loading'))
          : html`<dl class="figures figures--statement" part="loyalty-totals">
                <div class="figure"><dt>${host.m('loyalty.opening')}</dt><dd data-figure="opening">${formatNumber(s.opening, locale)}</dd></div>
                <div class="figure"><dt>${host.m('loyalty.earned')}</dt><dd data-figure="earned">${formatNumber(s.earned, locale)}</dd></div>
                <div class="figure"><dt>${host.m('loyalty.spent')}</dt><dd data-figure="spent">${formatNumber(s.spent, locale)}</dd></div>
                <div class="figure"><dt>${host.m('loyalty.adjustedTotal')}</dt><dd data-figure="adjusted">${formatNumber(s.adjusted, locale)}</dd></div>
                <div class="figure"><dt>${host.m('loyalty.closing')}</dt><dd data-figure="closing">${formatNumber(s.closing, locale)}</dd></div>
              </dl>
              ${s.entries.length === 0
                ? html`<p class="ce-message" part="empty">${host.m('loyalty.noEntries')}</p>`
                : html`<div class="table-scroll" part="loyalty-table-scroll" tabindex="0" role="region" aria-label=${host.m('loyalty.statement')}>
                    <table class="table" part="loyalty-table">
                      <thead><tr>
                        <th scope="col">${host.m('column.date')}</th><th scope="col">${host.m('column.type')}</th>
                        <th scope="col">${host.m('column.order')}</th><th scope="col" class="num">${host.m('loyalty.pointsColumn')}</th>
                        <th scope="col" class="num">${host.m('loyalty.balanceColumn')}</th>
                      </tr></thead>
                      <tbody>
                        ${s.entries.map(
                          (e) => html`<tr part="loyalty-row" data-kind=${e.kind}>
                            <td>${formatDate(e.date, locale)}</td>
                            <td>${host.m(`loyaltyKind.${e.kind}`)}${e.reason ? html`<span class="quiet" dir="auto"> — ${e.reason}</span>` : nothing}</td>
                            <td>${e.orderId && e.orderNumber
                              ? html`<button type="button" class="link" part="order-link" @click=${() => host.openOrder(e.orderId!)}>${e.orderNumber}</button>`
                              : '—'}</td>
                            <td class="num">${e.points > 0 ? '+' : ''}${formatNumber(e.points, locale)}</td>
                            <td class="num">${formatNumber(e.balanceAfter, locale)}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`}`}
    </div>`;
  }
}
