/**
 * One in-browser reference API (MSW, mocks/browser.ts) for every story, started once by the
 * global loader; each story gets the scenario it asks for (`parameters.mocks`, reset first), a
 * fresh SDK client for its user, and is wrapped in a <customer-elements-provider> with the
 * toolbar's locale. Theme and density come from the toolbar too, by swapping the shipped CSS.
 *
 * msw-storybook-addon is not used: it starts a worker of its own with its own handlers, which
 * would fight this one over the same service worker.
 */
import { setCustomElementsManifest, type Decorator, type Loader, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { startMockApi, type BrowserMockApi } from '../mocks/browser.js';
import { createClient } from '../src/sdk/index.js';
import '../src/components/define.js';
import { storybookManifest, type MocksParameter, type StoryLoaded, type FixtureRole } from '../stories/support.js';
import tokensCss from '../src/themes/tokens.css?inline';
import lightCss from '../src/themes/light.css?inline';
import darkCss from '../src/themes/dark.css?inline';
import compactCss from '../src/themes/compact.css?inline';
import brandCss from '../stories/brand-theme.css?inline';

setCustomElementsManifest(storybookManifest());

// ---------------------------------------------------------------------------------------------
// The mock API
// ---------------------------------------------------------------------------------------------

/**
 * Small enough to start in a blink on every page load (the smoke test loads each story afresh),
 * large enough for the "many rows" stories to page and scroll. The huge customer's 2,000,000
 * orders cost nothing: they are computed by index when a page is asked for.
 */
const STORY_DATA_SIZE = { customers: 120, orders: 1_500, bigCustomerOrders: 5_000, manyNotes: 400, hugeCustomerOrders: 2_000_000 };
/** ky's largest timeout: a "forever" story must not time out while someone looks at it. */
const NO_TIMEOUT = 2_147_483_647;

let api: Promise<BrowserMockApi> | undefined;

const mockApi: Loader = async (context): Promise<StoryLoaded> => {
  api ??= startMockApi({ size: STORY_DATA_SIZE, quiet: true });
  const mock = await api;
  const mocks = (context.parameters.mocks ?? {}) as MocksParameter;
  // A docs page renders every story of a component at once, and the scenario is page-wide: a
  // hanging or failing story would take the others with it, so docs show each story's data only.
  const scenarioApplies = context.viewMode !== 'docs';
  mock.scenario.reset();
  // Each story is a first visit: a draft an earlier story left in this tab (the notes panel keeps
  // drafts in sessionStorage, which outlives a navigation) must not turn up in this one's editor.
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('customer-elements:')) sessionStorage.removeItem(key);
  if (scenarioApplies) {
    if (typeof mocks.latency === 'number') mock.scenario.set({ latency: mocks.latency });
    if (mocks.latency === 'forever') mock.scenario.failNext('*', 'timeout', 1_000_000);
    for (const [routeId, kind, count] of mocks.failNext ?? []) mock.scenario.failNext(routeId, kind, count ?? 1);
  }
  const token = mocks.token ?? 'admin';
  const client =
    token === 'none'
      ? undefined
      : createClient({
          baseUrl: mock.baseUrl,
          getToken: () => mock.tokens[token],
          // One attempt: a failNext of 1 shows the error at once, and Retry then succeeds.
          retry: 0,
          ...(mocks.latency === 'forever' && scenarioApplies ? { timeout: NO_TIMEOUT } : {}),
        });
  const customers = mock.db.fixtures.customers;
  const role = context.parameters.customer as FixtureRole | undefined;
  return { mock, client, customers, customerId: role ? customers[role] : undefined };
};

// ---------------------------------------------------------------------------------------------
// Theme, density, locale
// ---------------------------------------------------------------------------------------------

const themeStyle = document.createElement('style');
themeStyle.id = 'ce-story-theme';
document.head.append(themeStyle);
const canvasStyle = document.createElement('style');
// The canvas takes the theme's surface and text, as a host page would: a dark theme on a white
// page would be unreadable (and fail axe's contrast check for a reason that is not ours).
canvasStyle.textContent = `
  html, body { background: var(--ce-color-surface, #fff); color: var(--ce-color-text, #1b1f24);
    font-family: var(--ce-font-family, system-ui, sans-serif); }
`;
document.head.append(canvasStyle);

function applyTheme(theme: string, density: string): void {
  const css = [tokensCss, theme === 'dark' ? darkCss : lightCss, theme === 'brand' ? brandCss : '', density === 'compact' ? compactCss : ''];
  const text = css.join('\n');
  if (themeStyle.textContent !== text) themeStyle.textContent = text;
}

const withTheme: Decorator = (story, context) => {
  applyTheme(String(context.globals.theme ?? 'light'), String(context.globals.density ?? 'comfortable'));
  return story();
};

const withProvider: Decorator = (story, context) => {
  const { client } = context.loaded as StoryLoaded;
  const locale = String(context.globals.locale ?? 'en-GB');
  document.documentElement.lang = locale;
  if (!client) return story();
  return html`<customer-elements-provider .client=${client} locale=${locale}>${story()}</customer-elements-provider>`;
};

const preview: Preview = {
  loaders: [mockApi],
  decorators: [withProvider, withTheme],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme: the shipped light and dark themes, and a brand built from tokens and parts',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Brand (example)' },
        ],
        dynamicTitle: true,
      },
    },
    density: {
      description: 'Density',
      toolbar: {
        title: 'Density',
        icon: 'component',
        items: [
          { value: 'comfortable', title: 'Comfortable' },
          { value: 'compact', title: 'Compact' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of text, numbers, money and dates',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en-GB', title: 'English (UK)' },
          { value: 'de-DE', title: 'Deutsch' },
          { value: 'ar', title: 'العربية (right to left)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', density: 'comfortable', locale: 'en-GB' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Page-level rules say nothing about a component shown alone (as in test/components/helpers.ts).
    a11y: {
      test: 'error',
      options: { rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } } },
    },
  },
};

export default preview;
