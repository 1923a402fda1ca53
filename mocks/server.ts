/**
 * The mock API over real HTTP on loopback, so that any client (a browser on another origin, curl,
 * the conformance command, another language's SDK) can be pointed at it. The same MSW handlers as
 * in Node and the browser, resolved with MSW's `getResponse`, behind permissive CORS.
 *
 * Its command line is `cli.ts` (`customer-elements-mock-api` in the package, `npm run mock-server` here).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { getResponse } from 'msw';
import { createDatabase } from './data/index.js';
import type { Database, DatasetSize } from './data/database.js';
import { createHandlers } from './handlers/index.js';
import { emitMockResponse } from './handlers/hooks.js';
import { problemResponse } from './handlers/problem.js';
import { checkScenarioSettings, createScenario, type ScenarioController } from './scenario.js';

export { onMockResponse } from './handlers/hooks.js';

export interface MockHttpServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  db?: Database;
  seed?: number;
  size?: Partial<DatasetSize>;
  /** The path the API is mounted on. Default `/api`. */
  basePath?: string;
}

export interface MockHttpServer {
  /** The API base URL, base path included, e.g. `http://127.0.0.1:4010/api`. */
  url: string;
  close(): Promise<void>;
  db: Database;
  scenario: ScenarioController;
  server: Server;
}

/** Bodies above this are refused before they are read (uploads are limited to 10 MB). */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Accept, Accept-Language',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, WWW-Authenticate, Content-Disposition, Idempotent-Replayed, x-mock-scenario',
  'Access-Control-Max-Age': '600',
};

function corsHeaders(req: IncomingMessage): Record<string, string> {
  // No cookies are involved (bearer tokens), so any origin may call.
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*', ...CORS_HEADERS };
  const requested = req.headers['access-control-request-headers'];
  if (typeof requested === 'string' && requested.trim()) {
    const allowed = new Set(CORS_HEADERS['Access-Control-Allow-Headers']!.split(',').map((h) => h.trim().toLowerCase()));
    for (const h of requested.split(',')) allowed.add(h.trim().toLowerCase());
    headers['Access-Control-Allow-Headers'] = [...allowed].filter(Boolean).join(', ');
  }
  return headers;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function send(res: ServerResponse, response: Response, extra: Record<string, string>): Promise<void> {
  const headers: Record<string, string> = { ...extra };
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  await new Promise<void>((done) => {
    body.on('error', () => {
      res.destroy();
      done();
    });
    res.on('close', () => done());
    body.pipe(res);
  });
}

export async function startMockHttpServer(options: MockHttpServerOptions = {}): Promise<MockHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const basePath = `/${(options.basePath ?? '/api').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const db = options.db ?? createDatabase({ seed: options.seed, size: options.size });
  const scenario = createScenario();
  let origin = '';
  let handlers: ReturnType<typeof createHandlers> = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Content-Length': '0' });
      res.end();
      return;
    }
    if (path === '/__scenario' || path === `${basePath}/__scenario`) {
      await scenarioEndpoint(req, res, cors);
      return;
    }
    let body: Buffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      try {
        body = await readBody(req);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        await send(res, problemResponse(413, { detail: 'Files can be at most 10 MB.' }, path), { ...cors, Connection: 'close' });
        return;
      }
    }
    // Aborted when the client goes away before the answer is complete (the timeout scenario waits on it).
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const request = new Request(origin + (req.url ?? '/'), {
      method: req.method,
      headers,
      body: body && body.length ? (body as unknown as BodyInit) : undefined,
      signal: abort.signal,
    });
    let response: Response | undefined;
    try {
      response = await getResponse(handlers, request);
    } catch (error) {
      console.error(error);
      response = problemResponse(500, { detail: error instanceof Error ? error.message : String(error) }, path);
    }
    if (response === undefined) {
      response = problemResponse(404, { detail: `Nothing is served at ${req.method} ${path}.` }, path);
    }
    if (response.type === 'error') {
      // A simulated network failure (or a client that gave up): drop the connection without an answer.
      res.destroy();
      return;
    }
    await send(res, response, cors);
  }

  async function scenarioEndpoint(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const current = () => ({
      latency: scenario.latency, errorRate: scenario.errorRate, errorStatus: scenario.errorStatus,
      timeoutRate: scenario.timeoutRate, malformedRate: scenario.malformedRate,
    });
    const json = (status: number, value: unknown) =>
      send(res, new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } }), cors);
    if (req.method === 'GET') return json(200, current());
    if (req.method !== 'POST') {
      return send(res, problemResponse(405, { detail: 'Use GET or POST on /__scenario.' }, '/__scenario'), { ...cors, Allow: 'GET, POST, OPTIONS' });
    }
    let input: unknown;
    try {
      const text = (await readBody(req)).toString('utf8');
      input = text.trim() ? JSON.parse(text) : {};
    } catch {
      return send(res, problemResponse(400, { type: 'invalid-json', detail: 'Send the scenario as a JSON object.' }, '/__scenario'), cors);
    }
    const problems = checkScenarioSettings(input);
    if (problems.length) {
      return send(res, problemResponse(422, {
        detail: problems.join(' '),
        errors: problems.map((message) => ({ field: '', message, code: 'invalid' })),
      }, '/__scenario'), cors);
    }
    const settings = input as Parameters<ScenarioController['set']>[0] & { reset?: boolean };
    if (settings.reset) scenario.reset();
    const { reset: _reset, ...rest } = settings;
    scenario.set(rest);
    return json(200, current());
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const url = origin + basePath;
  handlers = createHandlers({ db, baseUrl: url, scenario, onResponse: emitMockResponse });

  let closing: Promise<void> | undefined;
  return {
    url,
    db,
    scenario,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        scenario.reset(); // releases requests parked by the timeout scenario
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
