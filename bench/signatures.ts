/**
 * Signing through the real HTTP route, with a crash in the middle (issue 15 point 9):
 *   DATABASE_URL=postgres://… npm run bench -- signatures [--seconds N] [--citizens N] [--initiatives N] [--concurrency N] [--profile]
 *
 * On a throwaway database of that PostgreSQL server: starts `src/main.ts` on loopback, signs in N
 * synthetic residents of Porsgrunn through the embedded OpenID provider (a session and a CSRF token
 * each), publishes K initiatives for Porsgrunn, and sends `POST /innbyggerforslag/:id/signer` with
 * C in flight for a fixed time — every tenth request a repeat of a pair already acknowledged. Half
 * way it kills the server with SIGKILL, starts it again (the sessions live in the database), and
 * goes on. Prints signatures per minute, duplicates refused, acknowledged signatures missing after
 * the restart (must be 0), and two references measured in the same run: the same server's static
 * file at the same concurrency, and the use case `signInitiative` called in this process (the store
 * path without HTTP). With --profile the restarted server writes a CPU profile, summarised by where
 * its time goes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTestDatabase } from '../src/platform/db/testing.js';
import { isRefused } from '../src/platform/outcome.js';
import { csrfTokenIn, freePort, signInThroughProvider } from '../src/platform/testing/harness.js';
import { PUBLIC_PREFIX } from '../src/platform/ui/assets.js';
import { importShippedRegistry } from '../src/registry/index.js';
import { signInitiative } from '../src/participation/use-cases.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string', default: '30' },
    citizens: { type: 'string', default: '400' },
    initiatives: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '32' },
    profile: { type: 'boolean', default: false },
  },
});
const bounded = (value: string | undefined, min: number, max: number) => Math.min(Math.max(Math.floor(Number(value)) || min, min), max);
const SECONDS = bounded(values.seconds, 4, 300);
const CITIZENS = bounded(values.citizens, 10, 100_000);
const INITIATIVES = bounded(values.initiatives, 1, 5_000);
const CONCURRENCY = bounded(values.concurrency, 1, 256);
const REFERENCE_SECONDS = 3;
const ROOT = new URL('..', import.meta.url);

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server: the benchmark makes a throwaway database there.');
  process.exit(2);
}

interface Server {
  child: ChildProcess;
  baseUrl: string;
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const profileDir = mkdtempSync(join(tmpdir(), 'stifinner-bench-signatures-'));

/** Starts the server on the throwaway database and resolves when it says it is ready. */
function startServer(databaseUrl: string, profile: boolean): Promise<Server> {
  const child = spawn(
    process.execPath,
    [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', 'src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        // Both processes must read the same session cookies.
        SESSION_SECRET: 'bench-signatures-session-secret-0123456789',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'error',
        RATE_LIMIT_PER_MINUTE: '1000000',
        // As behind a load balancer: each synthetic citizen comes from an address of their own.
        TRUST_PROXY: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 180 s')), 180_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('Stifinner is ready')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, baseUrl });
    });
  });
}

function stopServer(server: Server, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs `work` with C in flight until the time is up; how many finished. */
async function forSeconds(seconds: number, work: () => Promise<void>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await work();
        done += 1;
      }
    }),
  );
  return done;
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/** Each citizen's requests carry their own address (X-Forwarded-For), so the per-address limits see many people, as in life. */
const citizenAddress = new AsyncLocalStorage<string>();
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
const plainFetch = globalThis.fetch;
globalThis.fetch = (input, init = {}) => {
  const address = citizenAddress.getStore();
  return plainFetch(
    input,
    address ? { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address } } : init,
  );
};

