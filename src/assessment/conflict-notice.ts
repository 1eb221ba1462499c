/** The mail that tells the programme owner to reassign when a reviewer declares a conflict (`CONFLICT_NOTICE_JOB`). */
import type { FastifyInstance } from 'fastify';
import { findPrincipal, listRoleHolders } from '../platform/auth/store.js';
import { isLocale, type Locale } from '../platform/i18n/index.js';
import { translate } from '../platform/ui/translate.js';
import { findCall } from '../programmes/index.js';
import { applicantText } from './texts.js';
import { findAssignment, submittedVersion } from './store.js';
import { CONFLICT_NOTICE_JOB } from './use-cases.js';

export async function workConflictNotices(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  await app.jobs.work<{ assignmentId: string }>(CONFLICT_NOTICE_JOB, async ({ assignmentId }) => {
    const assignment = await findAssignment(db, assignmentId);
    const call = assignment ? await findCall(db, assignment.callId) : undefined;
    if (!assignment || !call) return;
    const owners = await listRoleHolders(db, { role: 'programme_owner', organisationId: call.programme.ownerOrganisationId });
    const to = [...new Set(owners.flatMap((o) => (o.email ? [o.email] : [])))];
    if (to.length === 0) return;
    const locale: Locale = isLocale(call.content.language) ? call.content.language : 'nb';
    const submission = await submittedVersion(db, call.id, assignment.applicationId);
    const reviewer = await findPrincipal(db, assignment.reviewerId, 'employee');
    const params = {
      reviewer: reviewer?.name ?? '',
      applicant: submission ? applicantText(submission) : '',
      call: call.content.title,
      kind: translate(locale, `assessment.conflictKind.${assignment.conflictKind ?? 'other'}`),
      text: assignment.conflictText ?? '',
      link: `${app.config.publicUrl}/eier/utlysninger/${call.id}/vurdering?lang=${locale}`,
    };
    await app.mailer.send({
      to,
      subject: translate(locale, 'assessment.mail.subject', params),
      text: translate(locale, 'assessment.mail.body', params),
    });
  });
}
