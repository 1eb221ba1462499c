/**
 * Every record type, action and state the product audits has a name in the audit log, in every
 * language: the literals written in the code (found by reading the sources) and every action and
 * state of the workflows behind audited records.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import './capabilities.js';
import { auditedWorkflows, auditWords, unnamed } from './platform/audit/vocabulary.js';
import { ROLES } from './platform/auth/model.js';
import { LOCALES } from './platform/i18n/index.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes('testing') ? [path] : [];
  });
}

/** The audited literals: each `recordType: '…'` with the actions and states written in the same call. */
function auditedLiterals() {
  const records = new Set<string>();
  const actions = new Set<string>();
  const states = new Set<string>();
  for (const file of sources(new URL('.', import.meta.url).pathname)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const record = /recordType: '([a-z_]+)'/.exec(line)?.[1];
      for (const [, action] of line.matchAll(/audit\(trx, actor, [^,]+, '([a-z-]+)'/g)) actions.add(action!);
      if (!record) return;
      records.add(record);
      const call = lines
        .slice(i, i + 12)
        .join('\n')
        .split(/\}\)/)[0]!;
      for (const [, value] of call.matchAll(/\baction: ([^,\n]+)/g))
        for (const [, a] of value!.matchAll(/'([a-z][a-zA-Z-]*)'/g)) actions.add(a!);
      for (const [, value] of call.matchAll(/\b(?:toState|fromState): ([^,\n]+)/g))
        for (const [, s] of value!.matchAll(/'([a-z][a-z-]*)'/g)) states.add(`${record}/${s}`);
    });
  }
  return { records, actions, states };
}

describe('the audit log names everything it shows', () => {
  const literals = auditedLiterals();

  it('finds the audited literals in the sources (the scan itself works)', () => {
    expect(literals.records.size).toBeGreaterThanOrEqual(17);
    expect(literals.actions).toContain('sign-in');
    expect(literals.actions).toContain('grant-role-pending');
    expect(literals.states).toContain('reviewer_pool/external');
  });

  it('names every record type, action and state written in the code', () => {
    expect(unnamed('records', literals.records)).toEqual([]);
    expect(unnamed('actions', literals.actions)).toEqual([]);
    expect(unnamed('states', literals.states)).toEqual([]);
  });

  it("names every workflow's actions and states under the record it moves", () => {
    const moved = [
      'call',
      'call_question',
      'deadline_extension',
      'application',
      'application_member',
      'review',
      'review_assignment',
      'decision',
      'appeal',
      'project',
      'project-plan',
      'project-report',
      'project-payment',
      'project-change',
      'initiative',
      'knowledge_prize',
      'knowledge_question',
      'network_member',
      'network_action',
      'idea',
    ];
    expect(new Set(auditedWorkflows().map(([record]) => record))).toEqual(new Set(moved));
    for (const [record, workflow] of auditedWorkflows()) {
      expect(unnamed('actions', workflow.actions), record).toEqual([]);
      expect(
        unnamed(
          'states',
          workflow.states.map((state) => `${record}/${state}`),
        ),
        record,
      ).toEqual([]);
    }
    expect(
      unnamed(
        'states',
        ROLES.map((role) => `organisation/${role}`),
      ),
    ).toEqual([]);
    expect(
      unnamed('states', ['selection_entry/none', 'selection_entry/selected', 'selection_entry/not-selected', 'reviewer_pool/lead']),
    ).toEqual([]);
  });

  it('reads in words in every language, and an unknown key never shows as itself', () => {
    for (const locale of LOCALES) {
      const words = auditWords(locale, '?');
      expect(words.record('decision')).not.toBe('decision');
      expect(words.state('decision', 'published')).not.toBe('published');
      expect(words.action('no-such-action')).toBe('?');
      expect(words.state('decision', null)).toBe('–');
    }
    expect(auditWords('nb', '?').state('decision', 'published')).toBe('Innvilget og offentliggjort');
    expect(auditWords('da', '?').action('submit')).toBe('indsendt');
  });
});
