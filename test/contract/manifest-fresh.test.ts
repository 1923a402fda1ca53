/**
 * custom-elements.json and the files made from it (docs/api.md, types/jsx.d.ts, types/vue.d.ts,
 * vscode.html-custom-data.json) are committed; this fails when they differ from what the analyzer
 * makes of today's sources, i.e. when a component changed and `npm run cem` was not run.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function check(env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/cem-outputs.mjs', '--check'], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

it('custom-elements.json and its outputs are up to date (else run `npm run cem`)', async () => {
  const result = await check();
  expect(result.output).toMatch(/cem: (up to date|out of date)/);
  expect(result.code, result.output).toBe(0);
}, 120_000);

it('come out the same whatever order the analyzer meets the files in', async () => {
  // The analyzer's glob has no fixed order; once, a union's members came out in another order
  // on a busy machine and CI failed. Two shuffled orders must give the committed files.
  for (const seed of ['3', '11']) {
    const result = await check({ CEM_SHUFFLE: seed });
    expect(result.code, `files in shuffled order ${seed}: ${result.output}`).toBe(0);
  }
}, 120_000);
