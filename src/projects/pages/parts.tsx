/** What the project pages share: amounts as read, dates, a project's state in words. */
import { formatDay, formatNumber } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/ui/context.js';
import type { Audience } from '../../platform/workflow.js';
import { projectWorkflow, reviewWorkflow, type ProjectState, type ReviewState } from '../workflows.js';

export const money = (ctx: Pick<PageContext, 'locale'>, amount: number, currency: string) =>
  `${formatNumber(ctx.locale, amount)} ${currency}`;
export const day = (ctx: Pick<PageContext, 'locale'>, iso: string | null) => (iso ? formatDay(ctx.locale, iso) : '–');
export const stateName = (ctx: Pick<PageContext, 'locale'>, state: ProjectState, audience: Audience = 'staff') =>
  projectWorkflow.name(state, audience, ctx.locale);
export const reviewName = (ctx: Pick<PageContext, 'locale'>, state: ReviewState) => reviewWorkflow.name(state, 'staff', ctx.locale);
export const projectPath = (id: string, locale: string, tail = '') => `/prosjekter/${id}${tail}?lang=${locale}`;
