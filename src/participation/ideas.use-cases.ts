/**
 * What people do with the ideas box, one function each, in one transaction with its version check,
 * its audit entry and its mail: send an idea, support it, and — as its receiver — publish or
 * refuse it, comment on it, decide on it, or hide it.
 */
import { recordAudit } from '../platform/audit/store.js';
import type { Membership } from '../platform/auth/model.js';
import { countyRecipients, municipalityRecipients } from '../platform/auth/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import type { MessageKey } from '../platform/i18n/catalogue.js';
import { notify } from '../platform/notifications/notify.js';
import { inTransaction, isRefused, refuse, type Refused, type VersionConflict, versionConflict } from '../platform/outcome.js';
import {
  IDEAS_PER_ADDRESS_PER_DAY,
  IDEAS_PER_DAY,
  sameIdeaKey,
  type IdeaDraft,
  type IdeaOutcomeLink,
  type Receiver,
} from './ideas.model.js';
import {
  findMinistry,
  hasSentSameIdea,
  ideasSentToday,
  insertComment,
  insertIdea,
  insertSupport,
  lockIdea,
  moveIdea,
  findIdea,
  type IdeaChanges,
  type StoredIdea,
} from './ideas.store.js';
import { answersFor, caseWorkerAreas, type Country } from './model.js';
import { findCountyArea, findMunicipalityArea } from './thresholds.js';
import type { Effects, Person } from './use-cases.js';
import { ideaWorkflow, type IdeaAction, type IdeaState } from './workflows.js';

export type IdeaRefusal =
  | { kind: 'ideaNotFound' }
  | { kind: 'unknownReceiver' }
  /** Only the receiver's own people (its case workers, the ministry's staff) may moderate and answer. */
  | { kind: 'notReceiver' }
  | { kind: 'ideaIllegalTransition'; state: IdeaState; action: IdeaAction }
  | VersionConflict
  | { kind: 'ideaClosed' }
  | { kind: 'alreadySupported' }
  | { kind: 'tooManyIdeas'; max: number }
  | { kind: 'tooManyIdeasFromAddress'; max: number }
  | { kind: 'sameIdea' };

type Outcome<T> = Promise<T | Refused<IdeaRefusal>>;

export interface ResolvedReceiver extends Receiver {
  name: string;
  country: Country;
}

/** The receiver with its name and country, if it exists: a municipality or county in the registry, or a ministry on the platform. */
export async function resolveReceiver(db: Queryable, receiver: Receiver): Promise<ResolvedReceiver | undefined> {
  if (receiver.kind === 'ministry') {
    const ministry = await findMinistry(db, receiver.code);
    return ministry && { kind: 'ministry', code: ministry.id, name: ministry.name, country: ministry.country };
  }
  const area = receiver.kind === 'county' ? await findCountyArea(db, receiver.code) : await findMunicipalityArea(db, receiver.code);
  return area && { kind: area.kind, code: area.code, name: area.name, country: area.country };
}

/**
 * The membership through which a person answers ideas to this receiver: the case workers of the
 * municipality or county authority (fylkeskommune), any member of the ministry.
 */
export function receiverMembership(
  person: Pick<Person, 'memberships'>,
  idea: Pick<StoredIdea, 'receiverKind' | 'receiverCode'>,
): Membership | undefined {
  const { memberships } = person;
  if (idea.receiverKind === 'ministry')
    return memberships.find((m) => m.organisationKind === 'ministry' && m.organisationId === idea.receiverCode);
  const area = { scope: idea.receiverKind, code: idea.receiverCode };
  return memberships.find((m) => answersFor([m], area));
}

/** Every receiver a person answers for, to list what waits for them. */
export const receiversOf = (person: Pick<Person, 'memberships'>): Receiver[] => [
  ...caseWorkerAreas(person.memberships).map((a): Receiver => ({ kind: a.scope, code: a.code })),
  ...person.memberships
    .filter((m) => m.organisationKind === 'ministry')
    .map((m): Receiver => ({ kind: 'ministry', code: m.organisationId })),
];

