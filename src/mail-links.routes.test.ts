/**
 * Every link a notice or mail carries (a `link:` written in the sources) leads to a page the
 * product serves: a link to a path no route answers is a dead end in someone's inbox.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from './test-app.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes('testing') ? [path] : [];
  });
}

/** Each literal link as a concrete path: interpolations become an identifier, the base URL, query and fragment go. */
function mailLinks(): { file: string; path: string }[] {
  return sources(new URL('.', import.meta.url).pathname).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\blink: (?:`([^`]+)`|'([^']+)')/g)].map((m) => ({
      file: file.slice(file.indexOf('/src/') + 1),
      path: (m[1] ?? m[2]!)
        .replace(/^\$\{[^}]*publicUrl\}/, '')
        .replace(/\$\{[^}]+\}/g, '00000000-0000-4000-8000-000000000001')
        .replace(/[?#].*$/, ''),
    })),
  );
}

let running: RunningApp;
beforeAll(async () => {
  running = await startTestApp();
}, 120_000);
afterAll(() => running.close());

describe('links in notices and mails', () => {
  it('each lead to a route the product serves', () => {
    const links = mailLinks();
    expect(links.length).toBeGreaterThan(10);
    const dead = links.filter(({ path }) => !running.app.findRoute({ method: 'GET', url: path }));
    expect(dead).toEqual([]);
  });
});
