/**
 * The decision letter's background job (enqueued in the deciding transaction): merge the letter in
 * its language, render it as archivable PDF, store it on the decision once, then mail it with the
 * PDF to the applicants. The mail is claimed before it is sent, so a retried job never sends it
 * twice; a refused send gives the claim back so the retry can send it.
 */
import type { FastifyInstance } from 'fastify';
import { findFile } from '../platform/files/store.js';
import { renderArchivalPdf } from '../platform/pdf/document.js';
import { findApplication, listSubmissions } from '../applications/store.js';
import { findCall } from '../programmes/store.js';
import { letterFileName, letterMail, mergeLetter, type LetterData } from './letters.js';
import { claimLetterMail, findDecision, markLetterSent, releaseLetterMail, storeLetter } from './store.js';

export const LETTER_JOB = 'selection-decision-letter';

export async function letterDataFor(app: FastifyInstance, applicationId: string): Promise<LetterData | undefined> {
  const db = app.database.db;
  const decision = await findDecision(db, applicationId);
  const application = await findApplication(db, applicationId);
  const call = application ? await findCall(db, application.callId) : undefined;
  const submission = (await listSubmissions(db, applicationId)).at(-1);
  if (!decision || !call || !submission) return undefined;
  return {
    members: submission.members.map((m) => m.name),
    call: call.content.title,
    programme: call.programme.name,
    owner: call.programme.ownerName,
    outcome: decision.state === 'rejected' ? 'rejected' : 'granted',
    amount: decision.amount,
    currency: decision.currency,
    conditions: decision.conditions,
    reason: decision.reason,
    decidedAt: decision.decidedAt,
    decidedBy: decision.decidedByName,
    reference: applicationId,
    timeZone: call.content.timeZone,
  };
}

export async function produceLetter(app: FastifyInstance, applicationId: string): Promise<void> {
  const db = app.database.db;
  const decision = await findDecision(db, applicationId);
  const data = await letterDataFor(app, applicationId);
  if (!decision || !data) return;
  const name = letterFileName(decision.letterLanguage, data.outcome);
  const pdf = await renderArchivalPdf(mergeLetter(decision.letterLanguage, data));
  // A rerun keeps (and mails) the letter made first.
  const stored = await findFile(db, await storeLetter(db, applicationId, pdf, name));
  if (!stored || decision.letterRecipients.length === 0 || !(await claimLetterMail(db, applicationId))) return;
  const mail = letterMail(decision.letterLanguage, data);
  try {
    await app.mailer.send({ to: decision.letterRecipients, subject: mail.subject, text: mail.text, attachments: [{ filename: name, contentType: 'application/pdf', content: stored.content }] });
  } catch (error) {
    await releaseLetterMail(db, applicationId);
    throw error;
  }
  await markLetterSent(db, applicationId, decision.letterRecipients);
}
