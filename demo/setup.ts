/**
 * What a host portal does once: configure the client (the demo's mock API by default, or a real
 * server with `?api=URL&token=T`), and wire the demo's own theme, language and network switchers.
 */
import '../src/components/define.js';
import { directionOf } from '../src/components/shared/i18n.js';
import { createClient, type Client } from '../src/sdk/index.js';
import tokensUrl from '../src/themes/tokens.css?url';
import lightUrl from '../src/themes/light.css?url';
import darkUrl from '../src/themes/dark.css?url';
import compactUrl from '../src/themes/compact.css?url';
import brandUrl from './brand-theme.css?url';

type BrowserMockApi = import('../mocks/browser.js').BrowserMockApi;

export interface Portal {
  client: Client;
  /** Present when running on the in-browser mock API. */
  mocks?: BrowserMockApi;
  status(text: string): void;
}

const SETTINGS_KEY = 'ce-demo-settings';
const RESET_KEY = 'ce-demo-reset';

const SWITCHERS: [name: string, label: string, options: [value: string, text: string][]][] = [
  ['theme', 'Theme', [['light', 'Light'], ['dark', 'Dark'], ['brand', 'Brand (agency)']]],
  ['locale', 'Language', [['en-GB', 'English (UK)'], ['de-DE', 'Deutsch'], ['ar', 'العربية']]],
  ['scenario', 'Network', [['normal', 'Normal'], ['slow', 'Slow (1.5 s)'], ['flaky', 'Flaky (30% errors)'], ['down', 'Server errors']]],
];

function label(text: string, control: HTMLElement, before = true): HTMLLabelElement {
  const el = document.createElement('label');
  el.append(...(before ? [text, control] : [control, ` ${text}`]));
  return el;
}

/** The same switchers on every page of the demo. */
function buildSettings(form: HTMLFormElement): void {
  const compact = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'compact' });
  const selects = SWITCHERS.map(([name, text, options]) => {
    const select = Object.assign(document.createElement('select'), { name });
    select.append(
      ...options.map(([value, optionText]) => {
        const option = new Option(optionText, value);
        // A language's own name is read in that language.
        if (name === 'locale') option.lang = value;
        return option;
      }),
    );
    return label(text, select);
  });
  form.replaceChildren(selects[0]!, label('Compact', compact, false), ...selects.slice(1));
}
/** Forgets the changes the in-browser mock API keeps, after asking, and starts again on fresh data. */
function resetButton(persistence: NonNullable<BrowserMockApi['persistence']>, status: (text: string) => void): HTMLButtonElement {
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Reset demo data' });
  button.className = 'portal-reset';
  button.addEventListener('click', async () => {
    if (!confirm('Reset the demo data? Every change made in this browser (notes, addresses, watch list, orders…) is forgotten.')) return;
    button.disabled = true;
    try {
      await persistence.reset();
      sessionStorage.setItem(RESET_KEY, '1');
      location.reload();
    } catch {
      button.disabled = false;
      status('The demo data could not be reset. Try again.');
    }
  });
  return button;
}

type Settings = { theme: string; compact: boolean; locale: string; scenario: string };

function loadSettings(): Settings {
  const defaults: Settings = { theme: 'light', compact: false, locale: 'en-GB', scenario: 'normal' };
  try {
    return { ...defaults, ...(JSON.parse(sessionStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>) };
  } catch {
    return defaults;
  }
}

function stylesheet(id: string, href: string | null): void {
  let link = document.getElementById(id) as HTMLLinkElement | null;
  if (!href) {
    link?.remove();
    return;
  }
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.id = id;
    document.head.append(link);
  }
  link.href = href;
}

export async function startPortal(): Promise<Portal> {
  const statusEl = document.getElementById('status');
  const status = (text: string) => {
    if (statusEl) statusEl.textContent = text;
  };
  const params = new URLSearchParams(location.search);
  const api = params.get('api');
  let portal: Portal;
  if (api) {
    const token = params.get('token') ?? '';
    portal = { client: createClient({ baseUrl: api, getToken: () => token }), status };
    status(`Connected to ${api}`);
  } else {
    const { startMockApi } = await import('../mocks/browser.js');
    // The demo keeps what the user did (in IndexedDB) across reloads and between its pages.
    const mocks = await startMockApi({ quiet: true, persist: true });
    portal = { client: createClient({ baseUrl: mocks.baseUrl, getToken: () => mocks.tokens.admin }), mocks, status };
  }

  const provider = document.getElementById('provider') as (HTMLElement & { client?: Client; locale?: string }) | null;
  if (provider) provider.client = portal.client;

  const form = document.querySelector<HTMLFormElement>('.portal-settings');
  if (form) buildSettings(form);
  if (form && portal.mocks?.persistence) form.append(resetButton(portal.mocks.persistence, status));
  if (sessionStorage.getItem(RESET_KEY)) {
    sessionStorage.removeItem(RESET_KEY);
    status('The demo data was reset: every change made in this browser is gone.');
  }
  const settings = loadSettings();
  const apply = async () => {
    stylesheet('ce-tokens', tokensUrl);
    stylesheet('ce-theme', settings.theme === 'dark' ? darkUrl : lightUrl);
    stylesheet('ce-brand', settings.theme === 'brand' ? brandUrl : null);
    stylesheet('ce-density', settings.compact ? compactUrl : null);
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.lang = settings.locale;
    // An Arabic back office is right to left as a whole: the portal mirrors with the components.
    document.documentElement.dir = directionOf(settings.locale);
    if (provider) provider.locale = settings.locale;
    await applyScenario(portal, api, settings.scenario);
    sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  };
  if (form) {
    (form.elements.namedItem('theme') as HTMLSelectElement).value = settings.theme;
    (form.elements.namedItem('compact') as HTMLInputElement).checked = settings.compact;
    (form.elements.namedItem('locale') as HTMLSelectElement).value = settings.locale;
    (form.elements.namedItem('scenario') as HTMLSelectElement).value = settings.scenario;
    form.addEventListener('change', () => {
      settings.theme = (form.elements.namedItem('theme') as HTMLSelectElement).value;
      settings.compact = (form.elements.namedItem('compact') as HTMLInputElement).checked;
      settings.locale = (form.elements.namedItem('locale') as HTMLSelectElement).value;
      settings.scenario = (form.elements.namedItem('scenario') as HTMLSelectElement).value;
      void apply();
    });
    form.addEventListener('submit', (e) => e.preventDefault());
  }
  await apply();
  return portal;
}

const SCENARIOS: Record<string, { latency: number; errorRate: number }> = {
  normal: { latency: 0, errorRate: 0 },
  slow: { latency: 1500, errorRate: 0 },
  flaky: { latency: 200, errorRate: 0.3 },
  down: { latency: 0, errorRate: 1 },
};

async function applyScenario(portal: Portal, api: string | null, name: string): Promise<void> {
  const scenario = SCENARIOS[name] ?? SCENARIOS.normal!;
  if (portal.mocks) {
    portal.mocks.scenario.latency = scenario.latency;
    portal.mocks.scenario.errorRate = scenario.errorRate;
  } else if (api && name !== 'normal') {
    // Only the reference mock-server has this switch; a real backend simply ignores the demo's.
    try {
      await fetch(new URL('/__scenario', api), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(scenario),
      });
    } catch {
      portal.status('This server has no scenario switch; the network setting applies to the built-in mocks only.');
    }
  }
}
