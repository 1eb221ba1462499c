/**
 * The open data's grants as their projects see them: each published decision with its project's
 * planned and actual dates and the payments released, and the grants made outside Stifinner's
 * calls (the historic programmes) from their projects.
 */
import type { Queryable } from '../platform/db/database.js';
import { findProgramme } from '../programmes/index.js';
import type { GrantFollowUp, PublishedGrant } from '../selection/index.js';
import { listPayments, listPlans, listProjects, type StoredProject } from './store.js';
import { projectWorkflow } from './workflows.js';

const day = (at: Date) => at.toISOString().slice(0, 10);

export async function openGrants(db: Queryable, published: readonly PublishedGrant[]): Promise<PublishedGrant[]> {
  const projects = (await listProjects(db)).filter((p) => p.state !== 'awaiting_acceptance');
  const payments = await listPayments(
    db,
    projects.map((p) => p.id),
  );
  const followUps = new Map<string, GrantFollowUp>();
  for (const project of projects) {
    // Planned: the first approved plan's dates; actual: the dates in force, the end once the project has ended.
    const first = (await listPlans(db, project.id)).filter((p) => p.state === 'approved').at(-1)?.content;
    followUps.set(project.id, {
      projectId: project.id,
      planned: first?.startsOn && first.endsOn ? { startDate: first.startsOn, endDate: first.endsOn } : null,
      actual: project.startsOn
        ? {
            startDate: project.startsOn,
            ...(projectWorkflow.isIn('ended', project.state) && project.endsOn ? { endDate: project.endsOn } : {}),
          }
        : null,
      disbursements: payments
        .filter((p) => p.projectId === project.id && p.state === 'released')
        .map((p) => ({ id: p.id, date: day(p.releasedAt!), amount: p.amount })),
    });
  }
  const byApplication = new Map(projects.filter((p) => p.applicationId).map((p) => [p.applicationId!, p]));
  const decided = published.map((grant) => {
    const project = byApplication.get(grant.applicationId);
    return project ? { ...grant, followUp: followUps.get(project.id)! } : grant;
  });
  const historic: PublishedGrant[] = [];
  for (const project of projects.filter((p) => p.applicationId === null))
    historic.push(await outsideCalls(db, project, followUps.get(project.id)!));
  return [...decided, ...historic];
}

/** A grant made before Stifinner (no call, no application): what its project records of it. */
async function outsideCalls(db: Queryable, project: StoredProject, followUp: GrantFollowUp): Promise<PublishedGrant> {
  const programme = (await findProgramme(db, project.programmeId))!;
  const plan = (await listPlans(db, project.id)).find((p) => p.state === 'approved')?.content;
  const awarded = project.acceptedAt ?? new Date();
  return {
    applicationId: project.id,
    callId: '',
    callTitle: programme.name,
    programmeId: programme.id,
    programmeName: programme.name,
    ownerOrganisationId: programme.ownerOrganisationId,
    ownerName: programme.ownerName,
    country: project.country,
    members: project.members.map((m) => ({ code: m.code, name: m.name })),
    amount: project.grant,
    requested: null,
    currency: project.currency,
    summary: plan?.purpose || project.title,
    awardDate: day(awarded),
    publishedAt: awarded,
    changedAfterAppeal: false,
    followUp,
  };
}
