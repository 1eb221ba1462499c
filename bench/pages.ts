/**
 * Kommunebilde page speed, on loopback:
 *   npm run bench -- pages [--seconds N] [--cold-runs N]
 *
 * 1. Cold: N fresh server processes; each is timed from its start to "ready" (the projection
 *    engines are built before it says so) and from "ready" to the end of its first municipality
 *    page.
 * 2. In one more process, once warm: the first visit of each of the 357 municipalities (a cache
 *    miss each), the scenario recompute (an adjusted scenario never seen before), and the
 *    throughput of the municipality page (all 357 in rotation) against a static file of the same
 *    server, measured by autocannon in the same run.
 * The database is a PGlite folder under the system temp folder, filled once with the registry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '../src/platform/testing/harness.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { seconds: { type: 'string', default: '10' }, 'cold-runs': { type: 'string', default: '5' } },
});
const SECONDS = Math.min(Math.max(Number(values.seconds), 1), 120);
const COLD_RUNS = Math.min(Math.max(Number(values['cold-runs']), 1), 20);
const RECOMPUTES = 200;
const CONNECTIONS = 10;
const DATA_DIR = join(tmpdir(), 'stifinner-bench-pages');
const ROOT = new URL('..', import.meta.url);

interface Server {
  baseUrl: string;
  started: number;
  ready: number;
  child: ChildProcess;
}

/** Starts `src/main.ts` on a free loopback port and resolves when it says it is ready. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR,
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 180 s')), 180_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('Stifinner is ready')) return;
      clearTimeout(timer);
      resolve({ baseUrl: `http://127.0.0.1:${port}`, started, ready: performance.now(), child });
    });
  });
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

async function municipalityCodes(baseUrl: string): Promise<string[]> {
  const list = (await (await fetch(`${baseUrl}/api/v1/municipalities`)).json()) as { code: string }[];
  return list.map((m) => m.code);
}

async function throughput(baseUrl: string, paths: readonly string[]): Promise<number> {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}

if (!existsSync(DATA_DIR)) console.log(`First run: importing the registry into ${DATA_DIR} (once)…`);
const startSamples: number[] = [];
const coldSamples: number[] = [];
let codes: string[] = [];
for (let run = 0; run < COLD_RUNS; run++) {
  const server = await startServer();
  if (codes.length === 0) {
    codes = await municipalityCodes(server.baseUrl);
    await stopServer(server);
    run--;
    continue;
  }
  const code = codes[(run * 97) % codes.length]!;
  await timedGet(`${server.baseUrl}/kommune/${code}`);
  coldSamples.push(performance.now() - server.ready);
  startSamples.push(server.ready - server.started);
  await stopServer(server);
}

const server = await startServer();
try {
  await timedGet(`${server.baseUrl}/kommune/0301`);
  const firstVisits: number[] = [];
  for (const code of codes) firstVisits.push(await timedGet(`${server.baseUrl}/kommune/${code}`));
  const recomputes: number[] = [];
  for (let i = 0; i < RECOMPUTES; i++) {
    const code = codes[(i * 31) % codes.length]!;
    recomputes.push(await timedGet(`${server.baseUrl}/kommune/${code}?scenario=high&fertility=${(i % 20) - 10}&migration=${(i % 4) + 1}`));
  }
  const home = await (await fetch(`${server.baseUrl}/kommune/0301`)).text();
  const stylesheet = /href="(\/static\/[0-9a-f]+\/app\.css)"/.exec(home)?.[1];
  if (!stylesheet) throw new Error('no app.css link on the page');
  const staticRate = await throughput(server.baseUrl, [stylesheet]);
  const pageRate = await throughput(
    server.baseUrl,
    codes.map((code) => `/kommune/${code}`),
  );

  console.log(
    `cold start (fresh process, start → ready, engines built): p95 ${p95(startSamples).toFixed(0)} ms over ${startSamples.length} processes`,
  );
  console.log(
    `cold municipality page (fresh process, ready → first page): p95 ${p95(coldSamples).toFixed(0)} ms over ${coldSamples.length} processes (target < 300)`,
  );
  console.log(
    `first visit of each municipality (cache miss, engines warm): p95 ${p95(firstVisits).toFixed(1)} ms over ${firstVisits.length}`,
  );
  console.log(`scenario recompute (adjusted scenario never seen before): p95 ${p95(recomputes).toFixed(1)} ms over ${recomputes.length}`);
  console.log(`static file: ${staticRate.toFixed(0)} req/s; municipality page (357 in rotation): ${pageRate.toFixed(0)} req/s`);
  console.log(`throughput ratio page/static: ${(pageRate / staticRate).toFixed(3)} (target ≥ 0.25)`);
} finally {
  await stopServer(server);
}
