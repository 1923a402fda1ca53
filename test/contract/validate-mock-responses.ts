/**
 * Vitest setup file: in every Node test file that uses the mocks, every response the mock API gives
 * (MSW in Node or the real HTTP server) is validated against the OpenAPI document, and the file
 * fails in `afterAll` with the list of violations. So the mocks, and through them every test that
 * relies on them, are held to the published contract.
 *
 * Harmless elsewhere: a test file that does not import anything under `mocks/` (directly or
 * through its own relative imports) never loads the mocks, ajv or the document.
 * `CE_CONTRACT_VERBOSE=1` prints how many responses each such file had validated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OpenApiDocument } from '../../scripts/openapi-lib.js';
import type { MockResponseChecker, MockResponseEvent } from './mock-response-checker.js';

type OnMockResponse = (listener: (event: MockResponseEvent) => void) => () => void;

const root = fileURLToPath(new URL('../../', import.meta.url));
const mocksDir = resolve(root, 'mocks') + sep;

let testFile = '';
let checker: MockResponseChecker | undefined;
let unsubscribe: (() => void) | undefined;

// Vitest requires a destructuring pattern for the first (context) argument.
// oxlint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  testFile = suite.file?.filepath ?? expect.getState().testPath ?? '';
  if (!testFile || !existsSync(resolve(mocksDir, 'node.ts'))) return;
  const { importsUnder } = await import('./mock-response-checker.js');
  if (!importsUnder(testFile, mocksDir, root)) return;
  let mocks: { onMockResponse?: OnMockResponse };
  try {
    mocks = await import('../../mocks/node.js');
  } catch (error) {
    // The test file's own import of the mocks reports this better; do not add a second failure.
    console.warn(`[contract] mocks/node.ts could not be loaded, so mock responses are not validated: ${String(error)}`);
    return;
  }
  if (typeof mocks.onMockResponse !== 'function') {
    throw new Error('mocks/node.ts does not export onMockResponse: the mock responses cannot be checked against the contract.');
  }
  const [{ createResponseValidator }, { createMockResponseChecker }] = await Promise.all([
    import('../../scripts/openapi-validate.js'),
    import('./mock-response-checker.js'),
  ]);
  // The published document, as backend teams get it (openapi.test.ts keeps it equal to the generated one).
  const doc = JSON.parse(readFileSync(resolve(root, 'openapi/openapi.json'), 'utf8')) as OpenApiDocument;
  const active = createMockResponseChecker(createResponseValidator(doc));
  checker = active;
  unsubscribe = mocks.onMockResponse((event) => active.listener(event));
});

afterAll(async () => {
  unsubscribe?.();
  unsubscribe = undefined;
  if (!checker) return;
  const { validated, skipped, violations } = await checker.drain();
  checker = undefined;
  if (process.env['CE_CONTRACT_VERBOSE']) {
    console.info(
      `[contract] ${relative(root, testFile)}: ${validated} mock responses validated against openapi/openapi.json` +
        (skipped > 0 ? `, ${skipped} malformed on purpose skipped` : ''),
    );
  }
  if (violations.length > 0) {
    const { violationsError } = await import('./mock-response-checker.js');
    throw violationsError(violations);
  }
});
