/**
 * What the mock-response setup file does with each response: valid ones pass, broken ones are
 * reported with method, path, status and the reason, deliberate breakage is skipped.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../scripts/openapi-lib.js';
import { createResponseValidator } from '../../scripts/openapi-validate.js';
import { createMockResponseChecker, importsUnder, SCENARIO_HEADER, violationsError } from './mock-response-checker.js';

const validator = createResponseValidator(buildOpenApi());
const base = 'http://api.test/v1';
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ title: 'Failed', status }), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
const event = (routeId: string, method: string, path: string, response: Response) => ({ routeId, request: new Request(`${base}${path}`, { method }), response });

const me = { user: { id: 'usr_1', name: 'Ada', email: 'ada@example.com' }, capabilities: ['notes.add'] };

describe('createMockResponseChecker', () => {
  it('passes responses that match the document, JSON or not', async () => {
    const checker = createMockResponseChecker(validator);
    checker.listener(event('me.get', 'GET', '/me', json(me)));
    checker.listener(event('me.get', 'GET', '/me', problem(401, { 'WWW-Authenticate': 'Bearer' })));
    checker.listener(event('attachments.download', 'GET', '/attachments/att_1/content', new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/png' } })));
    checker.listener(event('attachments.delete', 'DELETE', '/attachments/att_1', new Response(null, { status: 204 })));
    expect(await checker.drain()).toEqual({ validated: 4, skipped: 0, violations: [] });
  });

  it('reports a broken body with method, path, status, route and the reason, once per kind', async () => {
    const checker = createMockResponseChecker(validator);
    const broken = { ...me, user: { id: 'usr_1', name: 'Ada' } };
    checker.listener(event('me.get', 'GET', '/me?x=1', json(broken)));
    checker.listener(event('me.get', 'GET', '/me?x=1', json(broken)));
    checker.listener(event('me.get', 'GET', '/me', json(me, 201)));
    checker.listener(event('me.get', 'GET', '/me', new Response('{"user":', { headers: { 'Content-Type': 'application/json' } })));
    const { validated, violations } = await checker.drain();
    expect(validated).toBe(3);
    expect(violations).toEqual([
      "GET /v1/me?x=1 → 200 (me.get): /user must have required property 'email' (×2)",
      expect.stringMatching(/^GET \/v1\/me → 201 \(me\.get\): status 201 is not documented/),
      'GET /v1/me → 200 (me.get): the body is not valid JSON: {"user":',
    ]);
    expect(violationsError(violations).message).toContain("3 kind(s) of mock response in this file break the OpenAPI contract");
  });

  it('skips responses broken on purpose, and holds simulated failures to the problem shape', async () => {
    const checker = createMockResponseChecker(validator);
    checker.listener(event('me.get', 'GET', '/me', json({ user: null }, 200, { [SCENARIO_HEADER]: 'malformed' })));
    checker.listener(event('me.get', 'GET', '/me', problem(504, { [SCENARIO_HEADER]: 'error' })));
    checker.listener(event('me.get', 'GET', '/me', json({ oops: true }, 429, { [SCENARIO_HEADER]: 'error' })));
    // Without the scenario header an undocumented status is a violation.
    checker.listener(event('me.get', 'GET', '/me', problem(504)));
    const { skipped, violations } = await checker.drain();
    expect(skipped).toBe(1);
    expect(violations).toEqual([
      "GET /v1/me → 429 (me.get): simulated failure is not a problem: (root) must have required property 'title'",
      "GET /v1/me → 429 (me.get): simulated failure is not a problem: (root) must have required property 'status'",
      expect.stringMatching(/^GET \/v1\/me → 504 \(me\.get\): status 504 is not documented/),
    ]);
  });
});

const root = fileURLToPath(new URL('../../', import.meta.url));
const file = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('importsUnder', () => {
  it('tells the test files that reach the mocks from those that do not', () => {
    expect(importsUnder(file('test/contract/conformance.test.ts'), file('mocks'), root)).toBe(true);
    expect(importsUnder(file('test/contract/openapi.test.ts'), file('mocks'), root)).toBe(false);
    expect(importsUnder(file('test/contract/validator.test.ts'), file('mocks'), root)).toBe(false);
  });
});
