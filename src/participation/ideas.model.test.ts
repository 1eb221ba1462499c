import { describe, expect, it } from 'vitest';
import {
  addressFingerprint,
  ideaProblems,
  isOutcomeUrl,
  outcomeLinkProblems,
  parseReceiverKey,
  receiverKey,
  sameIdeaKey,
} from './ideas.model.js';

describe('the ideas box rules', () => {
  it('reads receivers written as keys, and nothing else', () => {
    const ministry = '0b7c9a5e-1d2f-4e3a-9b8c-7d6e5f4a3b2c';
    expect(parseReceiverKey('kommune-4001')).toEqual({ kind: 'municipality', code: '4001' });
    expect(parseReceiverKey('kommune-607')).toEqual({ kind: 'municipality', code: '607' });
    expect(parseReceiverKey('fylke-40')).toEqual({ kind: 'county', code: '40' });
    expect(parseReceiverKey(`departement-${ministry}`)).toEqual({ kind: 'ministry', code: ministry });
    for (const bad of ['kommune-40', 'fylke-4001', 'departement-4001', `kommune-${ministry}`, 'by-4001', ''])
      expect(parseReceiverKey(bad)).toBeUndefined();
    expect(receiverKey({ kind: 'county', code: '40' })).toBe('fylke-40');
  });

  it('says what keeps an idea from being sent, each at its field', () => {
    expect(ideaProblems({ receiver: 'x', theme: 'y', title: ' ', description: 'z'.repeat(4001), anonymous: '' })).toEqual([
      { field: 'receiver', code: 'required' },
      { field: 'theme', code: 'required' },
      { field: 'title', code: 'required' },
      { field: 'description', code: 'tooLong' },
    ]);
    expect(ideaProblems({ receiver: 'kommune-4001', theme: 'digital', title: ' T ', description: 'D', anonymous: 'yes' })).toEqual({
      receiver: { kind: 'municipality', code: '4001' },
      theme: 'digital',
      title: 'T',
      description: 'D',
      anonymous: true,
    });
  });

  it('links a taken-up idea only to a page on this site or a public web address', () => {
    for (const good of ['/prosjekter/abc', 'https://www.regjeringen.no/sak/1', 'http://kommune.no/x'])
      expect(isOutcomeUrl(good)).toBe(true);
    for (const bad of ['//evil.example', 'javascript:alert(1)', 'https://localhost/x', 'ftp://a.no/x', '/a b', 'prosjekter/x', '/\\evil'])
      expect(isOutcomeUrl(bad)).toBe(false);
    expect(outcomeLinkProblems({ linkUrl: 'data:x', linkTitle: '' })).toEqual([
      { field: 'linkUrl', code: 'badLink' },
      { field: 'linkTitle', code: 'required' },
    ]);
  });

  it('knows the same title in another case or spacing, and never keeps an address', () => {
    expect(sameIdeaKey('  Gratis BUSS, for elever! ')).toBe(sameIdeaKey('gratis buss for elever'));
    expect(sameIdeaKey('Gratis buss')).not.toBe(sameIdeaKey('Gratis båt'));
    expect(addressFingerprint('192.0.2.1')).not.toContain('192');
    expect(addressFingerprint('192.0.2.1')).toBe(addressFingerprint('192.0.2.1'));
    expect(addressFingerprint(undefined)).toBeNull();
  });
});
