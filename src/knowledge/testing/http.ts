/** The bank's route tests' client: GET as a signed-in person (or nobody), and a form POST with the form page's CSRF token. */
import { csrfTokenIn } from '../../platform/testing/harness.js';
import type { RunningApp } from '../../test-app.js';

export function formClient(running: () => RunningApp, cookie: Record<string, string>) {
  const get = (url: string, who?: string) => running().app.inject({ url, headers: who ? { cookie: cookie[who]! } : {} });
  async function post(url: string, who: string, fields: Record<string, string | string[]>, formUrl: string) {
    const page = await get(formUrl, who);
    const token = page.statusCode === 200 ? csrfTokenIn(page.body) : 'none';
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...fields, _csrf: token }))
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return running().app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookie[who]!, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }
  return { get, post };
}
