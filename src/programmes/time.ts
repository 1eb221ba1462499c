/**
 * Instants and the call's wall clock. Deadlines are instants (stored in UTC); people read and type
 * them in the call's time zone, Europe/Oslo or Europe/Copenhagen, across daylight-saving changes.
 */

export const CALL_TIME_ZONES = ['Europe/Oslo', 'Europe/Copenhagen'] as const;
export type CallTimeZone = (typeof CALL_TIME_ZONES)[number];

export function isCallTimeZone(value: unknown): value is CallTimeZone {
  return typeof value === 'string' && (CALL_TIME_ZONES as readonly string[]).includes(value);
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall-clock reading of an instant in a zone, as `YYYY-MM-DDTHH:mm`. */
const formatters = new Map<CallTimeZone, Intl.DateTimeFormat>();

export function instantToLocal(instant: Date, zone: CallTimeZone): string {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Minutes the zone is ahead of UTC at an instant (60 or 120 for the two zones). */
export function offsetMinutes(instant: Date, zone: CallTimeZone): number {
  const local = instantToLocal(instant, zone);
  const asUtc = Date.parse(`${local}:00Z`);
  const truncated = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - truncated) / 60_000);
}

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; reason: 'malformed' | 'nonexistent' };

/**
 * The instant a wall-clock time names in a zone. A time inside the spring-forward gap does not
 * exist and is refused; a time in the autumn's repeated hour means its first occurrence (summer
 * time), the earlier and therefore stricter deadline.
 */
export function localToInstant(local: string, zone: CallTimeZone): LocalTimeResult {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return { ok: false, reason: 'malformed' };
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).getUTCDate() !== d) return { ok: false, reason: 'malformed' };
  const candidates = new Set<number>();
  for (const probe of [naive - 12 * 3600_000, naive + 12 * 3600_000]) {
    candidates.add(naive - offsetMinutes(new Date(probe), zone) * 60_000);
  }
  const matching = [...candidates].filter((t) => instantToLocal(new Date(t), zone) === local).sort((a, b) => a - b);
  if (matching.length === 0) return { ok: false, reason: 'nonexistent' };
  return { ok: true, instant: new Date(matching[0]!) };
}
