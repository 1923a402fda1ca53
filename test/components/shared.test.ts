import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import {
  ConflictError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  tags,
  type Client,
} from '../../src/sdk/index.js';
import { CeElement } from '../../src/components/shared/base.js';
import { defineElement } from '../../src/components/shared/define.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, MISSING } from '../../src/components/shared/format.js';
import { en, errorMessage, fieldErrors, translate, type MessageKey } from '../../src/components/shared/i18n.js';
import { CustomerElementsProvider } from '../../src/components/shared/provider.js';
import { ResourceController } from '../../src/components/shared/resource.js';
import { renderResource } from '../../src/components/shared/states.js';
import { click, startMocks, waitFor, type Mocks } from './helpers.js';

// ------------------------------------------------------------------------------------------------
// A probe component: one resource, rendered with the shared state renderers
// ------------------------------------------------------------------------------------------------

interface PendingLoad {
  key: string;
  signal: AbortSignal;
  client: Client;
  resolve(value: string): void;
  reject(error: unknown): void;
}

class ResourceProbe extends CeElement {
  @property() key?: string;
  /** When set, loads go to the SDK (the signed-in user's name); otherwise they wait in `pending`. */
  @property({ type: Boolean }) real = false;
  pending: PendingLoad[] = [];

  readonly ctrl = new ResourceController(this, {
    args: () => (this.key ? ([this.key, this.real] as const) : undefined),
    load: ([key, real], signal, client) =>
      real
        ? client.watchList.get(key, { signal }).then((w) => `${w.active ? 'listed' : 'not listed'}: ${w.note ?? ''}`)
        : new Promise<string>((resolve, reject) => this.pending.push({ key, signal, client, resolve, reject })),
    tags: ([key]) => [tags.watchList(key)],
  });

  protected override render() {
    return renderResource(this, this.ctrl, (value) => html`<p class="value">${value}</p>`);
  }
}
defineElement('resource-probe', ResourceProbe);

/** The mistake the warning is for: an args object rebuilt on every render. */
class RebuiltArgsProbe extends CeElement {
  @property() key = 'a';
  loads = 0;
  readonly ctrl = new ResourceController(this, {
    args: () => [{ key: this.key }] as const,
    // Never answers: an answer would re-render, rebuild the args and load again, for ever (the
    // very trap), so only the test's own updates start runs here.
    load: () => {
      this.loads++;
      return new Promise<string>(() => undefined);
    },
  });

  protected override render() {
    return renderResource(this, this.ctrl, (value) => html`<p class="value">${value}</p>`);
  }
}
defineElement('rebuilt-args-probe', RebuiltArgsProbe);
defineElement('customer-elements-provider', CustomerElementsProvider);

