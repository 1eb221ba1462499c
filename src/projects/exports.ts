/** The portfolio as CSV and the projects as JSON: the same figures the pages show. */
import type { Locale } from '../platform/i18n/index.js';
import { translate } from '../platform/ui/translate.js';
import type { PortfolioRow } from './pages/owner.js';
import type { PublicProject } from './pages/project.js';
import type { FollowUpStatus } from './views.js';
import { projectWorkflow } from './workflows.js';

const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function portfolioCsv(locale: Locale, rows: readonly PortfolioRow[]): string {
  const header = [
    'project',
    'caseNumber',
    'state',
    'county',
    'nextReport',
    'nextDue',
    'overdue',
    'granted',
    'released',
    'spent',
    'currency',
    'indicatorsMet',
    'indicatorsMeasured',
    'indicatorsInPlan',
  ].map((k) => translate(locale, `projects.csv.${k}` as 'projects.csv.project'));
  const lines = rows.map(({ project, status, county, indicators }) =>
    [
      project.title,
      project.caseNumber,
      projectWorkflow.name(project.state, 'staff', locale),
      county,
      status.next?.period.title ?? '',
      status.next?.period.due ?? '',
      status.overdue.map((p) => p.period.title).join('; '),
      project.grant,
      status.released,
      status.spent,
      project.currency,
      indicators.met,
      indicators.measured,
      indicators.total,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}

export function projectJson({ project, programmeName, ownerName, county }: PublicProject, status: FollowUpStatus) {
  return {
    id: project.id,
    title: project.title,
    caseNumber: project.caseNumber,
    programme: programmeName,
    owner: ownerName,
    country: project.country,
    county,
    state: projectWorkflow.name(project.state, 'public', 'en'),
    members: project.members.map((m) => ({ code: m.code, name: m.name, lead: m.lead })),
    grant: { amount: project.grant, currency: project.currency, released: status.released, spent: status.spent },
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    predecessor: project.predecessorId,
  };
}
