/**
 * `npm run openapi` writes `openapi/openapi.json` from the route table and the schemas.
 * `npm run openapi -- --check` writes nothing and exits 1 when the committed file is out of date
 * (for CI: the document can never silently drift from the code).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi, serializeOpenApi } from './openapi-lib.js';

const target = fileURLToPath(new URL('../openapi/openapi.json', import.meta.url));
const check = process.argv.slice(2).includes('--check');
const generated = serializeOpenApi(buildOpenApi());

if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (committed === generated) {
    console.info('openapi/openapi.json is up to date.');
  } else {
    const why = committed === null ? 'it does not exist' : `it differs from the generated document${firstDifference(committed, generated)}`;
    console.error(`openapi/openapi.json is out of date: ${why}.\nRun \`npm run openapi\` and commit the result.`);
    process.exitCode = 1;
  }
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generated);
  console.info(`Wrote openapi/openapi.json (${Object.keys(buildOpenApi().paths).length} paths).`);
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) {
      return ` (first at line ${i + 1}: committed ${JSON.stringify(left[i] ?? '<end of file>')}, generated ${JSON.stringify(right[i] ?? '<end of file>')})`;
    }
  }
  return '';
}
