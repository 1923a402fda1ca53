/**
 * custom-elements.json and the files made from it (docs/api.md, types/jsx.d.ts, types/vue.d.ts,
 * vscode.html-custom-data.json) are committed; this fails when they differ from what the analyzer
 * makes of today's sources, i.e. when a component changed and `npm run cem` was not run.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('custom-elements.json and its outputs are up to date (else run `npm run cem`)', async () => {
  const result = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, ['scripts/cem-outputs.mjs', '--check'], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
  expect(result.output).toMatch(/cem: (up to date|out of date)/);
  expect(result.code, result.output).toBe(0);
}, 120_000);
