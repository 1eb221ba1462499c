/** A network's meetings, pure: the network's clock across daylight saving, the meeting form, the order of the list. */
import { describe, expect, it } from 'vitest';
import { checkMeeting, checkText, instantOf, isVideoLink, networkTimeZone, orderMeetings, wallClock } from './model.js';

describe("a meeting's time on the network's clock", () => {
  it('is Oslo time for a Norwegian network and Copenhagen time for a Danish one', () => {
    expect(networkTimeZone('NO')).toBe('Europe/Oslo');
    expect(networkTimeZone('DK')).toBe('Europe/Copenhagen');
  });

  it('reads a wall-clock time as the instant it names, in winter and in summer time', () => {
    expect(instantOf('2027-01-14T10:00', 'Europe/Oslo')?.toISOString()).toBe('2027-01-14T09:00:00.000Z');
    expect(instantOf('2027-06-10 09:30', 'Europe/Copenhagen')?.toISOString()).toBe('2027-06-10T07:30:00.000Z');
    // The day clocks go forward (28 March 2027): before and after the change.
    expect(instantOf('2027-03-28T01:30', 'Europe/Copenhagen')?.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(instantOf('2027-03-28T10:00', 'Europe/Copenhagen')?.toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });

  it('refuses what names no time: the hour skipped in spring, a day the calendar lacks, other text', () => {
    for (const text of ['2027-03-28T02:30', '2027-02-30T10:00', '2027-01-14T24:00', '14.01.2027 10:00', '1999-01-14T10:00', ''])
      expect(instantOf(text, 'Europe/Oslo'), text).toBeUndefined();
  });

  it('takes the first of the hour that comes twice in autumn, and shows an instant back as it was typed', () => {
    expect(instantOf('2027-10-31T02:30', 'Europe/Oslo')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    for (const text of ['2027-01-14T10:00', '2027-07-01T23:59', '2027-10-31T02:30'])
      expect(wallClock(instantOf(text, 'Europe/Copenhagen')!, 'Europe/Copenhagen')).toBe(text);
  });
});

describe('the meeting form', () => {
  it('gives the meeting with its agenda one item a line, empty lines dropped', () => {
    expect(
      checkMeeting(
        {
          title: ' Nettverksmøte 1 ',
          starts: '2027-01-14T10:00',
          place: ' Porsgrunn rådhus ',
          agenda: 'Velkommen\r\n\r\n  Sykefravær \nTiltak',
        },
        'Europe/Oslo',
      ),
    ).toEqual({
      title: 'Nettverksmøte 1',
      startsAt: new Date('2027-01-14T09:00:00Z'),
      place: 'Porsgrunn rådhus',
      agenda: ['Velkommen', 'Sykefravær', 'Tiltak'],
    });
  });

  it('says what is wrong with each field', () => {
    expect(
      checkMeeting({ title: '', starts: '2027-02-30T10:00', place: 'x'.repeat(501), agenda: 'a\n'.repeat(31) }, 'Europe/Oslo'),
    ).toEqual([
      { field: 'title', code: 'required' },
      { field: 'starts', code: 'badTime' },
      { field: 'place', code: 'tooLong' },
      { field: 'agenda', code: 'tooManyItems' },
    ]);
    expect(checkMeeting({ title: 'x'.repeat(201), starts: '2027-01-14T10:00', place: '', agenda: 'x'.repeat(301) }, 'Europe/Oslo')).toEqual(
      [
        { field: 'title', code: 'tooLong' },
        { field: 'place', code: 'required' },
        { field: 'agenda', code: 'tooLong' },
      ],
    );
  });

  it('links a place only when it is an https address', () => {
    expect(isVideoLink('https://meet.example.no/grenland')).toBe(true);
    expect(isVideoLink('http://meet.example.no')).toBe(false);
    expect(isVideoLink('javascript:alert(1)')).toBe(false);
    expect(isVideoLink('Porsgrunn rådhus, møterom 2')).toBe(false);
  });

  it('keeps notes and summaries within their length', () => {
    expect(checkText('  Referat  ', 10)).toBe('Referat');
    expect(checkText(' \n ', 10)).toBe('required');
    expect(checkText('x'.repeat(11), 10)).toBe('tooLong');
  });
});

describe('the list of meetings', () => {
  it('puts the upcoming first, soonest first, then the past, latest first', () => {
    const at = (iso: string) => ({ startsAt: new Date(iso), iso });
    const now = new Date('2027-03-01T12:00:00Z');
    const { upcoming, past } = orderMeetings(
      [at('2027-01-10T09:00:00Z'), at('2027-05-01T09:00:00Z'), at('2027-02-20T09:00:00Z'), at('2027-03-02T09:00:00Z')],
      now,
    );
    expect(upcoming.map((m) => m.iso)).toEqual(['2027-03-02T09:00:00Z', '2027-05-01T09:00:00Z']);
    expect(past.map((m) => m.iso)).toEqual(['2027-02-20T09:00:00Z', '2027-01-10T09:00:00Z']);
  });
});
