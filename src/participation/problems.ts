/** The one table from participation's problems to an HTTP status and a translated message. */
import { defineProblems } from '../platform/outcome.js';
import type { IdeaRefusal } from './ideas.use-cases.js';
import type { ParticipationProblem } from './use-cases.js';

export const explainProblem = defineProblems<ParticipationProblem>({
  initiativeNotFound: { status: 404, message: (ctx) => ctx.t('participation.problem.initiativeNotFound') },
  notResident: { status: 403, field: 'actions', message: (ctx) => ctx.t('participation.problem.notResident') },
  notStatutory: { status: 409, field: 'scope', message: (ctx) => ctx.t('participation.problem.notStatutory') },
  noDanishCounty: { status: 409, field: 'scope', message: (ctx) => ctx.t('participation.problem.noDanishCounty') },
  notInitiator: { status: 403, field: 'actions', message: (ctx) => ctx.t('participation.problem.notInitiator') },
  notModerator: { status: 403, field: 'actions', message: (ctx) => ctx.t('participation.problem.notModerator') },
  notAsked: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.notAsked') },
  coInitiatorsPending: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.coInitiatorsPending') },
  illegalTransition: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.illegalTransition') },
  versionConflict: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.versionConflict') },
  notOpen: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.notOpen') },
  alreadySigned: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.alreadySigned') },
  notSigned: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.problem.notSigned') },
  tooManyDrafts: { status: 429, field: 'title', message: (ctx, p) => ctx.t('participation.problem.tooManyDrafts', { max: p.max }) },
  tooManyDraftsFromAddress: {
    status: 429,
    field: 'title',
    message: (ctx, p) => ctx.t('participation.problem.tooManyDraftsFromAddress', { max: p.max }),
  },
  sameDraft: { status: 409, field: 'title', message: (ctx) => ctx.t('participation.problem.sameDraft') },
  tooManyFiles: { status: 409, field: 'file', message: (ctx, p) => ctx.t('participation.problem.tooManyFiles', { count: p.max }) },
  fileNotFound: { status: 404, field: 'file', message: (ctx) => ctx.t('participation.problem.fileNotFound') },
  thresholdNotReached: {
    status: 409,
    field: 'actions',
    message: (ctx, p) => ctx.t('participation.problem.thresholdNotReached', { signatures: p.signatures, threshold: p.threshold }),
  },
});

/** The ideas box's problems: a limit reached answers 429 (too many requests), in the person's language. */
export const explainIdeaProblem = defineProblems<IdeaRefusal>({
  ideaNotFound: { status: 404, message: (ctx) => ctx.t('participation.idea.problem.ideaNotFound') },
  unknownReceiver: { status: 400, field: 'receiver', message: (ctx) => ctx.t('participation.idea.problem.unknownReceiver') },
  notReceiver: { status: 403, field: 'actions', message: (ctx) => ctx.t('participation.idea.problem.notReceiver') },
  ideaIllegalTransition: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.idea.problem.ideaIllegalTransition') },
  versionConflict: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.idea.problem.versionConflict') },
  ideaClosed: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.idea.problem.ideaClosed') },
  alreadySupported: { status: 409, field: 'actions', message: (ctx) => ctx.t('participation.idea.problem.alreadySupported') },
  tooManyIdeas: { status: 429, field: 'title', message: (ctx, p) => ctx.t('participation.idea.problem.tooManyIdeas', { max: p.max }) },
  tooManyIdeasFromAddress: {
    status: 429,
    field: 'title',
    message: (ctx, p) => ctx.t('participation.idea.problem.tooManyIdeasFromAddress', { max: p.max }),
  },
  sameIdea: { status: 409, field: 'title', message: (ctx) => ctx.t('participation.idea.problem.sameIdea') },
});
