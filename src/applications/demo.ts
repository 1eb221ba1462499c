/**
 * Demo data for the steps after applying: an application started, filled, backed by every
 * member's political decision and submitted through this capability's own use cases, as
 * the municipalities' case workers would do it on an open call. No receipt job is enqueued: the
 * demo's applicants have no mailbox.
 */
import type { DB } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import type { Answers, StoredCall } from '../programmes/index.js';
import {
  addAttachment,
  attachMemberDecision,
  inviteMunicipality,
  respondToInvitation,
  saveAnswers,
  startApplication,
  submitApplication,
} from './use-cases.js';
import { orThrow } from '../platform/outcome.js';

export interface DemoApplication {
  lead: { code: string; name: string };
  partners: { code: string; name: string }[];
  answers: Answers;
  /** The attachment part that carries the decisions, if the form has one. */
  attachmentPart?: string;
  decisionDate: string;
}

/** The municipality's public mailbox (postmottak) in the demo, so that receipts and letters reach the outbox. */
const demoMailbox = (name: string) =>
  `postmottak@${name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')}.kommune.example.no`;

const DEMO_PDF = (name: string) => ({ name, contentType: 'application/pdf', content: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

/** Submits one demo application on a call whose round is open now; returns its id. */
export async function submitDemoApplication(db: DB, call: StoredCall, demo: DemoApplication, actor: Actor): Promise<string> {
  const id = orThrow(await startApplication(db, call, { ...demo.lead, contactEmail: demoMailbox(demo.lead.name) }, actor));
  for (const partner of demo.partners) {
    orThrow(await inviteMunicipality(db, id, partner, undefined, actor));
    orThrow(await respondToInvitation(db, id, partner.code, 'accepted', demoMailbox(partner.name), actor));
  }
  for (const member of [demo.lead, ...demo.partners]) {
    orThrow(
      await attachMemberDecision(
        db,
        id,
        member.code,
        { body: 'kommunestyre', date: demo.decisionDate },
        DEMO_PDF(`vedtak-${member.code}.pdf`),
        actor,
      ),
    );
  }
  let version = orThrow(await saveAnswers(db, id, 1, demo.answers, actor));
  if (demo.attachmentPart) version = orThrow(await addAttachment(db, id, version, demo.attachmentPart, DEMO_PDF('vedtak.pdf'), actor));
  orThrow(await submitApplication(db, id, version, actor));
  return id;
}