/** A client whose only working part is the cache subscription (enough for the controller). */
function fakeClient(): Client & { notify(tag: string): void } {
  const listeners = new Set<{ tags: string[]; listener: () => void }>();
  return {
    locale: undefined,
    cache: {
      subscribe(tagList: string[], listener: () => void) {
        const entry = { tags: tagList, listener };
        listeners.add(entry);
        return () => listeners.delete(entry);
      },
      invalidate() {},
      clear() {},
    },
    notify(tag: string) {
      for (const { tags: t, listener } of listeners) if (t.includes(tag)) listener();
    },
  } as unknown as Client & { notify(tag: string): void };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const valueText = (el: ResourceProbe) => el.shadowRoot!.querySelector('.value')?.textContent ?? null;

// ------------------------------------------------------------------------------------------------

/** What a formatter made just now with these settings prints. */
const fresh = (locale: string, options: Intl.NumberFormatOptions, value: string | number) =>
  new Intl.NumberFormat(locale, options).format(value as number);

describe('format', () => {
  const BAD = /NaN|undefined|null|Invalid|Infinity|\[object/;

  it('formats money from minor units with the currency’s own digits, in the locale', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'GBP' }, 'en-GB')).to.equal('£1,234.56');
    expect(formatMoney({ amountMinor: -5, currency: 'GBP' }, 'en-GB')).to.equal('-£0.05');
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'de-DE')).to.equal('1.234,56\u00a0€');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en-GB')).to.match(/^JP¥500$|^¥500$/);
    expect(formatMoney({ amountMinor: 1234, currency: 'BHD' }, 'en-GB')).to.match(/1\.234$/);
    // Large amounts are exact (no binary floating-point on the way).
    expect(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: 'GBP' }, 'en-GB')).to.equal('£90,071,992,547,409.91');
  });

  it('gives an em dash, never NaN/undefined/Invalid Date, for missing or bad values', () => {
    const badMoney: unknown[] = [
      null,
      undefined,
      {},
      { amountMinor: Number.NaN, currency: 'GBP' },
      { amountMinor: 1.5, currency: 'GBP' },
      { amountMinor: '100', currency: 'GBP' },
      { amountMinor: 100 },
      { amountMinor: 100, currency: 'pounds' },
      { amountMinor: Number.POSITIVE_INFINITY, currency: 'GBP' },
      'GBP 1.00',
    ];
    for (const value of badMoney) {
      const out = formatMoney(value as never, 'en-GB');
      expect(out, JSON.stringify(value) ?? String(value)).to.equal(MISSING);
    }
    for (const value of [undefined, null, '', 'yesterday', '2026-13-45', 'NaN']) {
      expect(formatDate(value, 'en-GB'), String(value)).to.equal(MISSING);
      expect(formatDateTime(value, 'en-GB'), String(value)).to.equal(MISSING);
    }
    for (const value of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatNumber(value, 'en-GB'), String(value)).to.equal(MISSING);
    }
    // A malformed locale falls back rather than throwing.
    for (const out of [
      formatMoney({ amountMinor: 100, currency: 'GBP' }, 'not a locale!'),
      formatDate('2026-11-01', 'not a locale!'),
      formatNumber(12, ''),
    ]) {
      expect(out).to.not.match(BAD);
      expect(out).to.not.equal(MISSING);
    }
  });

  it('shows a calendar date as that day in every time zone, and numbers in the locale', () => {
    expect(formatDate('2026-11-01', 'en-GB')).to.equal('1 Nov 2026');
    expect(formatDate('2026-11-01', 'de-DE')).to.equal('01.11.2026');
    expect(formatDateTime('2026-11-01T09:00:00.000Z', 'en-GB')).to.not.match(BAD);
    expect(formatNumber(1234.5, 'en-GB')).to.equal('1,234.5');
    expect(formatNumber(1234.5, 'de-DE')).to.equal('1.234,5');
  });

  it('gives each call its own locale, currency and options, however the calls interleave (cached formatters)', () => {
    // The same outputs as a fresh Intl formatter with the same settings, in an order that would
    // expose a cache keyed too coarsely (locale, currency, options or date-only mixed up).
    for (let round = 0; round < 2; round++) {
      for (const locale of ['en-GB', 'de-DE', 'fr-FR']) {
        expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, locale)).to.equal(fresh(locale, { style: 'currency', currency: 'EUR' }, '1234.56'));
        expect(formatMoney({ amountMinor: 123456, currency: 'JPY' }, locale)).to.equal(fresh(locale, { style: 'currency', currency: 'JPY' }, '123456'));
        expect(formatMoney({ amountMinor: 123456, currency: 'BHD' }, locale)).to.equal(fresh(locale, { style: 'currency', currency: 'BHD' }, '123.456'));
        expect(formatNumber(0.256, locale, { style: 'percent' })).to.equal(fresh(locale, { style: 'percent' }, 0.256));
        expect(formatNumber(0.256, locale)).to.equal(fresh(locale, {}, 0.256));
        expect(formatDate('2026-11-01', locale)).to.equal(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-11-01')));
        const stamp = '2026-11-01T23:30:00.000Z';
        expect(formatDate(stamp, locale)).to.equal(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(stamp)));
        expect(formatDateTime(stamp, locale)).to.equal(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(stamp)));
      }
    }
  });
});

describe('defineElement', () => {
  class First extends LitElement {}
  class Second extends LitElement {}

  it('defines once and accepts the same class again silently', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(defineElement('define-probe-a', First)).to.equal(true);
      expect(defineElement('define-probe-a', First)).to.equal(false);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('define-probe-a')).to.equal(First);
    expect(warnings).to.deep.equal([]);
  });

  it('warns and keeps the first class when a different class claims a taken name', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      expect(defineElement('define-probe-a', Second)).to.equal(false);
      // The same class under a second name cannot be defined (the platform forbids it): it warns with the fix.
      expect(defineElement('define-probe-b', First)).to.equal(false);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('define-probe-a')).to.equal(First);
    expect(customElements.get('define-probe-b')).to.equal(undefined);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('<define-probe-a>');
    expect(warnings[1]).to.contain('subclass');
  });
});

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('en-GB', key, params);
const tDe = (key: MessageKey, params?: Record<string, string | number>) => translate('de-AT', key, params);

