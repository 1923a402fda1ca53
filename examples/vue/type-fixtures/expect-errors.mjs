// `vue-tsc --noEmit` over the app and WrongProps.vue at once (one run: vue-tsc is the slow part of the
// build). Passes only when the app has no error and vue-tsc reports exactly the errors the fixture's
// `<!-- expect-error: text -->` comments announce, each on the line below its comment and containing
// its text: proof that our tags' props and events are checked, not just accepted.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = 'type-fixtures/WrongProps.vue';
const lines = readFileSync(new URL('WrongProps.vue', import.meta.url), 'utf8').split('\n');
const expected = [];
lines.forEach((line, i) => {
  const m = /<!-- expect-error: (.+?) -->/.exec(line);
  if (m) expected.push({ line: i + 2, text: m[1] });
});

const res = spawnSync('npx', ['vue-tsc', '--noEmit', '--pretty', 'false', '-p', 'type-fixtures/tsconfig.json'], {
  cwd: `${here}..`,
  encoding: 'utf8',
});
const output = `${res.stdout}${res.stderr}`;
// "type-fixtures/WrongProps.vue(12,4): error TS2322: Type 'number' is not assignable to ..." and its continuation lines
const errors = [];
for (const line of output.split('\n')) {
  const m = /^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
  if (m) errors.push({ file: m[1], line: Number(m[2]), message: m[3] });
  else if (errors.length && /^\s/.test(line)) errors.at(-1).message += `\n${line}`;
}
const problems = [];
for (const e of errors) {
  if (!e.file.endsWith(fixture)) problems.push(`an error outside the fixture: ${e.file}(${e.line}): ${e.message}`);
  else if (!expected.some((x) => x.line === e.line)) problems.push(`an unexpected error at line ${e.line}: ${e.message}`);
}
for (const x of expected) {
  const found = errors.filter((e) => e.file.endsWith(fixture) && e.line === x.line);
  if (!found.length) problems.push(`line ${x.line}: vue-tsc accepted it; expected an error containing "${x.text}"`);
  else if (!found.some((e) => e.message.includes(x.text))) problems.push(`line ${x.line}: expected "${x.text}" in: ${found.map((e) => e.message).join(' / ')}`);
}
if (res.status === 0 || problems.length) {
  console.error(`vue-tsc fixture: ${problems.join('\n') || 'vue-tsc passed a fixture that must fail'}\n\nvue-tsc said:\n${output}`);
  process.exit(1);
}
console.log(`vue-tsc fixture: the ${expected.length} wrong bindings in ${fixture} fail as they should`);
