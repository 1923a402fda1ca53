// Which files of a package its entries can reach, following relative imports (static, dynamic and
// re-exports; in declaration files, `./x.js` means `./x.d.ts`). Shared by prune-types.mjs (after the
// build) and check-package.mjs (on the packed tarball).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

const clean = (p) => normalize(p.replace(/^\.\//, ''));

/** The files in `dir` that a subpath pattern (`./dist/components/*.js`) matches. */
function expand(dir, pattern) {
  const path = clean(pattern);
  if (!path.includes('*')) return [path];
  const base = path.slice(0, path.lastIndexOf('/', path.indexOf('*')) + 1);
  const re = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
  if (!existsSync(join(dir, base))) return [];
  return readdirSync(join(dir, base), { recursive: true })
    .map((f) => normalize(join(base, String(f))))
    .filter((f) => re.test(f));
}

/** Every string leaf of an exports map, whatever the nesting of conditions. */
const leaves = (t) => (typeof t === 'string' ? [t] : t && typeof t === 'object' ? Object.values(t).flatMap(leaves) : []);

/** Every file (relative to the package in `dir`) that the exports map and the bin name, by kind. */
export function entryFiles(pkg, dir) {
  // Patterns expanded against the files.
  const targets = leaves(pkg.exports ?? {}).flatMap((t) => expand(dir, t));
  const bins = Object.values(typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin ?? {});
  return {
    types: targets.filter((t) => t.endsWith('.d.ts')).map(clean),
    code: [...targets.filter((t) => t.endsWith('.js')), ...bins].map(clean),
    bins: bins.map(clean),
  };
}

/** The files reachable from `entries` inside `dir` (paths relative to it). */
export function reachable(dir, entries, { declarations = false } = {}) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(join(dir, file), 'utf8').matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), spec));
      queue.push(declarations ? target.replace(/\.js$/, '.d.ts') : target);
    }
  }
  return seen;
}