describe('errorMessage and the catalogues', () => {
  const secret = 'SELECT * FROM customers; stack at handler.ts:42';
  const problem = (status: number) => ({ title: secret, status, detail: secret });

  const errors: Array<[string, unknown]> = [
    ['network', new NetworkError(secret)],
    ['timeout', new TimeoutError(15_000)],
    ['http', new HttpError(secret, { status: 500, problem: problem(500) })],
    ['validation', new ValidationError(secret, [{ field: 'note', message: 'Write the watch-list note.', code: 'required' }], { status: 422 })],
    ['conflict', new ConflictError(secret, { status: 412 })],
    ['unauthorized', new UnauthorizedError(secret, { status: 401 })],
    ['forbidden', new ForbiddenError(secret, { status: 403 })],
    ['not-found', new NotFoundError(secret, { status: 404 })],
    ['invalid-response', new InvalidResponseError([])],
    ['unknown', new Error(secret)],
    ['unknown (not an error)', 'boom'],
    ['unknown (nothing)', undefined],
  ];

  it('gives every kind its own clear sentence, never the raw error', () => {
    const seen = new Set<string>();
    for (const [kind, error] of errors) {
      const message = errorMessage(error, t);
      expect(message, kind).to.be.a('string').and.not.equal('');
      expect(message, kind).to.not.contain(secret);
      expect(message, kind).to.not.match(/undefined|\{|\}|Error:/);
      if (!kind.startsWith('unknown')) {
        expect(seen.has(message), `${kind} has a message of its own`).to.equal(false);
        seen.add(message);
      }
    }
    expect(errorMessage(errors[2]![1], t)).to.contain('500');
  });

  it('says the same in German, and every shared key has a German text', async () => {
    await translate.load('de-AT');
    for (const [kind, error] of errors) expect(errorMessage(error, tDe), kind).to.not.equal(errorMessage(error, t));
    const { de } = await translate.builtIn();
    expect(new Set(Object.keys(de ?? {}))).to.deep.equal(new Set(Object.keys(en)));
  });

  it('puts the server’s field messages by field', () => {
    expect([...fieldErrors(errors[3]![1])]).to.deep.equal([['note', 'Write the watch-list note.']]);
    expect(fieldErrors(errors[0]![1]).size).to.equal(0);
  });
});

