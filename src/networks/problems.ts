/** The one table from networks' problems to an HTTP status and a translated message. */
import { defineProblems } from '../platform/outcome.js';
import type { NetworkProblem } from './use-cases.js';

export const explainProblem = defineProblems<NetworkProblem>({
  networkNotFound: { status: 404, message: (ctx) => ctx.t('networks.problem.networkNotFound') },
  noMunicipality: { status: 403, field: 'name', message: (ctx) => ctx.t('networks.problem.noMunicipality') },
  notCoordinator: { status: 403, field: 'municipality', message: (ctx) => ctx.t('networks.problem.notCoordinator') },
  notMember: { status: 403, field: 'actions', message: (ctx) => ctx.t('networks.problem.notMember') },
  otherCountry: { status: 409, field: 'municipality', message: (ctx) => ctx.t('networks.problem.otherCountry') },
  full: { status: 409, field: 'municipality', message: (ctx, p) => ctx.t('networks.problem.full', { max: p.max }) },
  alreadyInvited: { status: 409, field: 'municipality', message: (ctx) => ctx.t('networks.problem.alreadyInvited') },
  notInvited: { status: 409, field: 'actions', message: (ctx) => ctx.t('networks.problem.notInvited') },
  duplicateFigure: { status: 409, field: 'figure-name', message: (ctx) => ctx.t('networks.problem.duplicateFigure') },
  figureNotFound: { status: 404, message: (ctx) => ctx.t('networks.problem.figureNotFound') },
  actionNotFound: { status: 404, message: (ctx) => ctx.t('networks.problem.actionNotFound') },
  notOwnAction: { status: 403, field: 'actions', message: (ctx) => ctx.t('networks.problem.notOwnAction') },
  illegalStep: { status: 409, field: 'actions', message: (ctx) => ctx.t('networks.problem.illegalStep') },
  scenarioNotFound: { status: 404, message: (ctx) => ctx.t('networks.problem.scenarioNotFound') },
  notScenarioOwner: { status: 403, field: 'name', message: (ctx) => ctx.t('networks.problem.notScenarioOwner') },
  cooperationNotFound: { status: 404, message: (ctx) => ctx.t('networks.problem.cooperationNotFound') },
  notCooperationMember: { status: 403, field: 'name', message: (ctx) => ctx.t('networks.problem.notCooperationMember') },
  meetingNotFound: { status: 404, message: (ctx) => ctx.t('networks.problem.meetingNotFound') },
  versionConflict: { status: 409, field: 'actions', message: (ctx) => ctx.t('networks.problem.versionConflict') },
});
