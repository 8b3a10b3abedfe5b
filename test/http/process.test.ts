/**
 * The process as an operator runs it: a bad variable stops start-up with its name, and
 * SIGTERM stops a running server cleanly.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('the server process', () => {
  it('refuses to start with a wrong variable and names it', async () => {
    const p = start({ PORT: 'eighty', MONGODB_URI: '' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT: a TCP port');
  });

  it('stops cleanly on SIGTERM', async () => {
    const port = 39000 + Math.floor(Math.random() * 500);
    const p = start({ PORT: String(port), HOST: '127.0.0.1' });
    const deadline = Date.now() + 30000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`server did not become ready:\n${p.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('"msg":"shutting down"');
    expect(p.output()).not.toMatch(/message texts|"text":/);
  });
});
