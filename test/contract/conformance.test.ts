/**
 * The conformance checks pass against the reference implementation (the mocks over real HTTP), and
 * fail — on the right check — against servers that break the contract, so a backend team can trust
 * both a green and a red run.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockHttpServer } from '../../mocks/server.js';
import { runConformance, type CheckResult } from '../../scripts/conformance-lib.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SIZE = { customers: 50, orders: 500, bigCustomerOrders: 2000, manyNotes: 200 };

let mock: Awaited<ReturnType<typeof startMockHttpServer>>;
let token: string;

beforeAll(async () => {
  mock = await startMockHttpServer({ port: 0, size: SIZE });
  token = mock.db.fixtures.users.admin.token;
});
afterAll(async () => {
  await mock?.close();
});

const failedNames = (results: CheckResult[]) => results.filter((r) => !r.ok).map((r) => r.name);
const byName = (results: CheckResult[], name: string) => {
  const result = results.find((r) => r.name === name);
  if (!result) throw new Error(`no check named "${name}" (checks: ${results.map((r) => r.name).join(', ')})`);
  return result;
};

type Rewrite = (input: { method: string; path: string; headers: Headers; status: number; body: Buffer; request: IncomingMessage; requestBody: Buffer }) =>
  Promise<{ status: number; headers: Headers; body: Buffer } | undefined> | { status: number; headers: Headers; body: Buffer } | undefined;

/** A proxy in front of the mock server that can rewrite responses: a server that breaks the contract. */
async function startBrokenProxy(rewrite: Rewrite): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(mock.url);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const requestBody = Buffer.concat(chunks);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && key !== 'host') headers.set(key, value);
    const response = await fetch(new URL(req.url ?? '/', upstream.origin), {
      method: req.method, headers, body: requestBody.length > 0 ? requestBody : undefined,
    });
    const original = { status: response.status, headers: new Headers(response.headers), body: Buffer.from(await response.arrayBuffer()) };
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const out = (await rewrite({ method: req.method ?? 'GET', path, request: req, requestBody, ...original })) ?? original;
    out.headers.delete('content-length');
    out.headers.delete('content-encoding');
    out.headers.delete('transfer-encoding');
    res.writeHead(out.status, Object.fromEntries(out.headers));
    res.end(out.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/conformance.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

describe('runConformance against the mocks over HTTP', () => {
  it('passes every check, writes included, and leaves the data as it was', async () => {
    const versions = () => mock.db.searchCustomers({}).map((c) => `${c.id}@${c.version}`);
    const notes = () => mock.db.searchCustomers({}).reduce((sum, c) => sum + mock.db.notesOf(c.id).length, 0);
    const versionsBefore = versions();
    const notesBefore = notes();
    const { results } = await runConformance({ baseUrl: mock.url, token, allowWrites: true });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.skipped)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(30);
    // The writes it sends are refused by a conforming server: nothing changed.
    expect(versions()).toEqual(versionsBefore);
    expect(notes()).toBe(notesBefore);
  });

  it('skips the writes unless they are allowed', async () => {
    const { results } = await runConformance({ baseUrl: mock.url, token });
    const skipped = results.filter((r) => r.skipped).map((r) => r.name);
    expect(skipped).toEqual([
      'concurrency: stale If-Match → 412',
      'concurrency: no If-Match → 428',
      'validation: invalid body → 422 with field errors',
      'idempotency: a repeat with the same Idempotency-Key is answered as the first; the key with another request → 422',
    ]);
    expect(failedNames(results)).toEqual([]);
  });

  it('fails the checks a server breaks: a required field missing, no WWW-Authenticate', async () => {
    const proxy = await startBrokenProxy(({ method, path, status, headers, body }) => {
      if (status === 401) {
        headers.delete('www-authenticate');
        return { status, headers, body };
      }
      if (method === 'GET' && /\/customers\/[^/]+$/.test(path) && status === 200) {
        const customer = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        delete customer['name'];
        return { status, headers, body: Buffer.from(JSON.stringify(customer)) };
      }
      return undefined;
    });
    try {
      const { results } = await runConformance({ baseUrl: proxy.url, token, allowWrites: true });
      const get = byName(results, 'customer: get is valid and carries its version as ETag');
      expect(get.ok).toBe(false);
      expect(get.detail).toContain("must have required property 'name'");
      const auth = byName(results, 'auth: no token → 401 problem with WWW-Authenticate');
      expect(auth.ok).toBe(false);
      expect(auth.detail).toContain('WWW-Authenticate');
      // What the proxy did not break still passes.
      for (const name of ['me: the current user and capabilities', 'search: a first page of customers', 'pagination: cursor pages do not repeat and agree on total', 'orders: an order in detail']) {
        expect(byName(results, name).ok, name).toBe(true);
      }
    } finally {
      await proxy.close();
    }
  });

  it('fails the concurrency check against a server that accepts a stale If-Match', async () => {
    const proxy = await startBrokenProxy(async ({ method, path, request, status }) => {
      if (method !== 'PATCH' || status !== 412) return undefined;
      // Answer as if the write were applied, as a server that ignores If-Match would.
      const current = await fetch(new URL(path, new URL(mock.url).origin), { headers: { Authorization: request.headers.authorization ?? '' } });
      return { status: 200, headers: new Headers(current.headers), body: Buffer.from(await current.arrayBuffer()) };
    });
    try {
      const { results } = await runConformance({ baseUrl: proxy.url, token, allowWrites: true });
      expect(failedNames(results)).toEqual(['concurrency: stale If-Match → 412']);
      expect(byName(results, 'concurrency: stale If-Match → 412').detail).toContain('expected 412, got 200');
    } finally {
      await proxy.close();
    }
  });

  it('fails the idempotency check against a server that ignores Idempotency-Key', async () => {
    const proxy = await startBrokenProxy(async ({ method, path, request, status }) => {
      if (method !== 'PATCH' || status !== 422 || !/\/notes\//.test(path)) return undefined;
      // Answer as a server that never looked at the key would: the note as it is now, 200.
      const current = await fetch(new URL(path.replace(/\/notes\/.*$/, '/notes?source=manual&limit=1'), new URL(mock.url).origin), { headers: { Authorization: request.headers.authorization ?? '' } });
      const page = (await current.json()) as { items: unknown[] };
      return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: Buffer.from(JSON.stringify(page.items[0])) };
    });
    try {
      const { results } = await runConformance({ baseUrl: proxy.url, token, allowWrites: true });
      const name = 'idempotency: a repeat with the same Idempotency-Key is answered as the first; the key with another request → 422';
      expect(failedNames(results)).toEqual([name]);
      expect(byName(results, name).detail).toContain('expected 422, got 200');
    } finally {
      await proxy.close();
    }
  });
});

// A child process under tsx: allow for a busy two-core machine.
describe('npm run conformance', { timeout: 60_000 }, () => {
  it('prints a line per check and "N passed, 0 failed", and exits 0 against the mocks', async () => {
    const { code, stdout } = await runCli(['--base-url', mock.url, '--token', token, '--allow-writes']);
    const lines = stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(lines.slice(0, -1).every((line) => /^PASS {2}\S/.test(line))).toBe(true);
    expect(code).toBe(0);
  });

  it('exits 1 and names the failure when the token is refused', async () => {
    const { code, stdout } = await runCli(['--base-url', mock.url, '--token', 'not-a-real-token']);
    expect(stdout).toMatch(/^FAIL {2}me: the current user and capabilities — .*expected 200, got 401/m);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    expect(code).toBe(1);
  });
});
