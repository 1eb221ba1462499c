import { describe, expect, it } from 'vitest';
import { calendarDate, formField, formFieldAll, formFields, idParams, isStorableText, UUID_PATTERN } from './input.js';

describe('request parsing', () => {
  it('takes only real UUIDs as ids', () => {
    const uuid = new RegExp(UUID_PATTERN);
    expect(uuid.test('0b6f6a1e-7f7c-4a55-9b57-0c7a1b2c3d4e')).toBe(true);
    expect(uuid.test('ffffffffffffffffffffffffffffffffffff')).toBe(false);
    expect(uuid.test('------------------------------------')).toBe(false);
    expect(idParams('id', 'fileId').required).toEqual(['id', 'fileId']);
  });

  it('takes calendar days only', () => {
    expect(calendarDate('2028-02-29')).toBe('2028-02-29');
    expect(calendarDate('2026-02-30')).toBeUndefined();
    expect(calendarDate('2026-13-01')).toBeUndefined();
    expect(calendarDate('20260201')).toBeUndefined();
    expect(calendarDate(20260201)).toBeUndefined();
  });

  it('refuses text that cannot be stored', () => {
    expect(isStorableText('Bodø – 😀')).toBe(true);
    expect(isStorableText('a\0b')).toBe(false);
    expect(isStorableText('a\uD800b')).toBe(false);
    expect(isStorableText('a\uDC00')).toBe(false);
  });

  it('reads urlencoded and multipart fields alike', () => {
    const body = { a: 'x', b: [{ value: 'y' }, { value: 'z' }], file: { filename: 'f.pdf', toBuffer: async () => Buffer.alloc(0) } };
    expect(formField(body, 'a')).toBe('x');
    expect(formFieldAll(body, 'b')).toEqual(['y', 'z']);
    expect(formFields(body)).toEqual({ a: 'x', b: ['y', 'z'] });
  });
});
