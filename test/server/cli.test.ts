/**
 * The `serve` command as a process, on loopback: `--port 0` prints the URL it listens on; a
 * bounded stream of events is acknowledged batch by batch (P99 of a batch printed, not asserted);
 * a SIGKILL in mid-stream loses no acknowledged event (counted after a restart on the same data);
 * SIGTERM finishes the requests in flight and exits 0. For PGlite always, and for a PostgreSQL
 * server when one is reachable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresUrl, storeKinds } from './harness.js';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const kinds = (await storeKinds()).filter((k) => k !== 'memory');
const AS_OF = '2026-10-31T10:15:00Z';

interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** The exit code of a child, whenever it exits (also when it already has). */
function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function startCli(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--quiet', ...args], {
    cwd: ROOT,
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line in 240 s: ${output}`)), 240_000);
    child.stdout?.on('data', () => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+\/api)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${output}`));
    });
  });
  return { process: child, url, output: () => output };
}

const startEvent = (account: string, i: number) => ({
  type: 'session-start',
  product: 'kre',
  sessionId: `${account}-${i}`,
  at: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 1000).toISOString(),
  user: { name: `User ${i % 97}`, email: `u${i % 97}@example.com` },
  machineId: `m-${i % 13}`,
  licenseSource: 'Acme Corp',
  organizationId: null,
  licenseType: 'KRE Session',
});

async function countSessions(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/kre/sessions?from=2026-09-01&to=2026-10-31&timeZone=UTC&limit=1`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return (await response.json()).total;
}

for (const kind of kinds) {
  describe(`kre-license-reports serve --store ${kind}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kre-cli-'));
    const account = `cli-${Date.now().toString(36)}`;
    const tokens = join(dir, 'tokens.json');
    writeFileSync(
      tokens,
      JSON.stringify([
        { token: 'admin', account, role: 'account-admin' },
        { token: 'ingest', account, role: 'ingest' },
      ]),
    );
    let args: string[];
    before(async () => {
      args = ['--store', kind, '--tokens', tokens, '--as-of', AS_OF];
      if (kind === 'pglite') args.push('--data', join(dir, 'data'));
      else args.push('--database-url', (await postgresUrl()) as string);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('a SIGKILL in mid-stream keeps every acknowledged event; SIGTERM exits 0', { timeout: 900_000 }, async () => {
      const first = await startCli(args);
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+\/api$/);
      const BATCH = 200;
      let acknowledged = 0;
      let sent = 0;
      const latencies: number[] = [];
      // A bounded stream: batches one after another; the kill lands while a batch is in flight.
      const stream = (async () => {
        for (let batch = 0; batch < 200; batch++) {
          const body = Array.from({ length: BATCH }, (_, k) => startEvent(account, batch * BATCH + k));
          sent = (batch + 1) * BATCH;
          const t0 = performance.now();
          let response: Response;
          try {
            response = await fetch(`${first.url}/events`, { method: 'POST', body: JSON.stringify(body), headers: { Authorization: 'Bearer ingest', 'Content-Type': 'application/json' } });
            const answer = await response.json();
            assert.equal(answer.accepted, BATCH);
          } catch {
            return; // killed
          }
          latencies.push(performance.now() - t0);
          acknowledged += BATCH;
        }
      })();
      while (acknowledged < 10 * BATCH) await new Promise((r) => setTimeout(r, 20));
      // Listen for the exit before the kill: it may come before the stream notices.
      const killed = exited(first.process);
      first.process.kill('SIGKILL');
      await stream;
      await killed;
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)];
      console.log(`# ${kind}: ${acknowledged} events acknowledged in ${latencies.length} batches of ${BATCH} before SIGKILL; P99 of a batch ${p99.toFixed(1)} ms`);

      const second = await startCli(args);
      let stopped: Promise<number | null> = Promise.resolve(null);
      try {
        const stored = await countSessions(second.url, 'admin');
        // Every acknowledged event is there; the batch in flight at the kill may or may not be.
        assert.ok(stored >= acknowledged && stored <= sent, `stored ${stored}, acknowledged ${acknowledged}, sent ${sent}`);
        // SIGTERM while a request is in flight (its body half sent): it is answered, then the
        // process exits 0.
        const body = JSON.stringify([startEvent(account, 1_000_000)]);
        const { port } = new URL(second.url);
        const answered = new Promise<number>((resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', port, path: '/api/events', method: 'POST', headers: { Authorization: 'Bearer ingest', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
            (response) => {
              response.resume();
              response.on('end', () => resolve(response.statusCode ?? 0));
            },
          );
          request.on('error', reject);
          request.write(body.slice(0, 10));
          stopped = exited(second.process);
          setTimeout(() => {
            second.process.kill('SIGTERM');
            setTimeout(() => request.end(body.slice(10)), 300);
          }, 300);
        });
        assert.equal(await answered, 200);
        assert.equal(await stopped, 0, second.output());
      } finally {
        if (second.process.exitCode === null) second.process.kill('SIGKILL');
      }
    });
  });
}
