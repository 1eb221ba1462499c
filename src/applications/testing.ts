/**
 * Test fixtures for applications: a complete network on the open demo call (Porsgrunn leads,
 * Skien and Notodden accept, every member's decision attached, every required part answered),
 * written through the capability's own use cases.
 */
import type { DB } from '../platform/db/database.js';
import type { Actor } from '../platform/db/kit.js';
import { findCall } from '../programmes/index.js';
import {
  addAttachment,
  attachMemberDecision,
  inviteMunicipality,
  respondToInvitation,
  saveAnswers,
  startApplication,
} from './use-cases.js';
import { orThrow } from '../platform/outcome.js';

export const pdfFile = (name: string) => ({ name, contentType: 'application/pdf', content: Buffer.from(`%PDF-1.7 ${name}`) });

const TELEMARK = [
  ['4001', 'Porsgrunn'],
  ['4003', 'Skien'],
  ['4005', 'Notodden'],
] as const;

/** Lets the fixtures start many applications for the same municipalities in one round of the call. */
export async function allowManyApplicationsPerRound(db: DB, callId: string, allow = true): Promise<void> {
  await db.updateTable('programme_calls').set({ one_application_per_round: !allow }).where('id', '=', callId).execute();
}

export async function completeNetwork(
  db: DB,
  callId: string,
  actor: Actor,
  leadCode: (typeof TELEMARK)[number][0] = '4001',
): Promise<string> {
  const call = (await findCall(db, callId))!;
  const [, leadName] = TELEMARK.find(([code]) => code === leadCode)!;
  const id = orThrow(
    await startApplication(db, call, { code: leadCode, name: leadName, contactEmail: 'silje.andersen@porsgrunn.example.no' }, actor),
  );
  for (const [code, name] of TELEMARK.filter(([code]) => code !== leadCode)) {
    orThrow(await inviteMunicipality(db, id, { code, name }, 5, actor));
    orThrow(await respondToInvitation(db, id, code, 'accepted', `post@${code}.example.no`, actor));
  }
  for (const code of ['4001', '4003', '4005'])
    orThrow(await attachMemberDecision(db, id, code, { body: 'kommunestyre', date: '2026-11-10' }, pdfFile(`${code}.pdf`), actor));
  const version = orThrow(
    await saveAnswers(
      db,
      id,
      1,
      {
        'challenge.text': 'Flere eldre.',
        'plan.text': 'Felles rekruttering.',
        'plan.goal': 'Ti prosent.',
        'economy.applied': '2 000 000',
        'plan.start': '2026-11-10',
        'anchoring.text': 'Behandlet i formannskapet og med de ansatte.',
      },
      actor,
    ),
  );
  orThrow(await addAttachment(db, id, version, 'plan.document', pdfFile('vedtak.pdf'), actor));
  return id;
}
