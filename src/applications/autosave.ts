/**
 * Progressive enhancement for the draft form, served from this capability (CSP `script-src 'self'`):
 * with JavaScript, the answers are saved a few seconds after the person stops typing (the same POST
 * as the save button, answered in JSON), every version field follows the saved version, a stale
 * version stops autosaving and asks for the save button (which shows the 409 page with what changed),
 * and a warning appears five minutes before the session would expire. Without JavaScript nothing
 * changes: the save button does it all.
 */
export const AUTOSAVE_PATH = '/soknader/assets/autosave.js';

export const AUTOSAVE_SCRIPT = `(() => {
  'use strict';
  const form = document.querySelector('form[data-autosave]');
  const status = document.getElementById('autosave-status');
  const warning = document.getElementById('session-warning');
  if (!form || !status) return;
  const sessionMs = Number(form.dataset.sessionSeconds || '0') * 1000;
  let warnTimer;
  const armSessionWarning = () => {
    if (!warning || !sessionMs) return;
    clearTimeout(warnTimer);
    warning.hidden = true;
    warnTimer = setTimeout(() => { warning.hidden = false; }, Math.max(sessionMs - 5 * 60 * 1000, 1000));
  };
  armSessionWarning();
  let timer;
  let stopped = false;
  let inFlight = false;
  const save = async () => {
    if (stopped || inFlight) return;
    inFlight = true;
    try {
      const body = new URLSearchParams(new FormData(form));
      const response = await fetch(form.action, { method: 'POST', body, headers: { 'x-autosave': '1', accept: 'application/json' }, credentials: 'same-origin' });
      armSessionWarning();
      if (response.status === 409) {
        stopped = true;
        status.textContent = form.dataset.conflictText || '';
        return;
      }
      if (!response.ok) {
        status.textContent = form.dataset.failedText || '';
        return;
      }
      const result = await response.json();
      for (const input of document.querySelectorAll('input[name="version"]')) input.value = String(result.version);
      status.textContent = (form.dataset.savedText || '').replace('{time}', result.time);
    } catch {
      status.textContent = form.dataset.failedText || '';
    } finally {
      inFlight = false;
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(save, Number(form.dataset.delayMs || '3000'));
  });
  form.addEventListener('submit', () => { clearTimeout(timer); stopped = true; });
})();
`;