const audit = (trx: Tx, actor: Actor, id: string, action: string, from: string | null, to: string | null, reason?: string | null) =>
  recordAudit(trx, {
    actor: actor.user,
    requestId: actor.requestId,
    recordType: 'idea',
    recordId: id,
    action,
    fromState: from,
    toState: to,
    reason: reason ?? null,
  });

const ideaPath = (id: string) => `/ideer/${id}`;

/**
 * Anyone signed in sends an idea. At most five a day from one person and twenty from one network
 * address, and never the same title to the same receiver twice; the municipality hears of it by mail.
 */
export function sendIdea(
  db: Queryable,
  person: Person,
  draft: IdeaDraft,
  sentFrom: string | null,
  actor: Actor,
  { jobs }: Effects = {},
): Outcome<string> {
  return inTransaction(db, async (trx) => {
    const receiver = await resolveReceiver(trx, draft.receiver);
    if (!receiver) return refuse<IdeaRefusal>({ kind: 'unknownReceiver' });
    const sent = await ideasSentToday(trx, person.userId, sentFrom);
    if (sent.byPerson >= IDEAS_PER_DAY) return refuse<IdeaRefusal>({ kind: 'tooManyIdeas', max: IDEAS_PER_DAY });
    if (sentFrom && sent.byAddress >= IDEAS_PER_ADDRESS_PER_DAY)
      return refuse<IdeaRefusal>({ kind: 'tooManyIdeasFromAddress', max: IDEAS_PER_ADDRESS_PER_DAY });
    const sameKey = sameIdeaKey(draft.title);
    if (await hasSentSameIdea(trx, person.userId, receiver.kind, receiver.code, sameKey)) return refuse<IdeaRefusal>({ kind: 'sameIdea' });
    const id = await insertIdea(trx, {
      country: receiver.country,
      receiverKind: receiver.kind,
      receiverCode: receiver.code,
      receiverName: receiver.name,
      theme: draft.theme,
      title: draft.title,
      description: draft.description,
      anonymous: draft.anonymous,
      authorId: person.userId,
      sentFrom,
      sameKey,
    });
    await audit(trx, actor, id, 'create', null, 'submitted', draft.title);
    if (jobs && receiver.kind !== 'ministry')
      await notify(trx, jobs, {
        occasion: `idea-sent:${id}`,
        recipients: await (receiver.kind === 'county' ? countyRecipients : municipalityRecipients)(trx, receiver.country, [receiver.code], {
          mailbox: false,
        }),
        locale: receiver.country === 'DK' ? 'da' : 'nb',
        subject: 'participation.idea.mail.sent.subject',
        body: 'participation.idea.mail.sent.body',
        params: { title: draft.title, receiver: receiver.name },
        link: ideaPath(id),
      });
    return id;
  });
}

/** What the receiver decides, with what each decision carries. */
export type IdeaDecision =
  | { action: 'publish' }
  | { action: 'refuse'; reason: string }
  | { action: 'consider' }
  | { action: 'takeUp'; link: IdeaOutcomeLink }
  | { action: 'notTakeUp'; reason: string }
  | { action: 'hide'; reason: string };

const changesOf = (decision: IdeaDecision): IdeaChanges => {
  if (decision.action === 'takeUp') return { outcome: decision.link };
  if (decision.action === 'refuse' || decision.action === 'notTakeUp') return { answer: decision.reason };
  return {};
};

const auditReasonOf = (decision: IdeaDecision): string | null =>
  decision.action === 'takeUp' ? decision.link.url : 'reason' in decision ? decision.reason : null;

