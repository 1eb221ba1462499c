/**
 * The plan and report forms without JavaScript: every list travels as numbered fields, blank rows
 * are left out, and what cannot be read comes back at its field. Pure.
 */
import {
  ACTIVITY_STATUSES,
  COST_LINES,
  INNOVATION_STEPS,
  emptyReport,
  readAmount,
  readMeasure,
  type ActivityStatus,
  type BudgetLine,
  type InnovationStep,
  type ProjectPlan,
  type ReportContent,
  type ReportingPeriod,
} from './model.js';
import { calendarDate } from '../platform/http/input.js';
import type { Continuation } from './continuation.js';

export type Fields = Record<string, string | string[]>;
export interface FormError {
  field: string;
  code: 'number' | 'date' | 'tooLong';
}

/** Rows offered beyond those already filled in, so that a list can grow without JavaScript. */
export const SPARE_ROWS = 2;
const MAX_ROWS = 40;
const MAX_TEXT = 20_000;

const text = (fields: Fields, name: string): string => {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

function rows(fields: Fields, prefix: string): number[] {
  const indices = new Set<number>();
  for (const name of Object.keys(fields)) {
    const match = new RegExp(`^${prefix}-(\\d{1,2})-`).exec(name);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices].filter((i) => i < MAX_ROWS).sort((a, b) => a - b);
}

class Reader {
  readonly errors: FormError[] = [];
  constructor(private readonly fields: Fields) {}

  text(name: string): string {
    const value = text(this.fields, name).trim();
    if (value.length > MAX_TEXT) this.errors.push({ field: name, code: 'tooLong' });
    return value.slice(0, MAX_TEXT);
  }

  date(name: string): string {
    const value = text(this.fields, name).trim();
    if (value === '') return '';
    const day = calendarDate(value);
    if (!day) this.errors.push({ field: name, code: 'date' });
    return day ?? '';
  }

  amount(name: string): number {
    const value = readAmount(text(this.fields, name));
    if (value === undefined) this.errors.push({ field: name, code: 'number' });
    return value ?? 0;
  }

  measure(name: string): number | null {
    const value = readMeasure(text(this.fields, name));
    if (value === undefined) this.errors.push({ field: name, code: 'number' });
    return value ?? null;
  }

  checked(name: string): boolean {
    return text(this.fields, name) === 'on';
  }
}

/** Keys for new indicators and activities, never one already in use: reports refer to them. */
class KeyMaker {
  private readonly used: Set<string>;
  constructor(used: readonly string[]) {
    this.used = new Set(used);
  }

  next(prefix: string): string {
    for (let n = 1; ; n++) {
      const key = `${prefix}${n}`;
      if (!this.used.has(key)) {
        this.used.add(key);
        return key;
      }
    }
  }
}

/** The plan as posted, against the members (sub-projects) and the programme's reporting periods. */
export function readPlanForm(
  fields: Fields,
  members: readonly string[],
  periods: readonly ReportingPeriod[],
  councilFile: { fileId: string | null; fileName: string | null },
): { plan: ProjectPlan; errors: FormError[] } {
  const read = new Reader(fields);
  const goals = rows(fields, 'goal')
    .map((i) => read.text(`goal-${i}-text`))
    .filter(Boolean);
  const keys = new KeyMaker(Object.keys(fields).flatMap((name) => (/-key$/.test(name) ? [text(fields, name)] : [])));
  const indicators = rows(fields, 'ind')
    .filter((i) => read.text(`ind-${i}-name`) !== '' || read.text(`ind-${i}-unit`) !== '')
    .map((i) => ({
      key: read.text(`ind-${i}-key`) || keys.next('i'),
      name: read.text(`ind-${i}-name`),
      unit: read.text(`ind-${i}-unit`),
      baseline: read.measure(`ind-${i}-baseline`),
      targets: Object.fromEntries(periods.map((p) => [p.key, read.measure(`ind-${i}-target-${p.key}`)])),
    }));
  const activities = rows(fields, 'act')
    .filter((i) => read.text(`act-${i}-title`) !== '')
    .map((i) => ({
      key: read.text(`act-${i}-key`) || keys.next('a'),
      title: read.text(`act-${i}-title`),
      member: members.includes(read.text(`act-${i}-member`)) ? read.text(`act-${i}-member`) : '',
      due: read.date(`act-${i}-due`),
      milestone: read.checked(`act-${i}-milestone`),
    }));
  const budget: BudgetLine[] = budgetParts(members).flatMap((member) =>
    COST_LINES.map((line) => ({
      line,
      member,
      grant: read.amount(`bud-${member || 'shared'}-${line}-grant`),
      ownWork: read.amount(`bud-${member || 'shared'}-${line}-ownWork`),
      ownFunding: read.amount(`bud-${member || 'shared'}-${line}-ownFunding`),
    })),
  );
  const steeringGroup = rows(fields, 'steer')
    .map((i) => ({ name: read.text(`steer-${i}-name`), role: read.text(`steer-${i}-role`) }))
    .filter((m) => m.name !== '');
  const councilDate = read.date('councilDate');
  const councilCase = read.text('councilCase');
  const plan: ProjectPlan = {
    purpose: read.text('purpose'),
    shared: read.text('shared'),
    startsOn: read.date('startsOn'),
    endsOn: read.date('endsOn'),
    goals,
    indicators,
    activities,
    budget: budget.filter((l) => l.grant + l.ownWork + l.ownFunding > 0),
    organisation: {
      projectLeader: read.text('projectLeader'),
      steeringGroup,
      ministryRepresentative: read.text('ministryRepresentative'),
      countyGovernorContact: read.text('countyGovernorContact'),
      elected: read.text('elected'),
      administration: read.text('administration'),
      employees: read.text('employees'),
    },
    councilDecision:
      councilDate || councilCase || councilFile.fileId ? { date: councilDate, caseNumber: councilCase, ...councilFile } : null,
  };
  return { plan, errors: read.errors };
}

/** The budget's parts: the shared part, and for a network a sub-project per member. */
export const budgetParts = (members: readonly string[]): string[] => (members.length > 1 ? ['', ...members] : ['']);

/** The report as posted: actual values, activity status, money spent and the answers. */
export function readReportForm(
  fields: Fields,
  plan: ProjectPlan,
  questionKeys: readonly string[],
): { content: ReportContent; errors: FormError[] } {
  const read = new Reader(fields);
  const content = emptyReport();
  for (const indicator of plan.indicators) content.indicators[indicator.key] = read.measure(`actual-${indicator.key}`);
  for (const activity of plan.activities) {
    const status = read.text(`status-${activity.key}`);
    content.activities[activity.key] = (ACTIVITY_STATUSES as readonly string[]).includes(status)
      ? (status as ActivityStatus)
      : 'not-started';
  }
  for (const line of COST_LINES)
    content.spent[line] = {
      grant: read.amount(`spent-${line}-grant`),
      ownWork: read.amount(`spent-${line}-ownWork`),
      ownFunding: read.amount(`spent-${line}-ownFunding`),
    };
  for (const key of questionKeys) content.answers[key] = read.text(`q-${key}`);
  const step = read.text('step');
  content.step = (INNOVATION_STEPS as readonly string[]).includes(step) ? (step as InnovationStep) : null;
  return { content, errors: read.errors };
}

/** The continuation as posted: target groups, goals and activities as rows, each member's resources. */
export function readContinuationForm(fields: Fields, members: readonly string[]): { content: Continuation; errors: FormError[] } {
  const read = new Reader(fields);
  const targetGroups = rows(fields, 'tg')
    .map((i) => ({ group: read.text(`tg-${i}-group`), value: read.text(`tg-${i}-value`), priority: read.measure(`tg-${i}-priority`) }))
    .filter((g) => g.group !== '');
  const list = (prefix: string) =>
    rows(fields, prefix)
      .map((i) => read.text(`${prefix}-${i}-text`))
      .filter(Boolean);
  const content: Continuation = {
    background: read.text('background'),
    targetGroups,
    resultGoals: list('goal'),
    mainActivities: list('act'),
    organisationModel: read.text('organisationModel'),
    resources: members.map((code) => ({ code, money: read.amount(`res-${code}-money`), people: read.text(`res-${code}-people`) })),
  };
  return { content, errors: read.errors };
}
