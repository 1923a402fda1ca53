/**
 * The strict-CSP test page: every component, against the reference API over real HTTP on the
 * page's own origin (the test's preview server proxies `/api` to mock-server), as a production
 * deployment behind a reverse proxy would be. MSW's worker is not used here: it is a development
 * tool, and its `navigator.serviceWorker.register(url)` needs a TrustedScriptURL of its own.
 */
import '../../src/themes/tokens.css';
import '../../src/themes/light.css';
import '../../src/components/define.js';
import { createClient, type Client } from '../../src/sdk/index.js';

// Which customers and token to use come from the test (it owns the data set): `?customer=&watched=&token=`.
const params = new URLSearchParams(location.search);
const client = createClient({ baseUrl: `${location.origin}/api`, getToken: () => params.get('token') ?? '' });
document.querySelector<HTMLElement & { client?: Client }>('#provider')!.client = client;
document.getElementById('badge')!.setAttribute('customer-id', params.get('watched') ?? '');
document.getElementById('screen')!.setAttribute('customer-id', params.get('customer') ?? '');
document.body.dataset.ready = 'true';
