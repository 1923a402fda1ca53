/**
 * `npm run conformance -- --base-url URL --token T [--allow-writes]`: checks a running server
 * against the contract (openapi/openapi.json) and prints one line per check, then
 * `N passed, N failed`. Exits 1 when any check fails, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { formatResult, runConformance, summarize } from './conformance-lib.js';

const USAGE = `Usage: npm run conformance -- --base-url <url> --token <bearer token> [--allow-writes]

  --base-url      The API base URL, e.g. http://localhost:4010/api
  --token         A bearer token of a user of that server (or set CE_TOKEN)
  --allow-writes  Also run the checks that send writes (a stale PATCH, a PATCH without If-Match,
                  an empty note); on a conforming server they change nothing.`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let values: { 'base-url'?: string; token?: string; 'allow-writes'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'allow-writes': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}

if (values.help) {
  console.info(USAGE);
  process.exit(0);
}
const baseUrl = values['base-url'];
const token = values.token ?? process.env['CE_TOKEN'];
if (!baseUrl) usage('Missing --base-url.');
if (!token) usage('Missing --token.');
if (!URL.canParse(baseUrl)) usage(`--base-url is not an absolute URL: ${baseUrl}`);

const { results } = await runConformance({
  baseUrl,
  token,
  allowWrites: values['allow-writes'] ?? false,
  onResult: (result) => process.stdout.write(`${formatResult(result)}\n`),
});
process.stdout.write(`${summarize(results)}\n`);
process.exitCode = results.some((r) => !r.ok) ? 1 : 0;
