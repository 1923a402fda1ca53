#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: tsc writes a declaration file for every module, also for the
// internals that no public type mentions (styles, message catalogues, handlers). Delete those, so that
// the package ships the declarations of its entries and what they refer to, nothing without a use.
// check-package.mjs (attw) then proves that every entry still resolves to complete types.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFiles, reachable } from './package-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const keep = reachable(root, entryFiles(pkg, root).types, { declarations: true });
let removed = 0;
for (const entry of readdirSync(join(root, 'dist/types'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = relative(root, join(entry.parentPath, entry.name));
  if (keep.has(file)) continue;
  rmSync(join(root, file));
  removed++;
}
console.info(`dist/types: kept ${keep.size} declaration files, removed ${removed} that no entry reaches.`);
