/**
 * The README's framework sections and its "Run the reference API in your own app" section are the
 * example apps' own files: every code block preceded by `<!-- example: examples/<app>/<path> -->`
 * must equal that file, and every block preceded by `<!-- example-part: examples/<app>/<path> -->`
 * must appear in that file word for word, so a snippet a reader copies is one that
 * scripts/examples.mjs builds and drives in Chromium.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

/** [path, block text] for each block marked with `kind`, in README order. */
function markedBlocks(text: string, kind: 'example' | 'example-part'): [string, string][] {
  const out: [string, string][] = [];
  const re = new RegExp(`^<!-- ${kind}: (\\S+) -->\\n(\`{3,})[^\\n]*\\n([\\s\\S]*?)\\n\\2$`, 'gm');
  for (const m of text.matchAll(re)) out.push([m[1]!, m[3]!]);
  return out;
}

/** The README text of one `### title` section, up to the next heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n### ${title}\n`);
  expect(start, `a "### ${title}" section`).toBeGreaterThan(-1);
  const rest = readme.slice(start + 1);
  const next = rest.slice(4).search(/^#{2,3} /m);
  return next === -1 ? rest : rest.slice(0, next + 4);
}

const blocks = markedBlocks(readme, 'example');
const parts = markedBlocks(readme, 'example-part');

describe('README snippets are the example apps', () => {
  it('finds the marked React, Vue and Angular blocks', () => {
    const paths = blocks.map(([path]) => path);
    for (const expected of ['examples/react/src/App.tsx', 'examples/vue/src/main.ts', 'examples/vue/src/App.vue', 'examples/angular/src/main.ts', 'examples/angular/src/app/app.component.ts']) {
      expect(paths).toContain(expected);
    }
    // Every marker is followed by a block (a marker whose block was moved away would be skipped).
    expect(readme.match(/^<!-- example: /gm)?.length).toBe(blocks.length);
    expect(readme.match(/^<!-- example-part: /gm)?.length).toBe(parts.length);
  });

  it.each(blocks)('%s is the README block, verbatim', (path, block) => {
    expect(block).toBe(readFileSync(`${root}${path}`, 'utf8').replace(/\n$/, ''));
  });

  it.each(parts)('%s contains the README block, verbatim', (path, block) => {
    expect(readFileSync(`${root}${path}`, 'utf8')).toContain(`${block}\n`);
  });
});

describe('README "Run the reference API in your own app" is the React example', () => {
  const text = section('Run the reference API in your own app');
  const code = [...text.matchAll(/^(`{3,})([^\n]*)\n([\s\S]*?)\n\1$/gm)].map((m) => ({ lang: m[2]!, body: m[3]! }));
  const react = JSON.parse(readFileSync(`${root}examples/react/package.json`, 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
    msw?: { workerDirectory?: string[] };
  };

  it('marks every code block that is not a shell command as a file of the example (or part of one)', () => {
    const marked = [...markedBlocks(text, 'example'), ...markedBlocks(text, 'example-part')].map(([, block]) => block);
    const files = code.filter((c) => c.lang !== 'sh').map((c) => c.body);
    expect(files.length).toBe(3);
    for (const body of files) expect(marked).toContain(body);
  });

  it('runs the shell commands the section gives', () => {
    const commands = code.filter((c) => c.lang === 'sh').map((c) => c.body.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm install --save-dev msw', 'npx customer-elements-mock-api --port 4010', 'npx msw init public --save']);
    // `npm install --save-dev msw` wrote msw into devDependencies at a version the package accepts.
    expect(react.devDependencies.msw).toMatch(/^\^(2\.(1[5-9]|[2-9]\d)|3)\./);
    // `npx msw init public --save` wrote the worker's folder into package.json; `npm run dev` runs it.
    expect(react.msw?.workerDirectory).toEqual(['public']);
    expect(react.scripts.predev).toBe('msw init public --save');
    // The harness serves `npm run preview` with `customer-elements-mock-api --port 4010` beside it.
    expect(readFileSync(`${root}scripts/examples.mjs`, 'utf8')).toContain("['customer-elements-mock-api', ['--port', '4010']]");
  });
});