/** The receiver publishes, refuses, considers, takes up (linked to what it became), does not take up, or hides an idea; the author is told by mail. */
export function decideOnIdea(
  db: Queryable,
  id: string,
  version: number,
  decision: IdeaDecision,
  person: Person,
  actor: Actor,
  { jobs }: Effects = {},
): Outcome<IdeaState> {
  return inTransaction(db, async (trx) => {
    const idea = await lockIdea(trx, id);
    if (!idea) return refuse<IdeaRefusal>({ kind: 'ideaNotFound' });
    if (idea.version !== version) return refuse<IdeaRefusal>(versionConflict(idea.version, version));
    if (!receiverMembership(person, idea)) return refuse<IdeaRefusal>({ kind: 'notReceiver' });
    const step = ideaWorkflow.apply(idea.state, decision.action);
    if (isRefused(step)) return refuse<IdeaRefusal>({ kind: 'ideaIllegalTransition', state: idea.state, action: decision.action });
    if (!(await moveIdea(trx, id, version, step.from, step.to, changesOf(decision))))
      return refuse<IdeaRefusal>(versionConflict(version + 1, version));
    await audit(trx, actor, id, decision.action, step.from, step.to, auditReasonOf(decision));
    await tellAuthor(
      trx,
      jobs,
      idea,
      `${decision.action}-${version}`,
      `participation.idea.mail.${decision.action}.subject`,
      `participation.idea.mail.${decision.action}.body`,
      {
        answer: 'reason' in decision ? decision.reason : '',
        link: decision.action === 'takeUp' ? `${decision.link.title} (${decision.link.url})` : '',
      },
    );
    return step.to;
  });
}

async function tellAuthor(
  trx: Tx,
  jobs: Effects['jobs'],
  idea: StoredIdea,
  occasion: string,
  subject: MessageKey,
  body: MessageKey,
  params: Record<string, string>,
) {
  if (!jobs) return;
  await notify(trx, jobs, {
    occasion: `idea-${occasion}:${idea.id}`,
    recipients: [{ userId: idea.authorId, email: idea.authorEmail }],
    locale: idea.country === 'DK' ? 'da' : 'nb',
    subject,
    body,
    params: { title: idea.title, receiver: idea.receiverName, ...params },
    link: ideaPath(idea.id),
  });
}

/** The receiver comments on a published idea, in the name of its organisation; the author is told. */
export function commentOnIdea(
  db: Queryable,
  id: string,
  body: string,
  person: Person,
  actor: Actor,
  { jobs }: Effects = {},
): Outcome<void> {
  return inTransaction(db, async (trx) => {
    const idea = await lockIdea(trx, id);
    if (!idea || !ideaWorkflow.isIn('public', idea.state)) return refuse<IdeaRefusal>({ kind: 'ideaNotFound' });
    const membership = receiverMembership(person, idea);
    if (!membership) return refuse<IdeaRefusal>({ kind: 'notReceiver' });
    const comments = await insertComment(trx, id, person.userId, membership.organisationName, body);
    await audit(trx, actor, id, 'comment', idea.state, idea.state, body.slice(0, 200));
    await tellAuthor(
      trx,
      jobs,
      idea,
      `comment-${comments}`,
      'participation.idea.mail.comment.subject',
      'participation.idea.mail.comment.body',
      {
        organisation: membership.organisationName,
        answer: body,
      },
    );
  });
}

/**
 * A signed-in person supports a published idea the receiver has not decided on yet, once: a second
 * attempt is refused and never counts twice (the primary key decides, also at the same instant).
 */
export async function supportIdea(db: Queryable, id: string, person: Person): Outcome<void> {
  const idea = await findIdea(db, id);
  if (!idea || !ideaWorkflow.isIn('public', idea.state)) return refuse<IdeaRefusal>({ kind: 'ideaNotFound' });
  if (!ideaWorkflow.isIn('open', idea.state)) return refuse<IdeaRefusal>({ kind: 'ideaClosed' });
  if (!(await insertSupport(db, id, person.userId))) return refuse<IdeaRefusal>({ kind: 'alreadySupported' });
}
