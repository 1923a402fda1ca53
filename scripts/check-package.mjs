#!/usr/bin/env node
// The package as npm would publish it: packs the built library (run `npm run build` first; `npm test`
// does) and checks the tarball, not the working tree:
//   - publint --strict: the exports map, `files`, the fields a registry and a bundler read;
//   - attw (esm-only profile: the package is ESM only, so CommonJS and node10 resolution are out by
//     design): every entry resolves to JavaScript and to its types;
//   - every declaration file is reached from an entry's types, and every JavaScript file from an entry
//     or the bin: nothing ships that nothing can use (no declarations without code, no stale chunk);
//   - the bin starts with a shebang; LICENSE, repository, homepage and bugs are there.
// The last line counts the checks as "N passed, N failed" (scripts/test.mjs adds them up).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFiles, reachable } from './package-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ce-package-'));
let passed = 0;
let failed = 0;

function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.info(`✓ ${name}`);
  } else {
    failed++;
    console.error(`✗ ${name}\n${problems.map((p) => `    ${p}`).join('\n')}`);
  }
}

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
  return { code: res.status ?? 1, out: `${res.stdout ?? ''}${res.stderr ?? ''}` };
}

try {
  if (!existsSync(join(root, 'dist'))) {
    console.error('No dist/: run `npm run build` first.');
    process.exit(1);
  }
  // --ignore-scripts: the build is the step before; prepack would build it a second time.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work]);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.out}`);
  const [{ filename }] = JSON.parse(pack.out.slice(pack.out.indexOf('[')));
  const tarball = join(work, filename);
  run('tar', ['xzf', tarball, '-C', work]);
  const pkgDir = join(work, 'package');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const files = new Set(
    run('tar', ['tzf', tarball]).out.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, '')),
  );

  const publint = run('npx', ['publint', '--strict', tarball]);
  console.info(publint.out.trim());
  check('publint --strict', publint.code === 0 ? [] : ['publint reported the problems above']);

  const attw = run('npx', ['attw', '--profile', 'esm-only', '--format', 'table-flipped', '--no-color', tarball]);
  console.info(attw.out.trim());
  check('attw --profile esm-only', attw.code === 0 ? [] : ['attw reported the problems above']);

  const entries = entryFiles(pkg, pkgDir);
  const types = reachable(pkgDir, entries.types, { declarations: true });
  const code = reachable(pkgDir, entries.code);
  check('every declaration file is reached from an entry (none without its JavaScript)',
    [...files].filter((f) => f.endsWith('.d.ts') && f.startsWith('dist/') && !types.has(f)).map((f) => `${f} is not reached from any entry's types`));
  check('every JavaScript file is reached from an entry or the bin',
    [...files].filter((f) => f.endsWith('.js') && f.startsWith('dist/') && !code.has(f)).map((f) => `${f} is not reached from any entry or bin`));

  check('the bin is packed and starts with a shebang', entries.bins.length === 0 ? ['package.json has no bin'] : entries.bins.flatMap((file) => {
    if (!files.has(file)) return [`${file} is not in the tarball`];
    return readFileSync(join(pkgDir, file), 'utf8').startsWith('#!/usr/bin/env node\n') ? [] : [`${file} has no #!/usr/bin/env node`];
  }));

  check('LICENSE, repository, homepage and bugs', [
    ...(files.has('LICENSE') ? [] : ['no LICENSE file']),
    ...['repository', 'homepage', 'bugs', 'license'].filter((k) => !pkg[k]).map((k) => `no "${k}" field`),
  ]);
  console.info(`\n${filename}: ${files.size} files`);
} catch (error) {
  failed++;
  console.error(error instanceof Error ? error.message : error);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.info(`package checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
