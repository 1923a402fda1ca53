/**
 * Starts the mock API's command line in a child process (`node <args>`), waits for the banner with
 * its URL and demo tokens, and gives both back. Shared by the repository's command (under tsx) and
 * the package's bin (plain node) tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface MockApiProcess {
  child: ChildProcess;
  /** The API's base URL from the banner. */
  url: string;
  /** Everything the process printed on stdout so far (the banner holds the demo tokens). */
  output: () => string;
}

export async function startMockApiProcess(args: string[], cwd: string): Promise<MockApiProcess> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Customer Elements mock API at (http:\/\/\S+)/.exec(out);
      if (m && /Demo token \(viewer\)/.test(out)) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the mock API exited with ${code}: ${out}${err}`)));
  });
  return { child, url, output: () => out };
}
