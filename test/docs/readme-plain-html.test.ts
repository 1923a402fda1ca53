/**
 * The README's plain-HTML page is the plain-html example's page, verbatim: the block after
 * `<!-- example: examples/plain-html/index.html -->` equals that file, which scripts/examples.mjs
 * builds from the packed tarball and drives in Chromium.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const page = readFileSync(`${root}examples/plain-html/index.html`, 'utf8');

describe('README plain-HTML snippet', () => {
  it('is the plain-html example page, verbatim', () => {
    const block = /^<!-- example: examples\/plain-html\/index\.html -->\n(`{3,})html\n([\s\S]*?)\n\1$/m.exec(readme);
    expect(block, 'a ```html block right after <!-- example: examples/plain-html/index.html -->').not.toBeNull();
    expect(block![2]).toBe(page.replace(/\n$/, ''));
  });

});
