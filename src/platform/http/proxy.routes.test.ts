import { describe, expect, it } from 'vitest';
import { access } from '../auth/model.js';
import { createTestDatabase } from '../db/testing.js';
import { testConfig } from '../testing/harness.js';
import { createServer } from './server.js';

/** A production-mode server with one public route, and a count of answers by status for 700 requests. */
async function sevenHundred(trustProxy: false | number, forwardedFor: (index: number) => string) {
  const database = await createTestDatabase();
  const config = { ...testConfig(0), env: 'production' as const, rateLimitPerMinute: 600, trustProxy };
  const app = await createServer({ config, database, logger: false });
  app.get('/ping', { config: { access: access.public } }, async () => 'pong');
  try {
    const statuses = new Map<number, number>();
    for (let index = 0; index < 700; index++) {
      const response = await app.inject({
        method: 'GET',
        url: '/ping',
        remoteAddress: '203.0.113.7',
        headers: { 'x-forwarded-for': forwardedFor(index) },
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    }
    return statuses;
  } finally {
    await app.close();
    await database.dispose();
  }
}

describe('proxies and the rate limit (production mode)', () => {
  it('trusts no proxy by default: a varying X-Forwarded-For does not change whose budget a request uses', async () => {
    const statuses = await sevenHundred(false, (index) => `198.51.100.${index % 250}, 10.0.0.${index % 7}`);
    expect(statuses.get(200)).toBe(600);
    expect(statuses.get(429)).toBe(100);
  });

  it('behind one trusted proxy, the address the proxy saw decides; what the client wrote before it does not', async () => {
    const statuses = await sevenHundred(1, (index) => `198.51.100.${index % 250}, 192.0.2.10`);
    expect(statuses.get(200)).toBe(600);
    expect(statuses.get(429)).toBe(100);
  });
});
