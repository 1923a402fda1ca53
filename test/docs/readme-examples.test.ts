/**
 * The README's framework sections are the example apps' own files: every code block preceded by
 * `<!-- example: examples/<app>/<path> -->` must equal that file, so a snippet a reader copies is one
 * that scripts/examples.mjs builds and drives in Chromium.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

/** [path, block text] for each marked block, in README order. */
function markedBlocks(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /^<!-- example: (\S+) -->\n(`{3,})[^\n]*\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out.push([m[1]!, m[3]!]);
  return out;
}

const blocks = markedBlocks(readme);

describe('README snippets are the example apps', () => {
  it('finds the marked Vue and Angular blocks', () => {
    const paths = blocks.map(([path]) => path);
    for (const expected of ['examples/react/src/App.tsx', 'examples/vue/src/main.ts', 'examples/vue/src/App.vue', 'examples/angular/src/main.ts', 'examples/angular/src/app/app.component.ts']) {
      expect(paths).toContain(expected);
    }
    // Every marker is followed by a block (a marker whose block was moved away would be skipped).
    expect(readme.match(/^<!-- example: /gm)?.length).toBe(blocks.length);
  });

  it.each(blocks)('%s is the README block, verbatim', (path, block) => {
    expect(block).toBe(readFileSync(`${root}${path}`, 'utf8').replace(/\n$/, ''));
  });
});