describe('ResourceController', () => {
  it('shows a configuration message, not a blank box, when there is no client', async () => {
    const el = await fixture<ResourceProbe>(html`<resource-probe key="a"></resource-probe>`);
    expect(el.ctrl.status).to.equal('unconfigured');
    expect(text(el)).to.equal(
      'No API client: wrap this element in <customer-elements-provider base-url=…> or set its client property.',
    );
    const message = el.shadowRoot!.querySelector('[part~="message"]')!;
    expect(getComputedStyle(message).display).to.not.equal('none');
  });

  it('is idle with nothing to load, and shows a skeleton while the first load runs', async () => {
    const client = fakeClient();
    const el = await fixture<ResourceProbe>(html`<resource-probe .client=${client}></resource-probe>`);
    expect(el.ctrl.status).to.equal('idle');
    expect(text(el)).to.equal('');
    el.key = 'a';
    await el.updateComplete;
    expect(el.ctrl.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).to.not.equal(null);
    expect(text(el)).to.equal('Loading…');
  });

  it('ignores a slow first response that arrives after a faster second one, and aborts it', async () => {
    const client = fakeClient();
    const el = await fixture<ResourceProbe>(html`<resource-probe .client=${client} key="first"></resource-probe>`);
    el.key = 'second';
    await el.updateComplete;
    expect(el.pending.map((p) => p.key)).to.deep.equal(['first', 'second']);
    const [first, second] = el.pending as [PendingLoad, PendingLoad];
    expect(first.signal.aborted, 'the superseded run is aborted').to.equal(true);
    expect(second.signal.aborted).to.equal(false);

    second.resolve('second value');
    await waitFor(() => valueText(el) === 'second value', 'the second value');
    first.resolve('first value');
    await el.ctrl.settled();
    await el.updateComplete;
    await el.updateComplete;
    expect(valueText(el)).to.equal('second value');
    expect(el.ctrl.value).to.equal('second value');
  });

  it('shows the error with Retry; Retry loads again and shows the value', async () => {
    const client = fakeClient();
    const el = await fixture<ResourceProbe>(html`<resource-probe .client=${client} key="a"></resource-probe>`);
    el.pending[0]!.reject(new NetworkError());
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('The server could not be reached');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    await click(retry);
    await waitFor(() => el.pending.length === 2, 'a second load');
    el.pending[1]!.resolve('loaded');
    await waitFor(() => valueText(el) === 'loaded', 'the value after retry');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('keeps the last value on screen while it re-loads after a cache notification', async () => {
    const client = fakeClient();
    const el = await fixture<ResourceProbe>(html`<resource-probe .client=${client} key="a"></resource-probe>`);
    el.pending[0]!.resolve('v1');
    await waitFor(() => valueText(el) === 'v1', 'v1');
    client.notify('watch-list:other');
    client.notify(tags.watchList('a'));
    await waitFor(() => el.pending.length === 2, 'a re-load for its own tag only');
    await el.updateComplete;
    expect(el.ctrl.status).to.equal('loading');
    expect(valueText(el), 'no flash while re-loading').to.equal('v1');
    expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).to.equal(null);
    el.pending[1]!.resolve('v2');
    await waitFor(() => valueText(el) === 'v2', 'v2');
  });

  it('warns once when args() builds a new, equal object on every render', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const el = await fixture<RebuiltArgsProbe>(html`<rebuilt-args-probe .client=${fakeClient()}></rebuilt-args-probe>`);
      const first = el.loads;
      for (let i = 0; i < 3; i++) {
        el.requestUpdate();
        await el.updateComplete;
      }
      expect(el.loads - first, 'each render starts a load: the trap the warning names').to.equal(3);
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('args()[0] is a new object'))).to.have.length(1);
  });

  it('clears the value when the args change to another record', async () => {
    const client = fakeClient();
    const el = await fixture<ResourceProbe>(html`<resource-probe .client=${client} key="a"></resource-probe>`);
    el.pending[0]!.resolve('a value');
    await waitFor(() => valueText(el) === 'a value', 'a');
    el.key = 'b';
    await el.updateComplete;
    expect(valueText(el), 'never a’s data under b').to.equal(null);
  });

  describe('with the mock API', () => {
    let mocks: Mocks;
    before(async function () {
      // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
      this.timeout(60_000);
      mocks = await startMocks();
    });
    afterEach(() => mocks.scenario.reset());

    it('gets its client and locale from <customer-elements-provider>, and follows writes made elsewhere', async () => {
      const { watchListed } = mocks.db.fixtures.customers;
      const wrapper = await fixture<CustomerElementsProvider>(html`
        <customer-elements-provider base-url=${mocks.baseUrl} token=${mocks.tokens.admin} locale="de-DE">
          <resource-probe key=${watchListed} real></resource-probe>
        </customer-elements-provider>
      `);
      const el = wrapper.querySelector<ResourceProbe>('resource-probe')!;
      await waitFor(() => valueText(el)?.startsWith('listed: Returned several items'), 'the watch-list note');
      expect(el.resolvedLocale).to.equal('de-DE');
      // A write through the same client (as another component would make) re-renders this one.
      await wrapper.resolvedClient!.watchList.set(watchListed, 'Changed elsewhere on the page', { version: mocks.db.watchListOf(watchListed).version });
      await waitFor(() => valueText(el) === 'listed: Changed elsewhere on the page', 'the new note, without reload');
    });

    it('shows a server failure in words and recovers on Retry', async () => {
      const { oneAddress } = mocks.db.fixtures.customers;
      // GET is retried by the SDK (twice): fail every attempt.
      mocks.scenario.failNext('watchList.get', 500, 3);
      const el = await fixture<ResourceProbe>(html`<resource-probe .client=${mocks.client} key=${oneAddress} real></resource-probe>`);
      const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error', 8_000);
      expect(alert.textContent).to.contain('error 500');
      await click(el.shadowRoot!.querySelector('[part~="retry-button"]')!);
      await waitFor(() => valueText(el) === 'not listed: ', 'the value after retry');
    });
  });
});
