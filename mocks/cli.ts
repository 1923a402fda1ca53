#!/usr/bin/env node
/**
 * The reference API over HTTP from the command line: `customer-elements-mock-api` in the installed
 * package (built to `dist/node/cli.js`), `npm run mock-server --` in this repository.
 *
 * msw is an optional peer of the package: when it is missing, this says so in one line before the
 * server module (which imports msw) is loaded. msw 2.15 and 3 both work, msw 3 on Node 20 too: the
 * server only matches requests with msw's `getResponse`, never its Node interceptors.
 */
import { createRequire } from 'node:module';

const USAGE = `Usage: customer-elements-mock-api [--port 4010] [--host 127.0.0.1] [--seed 1] [--customers 1000] [--base-path /api]

Serves the Customer Elements reference API (the stateful mock of openapi.json) over HTTP with CORS.
  --port        the port to listen on; 0 picks a free one (default 4010)
  --host        the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --seed        the seed of the generated data set (same seed, same data)
  --customers   how many customers the data set has
  --base-path   the path the API is mounted on (default /api)
It needs msw (npm install --save-dev msw).`;

const OPTIONS = new Set(['port', 'host', 'seed', 'customers', 'base-path', 'help']);

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    let name: string;
    if (eq > 0) {
      name = arg.slice(2, eq);
      out[name] = arg.slice(eq + 1);
    } else {
      name = arg.slice(2);
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[name] = next;
        i++;
      } else out[name] = 'true';
    }
    if (!OPTIONS.has(name)) throw new UsageError(`Unknown option --${name}.`);
  }
  return out;
}

/** msw is an optional peer: say how to install it rather than failing on an import. */
function mswMissing(): boolean {
  try {
    createRequire(import.meta.url).resolve('msw');
    return false;
  } catch {
    return true;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Record<string, string>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.info(USAGE);
    return 0;
  }
  const int = (name: string): number | undefined => {
    if (args[name] === undefined) return undefined;
    const n = Number(args[name]);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, got "${args[name]}".`);
    return n;
  };
  let port: number;
  let seed: number | undefined;
  let customers: number | undefined;
  try {
    port = int('port') ?? 4010;
    seed = int('seed');
    customers = int('customers');
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (mswMissing()) {
    console.error('The mock API needs msw, which is not installed here: npm install --save-dev msw');
    return 1;
  }
  const { startMockHttpServer } = await import('./server.js');
  const host = args.host ?? '127.0.0.1';
  let api: Awaited<ReturnType<typeof startMockHttpServer>>;
  try {
    api = await startMockHttpServer({
      port,
      host,
      seed,
      size: customers === undefined ? undefined : { customers },
      basePath: args['base-path'] ?? '/api',
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`Port ${port} on ${host} is in use: pass another --port (0 picks a free one).`);
    else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') console.error(`Cannot listen on --host ${host}: no such address here.`);
    else throw error;
    return 1;
  }
  const { admin, clerk, viewer } = api.db.fixtures.users;
  console.info(`Customer Elements mock API at ${api.url}`);
  console.info(`Demo token (admin): ${admin.token}`);
  console.info(`Demo token (clerk): ${clerk.token}`);
  console.info(`Demo token (viewer): ${viewer.token}`);
  console.info(`Scenario switch: POST ${api.url}/__scenario {"latency": 300, "errorRate": 0.1}`);
  const stop = (signal: string) => {
    console.info(`\n${signal}: stopping the mock API.`);
    api.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
