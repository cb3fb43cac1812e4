// Child processes of the local stack and the test suites, stopped as a group.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

/** `logFile`: everything the process prints is also appended there (for readers in other processes). */
export function startProcess(command: string, args: string[], options: SpawnOptions & { label: string; echo?: boolean; logFile?: string }) {
  let output = '';
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const onData = (d: Buffer) => {
    output += d.toString();
    if (options.logFile) appendFileSync(options.logFile, d);
    if (output.length > 200_000) output = output.slice(-100_000);
    if (options.echo) process.stdout.write(d.toString().replace(/^/gm, `[${options.label}] `));
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return { child, output: () => output };
}

export function stopProcess(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return resolve();
    proc.once('exit', () => resolve());
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-proc.pid!, sig); // the whole group, when it leads one (detached)
      } catch {
        proc.kill(sig);
      }
    };
    signal('SIGTERM');
    setTimeout(() => signal('SIGKILL'), 5000).unref();
  });
}

export async function waitForHttp(url: string, timeoutMs: number, proc?: ChildProcess, output?: () => string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) throw new Error(`process exited early:\n${output?.().slice(-3000)}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms:\n${output?.().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** What the H5 build is made from: every source file's path, size and time, hashed. */
function h5SourcesStamp(): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}:${size}:${mtimeMs}\n`);
      }
    }
  };
  for (const dir of ['miniprogram/src', 'miniprogram/config', 'shared/src']) walk(join(ROOT, dir));
  for (const file of ['shared/package.json', 'miniprogram/package.json', 'miniprogram/babel.config.js', 'package-lock.json']) {
    const { size, mtimeMs } = statSync(join(ROOT, file));
    hash.update(`${file}:${size}:${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Builds the H5 app (a production build: the development one without --watch is broken), unless the last build was made from exactly these sources. */
export async function buildH5(): Promise<void> {
  const stampFile = join(ROOT, 'miniprogram', 'dist', 'h5', '.sources-stamp');
  const stamp = h5SourcesStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  // Not spawnSync: servers in this process (the tests' shared stack) keep answering meanwhile.
  const child = spawn(bin('taro'), ['build', '--type', 'h5'], { cwd: join(ROOT, 'miniprogram'), env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
  child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (status !== 0) throw new Error(`H5 build failed:\n${output.slice(-4000)}`);
  writeFileSync(stampFile, stamp);
}

/** Java 17 or newer, which DynamoDB Local needs. Returns the major version, or undefined. */
export function javaMajorVersion(): number | undefined {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const m = /version "(\d+)/.exec(`${r.stderr}${r.stdout}`);
  return m ? Number(m[1]) : undefined;
}

/**
 * Installs the missing system packages (Java 17, Chromium, CJK fonts) with the project's own
 * script, which says what it installs; its output goes to the terminal. False if it failed.
 */
export function installSystemDeps(): boolean {
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'system-deps.sh')], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0;
}

/** A TCP port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