const database = await createTestDatabase();
const db = database.db;
let server: Server | undefined;
try {
  console.log('Importing the registry into a throwaway database …');
  await importShippedRegistry(db);
  server = await startServer(database.url!, false);

  const signInStarted = performance.now();
  const subjects = Array.from({ length: CITIZENS }, (_, i) => `synthetic-citizen-${i + 1}`);
  const jars = await inBatches(subjects, 8, (subject) =>
    citizenAddress.run(addressOf(subjects.indexOf(subject) + 1), () => signInThroughProvider(baseUrl, subject)),
  );
  const signInSeconds = (performance.now() - signInStarted) / 1000;

  const initiator = await db.selectFrom('users').select('id').where('subject', '=', subjects[0]!).executeTakeFirstOrThrow();
  const rows = await sql<{ id: string }>`
    insert into participation_initiatives (country, scope, area_code, area_name, title, proposal, reason, state, initiator_id, threshold, published_at)
    select 'NO', 'municipality', '4001', 'Porsgrunn', 'Forslag ' || n, 'Benchmark', 'Benchmark', 'published', ${initiator.id}, 300, now()
    from generate_series(1, ${INITIATIVES}) n returning id`.execute(db);
  const initiatives = rows.rows.map((r) => r.id);

  // One CSRF token per session, read from a page as a browser would.
  const citizens = await inBatches(jars, 8, async (jar) => {
    const address = addressOf(jars.indexOf(jar) + 1);
    const page = await fetch(`${baseUrl}/innbyggerforslag/${initiatives[0]}`, {
      headers: { cookie: jar.header(), 'x-forwarded-for': address },
    });
    return { cookie: jar.header(), token: csrfTokenIn(await page.text()), address };
  });
  const userIds = new Map(
    (await db.selectFrom('users').select(['id', 'subject']).where('subject', 'like', 'synthetic-citizen-%').execute()).map((u) => [
      u.subject,
      u.id,
    ]),
  );
  console.log(`Signed in ${CITIZENS} synthetic citizens in ${signInSeconds.toFixed(1)} s; ${INITIATIVES} initiatives published.`);

  // Reference 1: the same server's static file at the same concurrency.
  const staticCount = await forSeconds(REFERENCE_SECONDS, async () => {
    await (await fetch(`${baseUrl}${PUBLIC_PREFIX}app.css`)).arrayBuffer();
  });
  const staticPerMinute = (staticCount / REFERENCE_SECONDS) * 60;

  // The run: pair n is citizen n mod N on initiative ⌊n / N⌋ (each pair once), every tenth a repeat.
  const acknowledged: [number, number][] = [];
  let next = 0;
  let attempts = 0;
  let duplicates = 0;
  let duplicateAccepted = 0;
  let inFlightAtKill = 0;
  let otherAnswers = 0;
  let down: Promise<void> | undefined;
  const capacity = CITIZENS * INITIATIVES;
  const started = performance.now();
  const killAt = started + (SECONDS * 1000) / 2;
  let downSeconds = 0;
  let cpuBefore = Number.NaN;
  let cpuFirst = Number.NaN;
  let acknowledgedAtKill = 0;

  const sign = async (citizen: number, initiative: number) => {
    const { cookie, token, address } = citizens[citizen]!;
    const response = await fetch(`${baseUrl}/innbyggerforslag/${initiatives[initiative]}/signer`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      body: `_csrf=${encodeURIComponent(token)}&showName=no`,
    });
    await response.arrayBuffer();
    return response.status;
  };

  cpuBefore = cpuSeconds(server.child.pid);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < started + SECONDS * 1000 && next < capacity) {
        if (down) await down;
        if (performance.now() >= killAt && !down && downSeconds === 0) {
          const crashed = server!;
          cpuFirst = cpuSeconds(crashed.child.pid) - cpuBefore;
          acknowledgedAtKill = acknowledged.length;
          const wentDown = performance.now();
          down = stopServer(crashed, 'SIGKILL')
            .then(() => startServer(database.url!, values.profile))
            .then((restarted) => {
              server = restarted;
              cpuBefore = cpuSeconds(restarted.child.pid);
              downSeconds = (performance.now() - wentDown) / 1000;
              down = undefined;
            });
          await down;
        }
        attempts += 1;
        const repeat = attempts % 10 === 0 && acknowledged.length > 0;
        const pair = repeat
          ? acknowledged[Math.floor(Math.random() * acknowledged.length)]!
          : ([next % CITIZENS, Math.floor(next++ / CITIZENS)] as [number, number]);
        try {
          const status = await sign(...pair);
          if (status === 303 && !repeat) acknowledged.push(pair);
          else if (status === 303) duplicateAccepted += 1;
          else if (status === 409 && repeat) duplicates += 1;
          else otherAnswers += 1;
        } catch {
          // The connection died with the server: not acknowledged, so the citizen would try again.
          inFlightAtKill += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuSecond = cpuSeconds(server.child.pid) - cpuBefore;

  // Every acknowledged signature must be in the database after the crash.
  const stored = new Set(
    (
      await db
        .selectFrom('participation_signatures as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.initiative_id', 'u.subject'])
        .where('s.withdrawn_at', 'is', null)
        .execute()
    ).map((r) => `${r.initiative_id}:${r.subject}`),
  );
  const missing = acknowledged.filter(([c, i]) => !stored.has(`${initiatives[i]}:${subjects[c]}`)).length;
  const notAcknowledgedButStored = stored.size - acknowledged.length;

  // Reference 2: the store path — the use case in this process, no HTTP, session or CSRF.
  let storeNext = 0;
  const storeCount = await forSeconds(REFERENCE_SECONDS, async () => {
    const n = capacity - 1 - storeNext++;
    const citizen = n % CITIZENS;
    const userId = userIds.get(subjects[citizen]!)!;
    const outcome = await signInitiative(
      db,
      initiatives[Math.floor(n / CITIZENS)]!,
      { userId, name: '', homeMunicipalityCode: '4001', memberships: [] },
      false,
    );
    if (isRefused(outcome) && outcome.problem.kind !== 'alreadySigned') throw new Error(outcome.problem.kind);
  });
  const storePerMinute = (storeCount / REFERENCE_SECONDS) * 60;

  await stopServer(server, 'SIGTERM');
  server = undefined;

  const running = elapsed - downSeconds;
  const perMinute = (acknowledged.length / running) * 60;
  const format = (n: number) => Math.round(n).toLocaleString('en');
  console.log(
    `\nPostgreSQL; ${CONCURRENCY} in flight; ${elapsed.toFixed(1)} s of which ${downSeconds.toFixed(1)} s down (SIGKILL at ${(SECONDS / 2).toFixed(0)} s, restart)`,
  );
  console.log(
    `signatures acknowledged (303): ${format(acknowledged.length)} — ${format(perMinute)} per minute while up (${format((acknowledged.length / elapsed) * 60)} over the whole run)`,
  );
  console.log(`aim 100 000 per minute: ${(perMinute / 100_000).toFixed(2)} of it`);
  console.log(
    `duplicates refused (409 "already signed"): ${format(duplicates)}; duplicates accepted: ${duplicateAccepted}; other answers: ${otherAnswers}`,
  );
  console.log(`requests cut by the kill: ${inFlightAtKill}; stored without an acknowledgement: ${notAcknowledgedButStored}`);
  console.log(`acknowledged but missing after the restart: ${missing}${missing === 0 ? ' (none lost)' : ' — LOST'}`);
  console.log(
    `reference, same run: static file ${format(staticPerMinute)} per minute → signatures are ${(perMinute / staticPerMinute).toFixed(2)} of it`,
  );
  console.log(
    `reference, same run: store path without HTTP ${format(storePerMinute)} per minute → HTTP route is ${(perMinute / storePerMinute).toFixed(2)} of it`,
  );
  // The restarted server does its start-up work (e.g. the projections it prepares once ready) while
  // signatures come in, so the first server's figure is the one to compare runs by.
  const msPer = (cpu: number, signatures: number) => ((cpu * 1000) / Math.max(signatures, 1)).toFixed(2);
  console.log(
    `server CPU: ${msPer(cpuFirst, acknowledgedAtKill)} ms per signature before the kill; ${msPer(cpuSecond, acknowledged.length - acknowledgedAtKill)} ms after the restart, start-up work included (${(cpuFirst + cpuSecond).toFixed(1)} CPU s in ${running.toFixed(1)} s; the client and PostgreSQL share the same 2 cores)`,
  );
  if (values.profile) summariseProfile();
  if (missing > 0 || duplicateAccepted > 0) process.exitCode = 1;
} finally {
  if (server) await stopServer(server, 'SIGKILL');
  await database.dispose();
}

/** The restarted server's CPU profile by where the time went: each package, our own code by folder, and idle. */
function summariseProfile() {
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log('no CPU profile was written');
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as {
    nodes: { id: number; hitCount: number; callFrame: { url: string; functionName: string } }[];
  };
  const bySource = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const url = node.callFrame.url;
    const where =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      /\/src\/([^/]+(?:\/[^/]+)?)\//.exec(url)?.[1] ??
      (url.startsWith('node:') ? `node:${url.slice(5).split('/')[0]}` : node.callFrame.functionName || '(native)');
    bySource.set(where, (bySource.get(where) ?? 0) + node.hitCount);
    total += node.hitCount;
  }
  console.log('\nwhere the restarted server’s time went (CPU profile samples):');
  for (const [where, hits] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${((hits * 100) / total).toFixed(1).padStart(5)} %  ${where}`);
}
