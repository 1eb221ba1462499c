/**
 * The receipt of a submitted version: an archivable PDF rendered in a background job (enqueued in
 * the submitting transaction) and stored as a file linked to the version, then mailed with the PDF
 * to the submitter and the members' contacts. A rerun keeps the first PDF and never mails twice.
 */
import type { DB } from '../platform/db/database.js';
import { findFile } from '../platform/files/store.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { intlTag, isLocale, type Locale, type MessageKey } from '../platform/i18n/index.js';
import { renderArchivalPdf, type DocumentSection } from '../platform/pdf/document.js';
import { translate } from '../platform/ui/translate.js';
import { explanationText, type AnswerValue, type TableRow } from '../programmes/index.js';
import { claimReceiptMail, markReceiptMailSent, storeReceiptPdf } from './receipt-store.js';
import { findSubmission, submittedChallenges, type StoredAttachment, type StoredSubmission } from './store.js';
import type { ProjectedChallenge } from './model.js';
import { challengeLines } from './projected-challenge.js';

export const RECEIPT_JOB = 'applications-receipt';

function localeOf(submission: StoredSubmission): Locale {
  return isLocale(submission.callLanguage) ? submission.callLanguage : 'nb';
}

function when(locale: Locale, at: Date): string {
  const zone = locale === 'da' ? 'Europe/Copenhagen' : 'Europe/Oslo';
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeStyle: 'medium', timeZone: zone }).format(at);
}

function answerText(value: AnswerValue | undefined, empty: string): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (typeof value === 'string') return value;
  if (value.every((item) => typeof item === 'string')) return (value as string[]).join(', ');
  return (value as (TableRow | StoredAttachment)[])
    .map((item) => ('fileId' in item ? `${String(item.name)} (${String(item.bytes)} B)` : Object.values(item).join(' | ')))
    .join('\n');
}

export function receiptDocument(submission: StoredSubmission, challenges: readonly ProjectedChallenge[]) {
  const locale = localeOf(submission);
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const empty = t('applications.pdf.empty');
  const sections: DocumentSection[] = [
    {
      heading: t('applications.pdf.received'),
      paragraphs: [
        t('applications.pdf.receivedText', {
          caseNumber: submission.caseNumber,
          number: submission.number,
          time: when(locale, submission.submittedAt),
          name: submission.submittedByName ?? '',
          deadline: when(locale, submission.deadline),
        }),
      ],
    },
    {
      heading: t('applications.pdf.members'),
      paragraphs: submission.members.map(
        (m) =>
          `${m.name} (${m.code}) – ${t(`applications.role.${m.role}`)}${m.decision ? ` – ${t(`programmes.body.${m.decision.body}`)} ${m.decision.date}` : ''}`,
      ),
    },
    {
      heading: t('applications.pdf.eligibility'),
      paragraphs: submission.eligibility.results.map((r) => explanationText(locale, r.explanation)),
    },
    ...submission.form.sections.map((section) => ({
      heading: section.title,
      paragraphs: section.parts.flatMap((part) => {
        if (part.kind !== 'projected-challenge') return [`${part.label}: ${answerText(submission.answers[part.key], empty)}`];
        const challenge = challenges.find((c) => c.part === part.key);
        return [`${part.label}:`, ...(challenge ? challengeLines(locale, challenge) : [t('applications.challenge.none')])];
      }),
    })),
  ];
  return { title: t('applications.pdf.title', { call: submission.callTitle }), language: intlTag(locale), author: 'Stifinner', sections };
}

/** Longer than a send can take, shorter than the job queue's expiry (15 minutes), which retries a job whose process died. */
export const RECEIPT_MAIL_LEASE_SECONDS = 5 * 60;

export interface ReceiptServices {
  db: DB;
  mailer: Mailer;
  /** The host in the receipt's Message-ID (the platform's public host). */
  messageHost: string;
  leaseSeconds?: number;
}

export type ReceiptOutcome = 'mailed' | 'alreadySent' | 'beingSent' | 'noRecipients' | 'noSubmission';

/**
 * Makes the receipt of a submitted version: the PDF once (a rerun attaches the stored one), then
 * the mail exactly once: claimed before sending, with a Message-ID that a resend after a crash
 * between sending and marking repeats, so the receiving systems see one message.
 */
export async function produceReceipt(services: ReceiptServices, submissionId: string): Promise<ReceiptOutcome> {
  const { db, mailer } = services;
  const submission = await findSubmission(db, submissionId);
  if (!submission) return 'noSubmission';
  const fileName = `kvittering-${submission.number}.pdf`;
  const fileId =
    submission.pdfFileId ??
    (await storeReceiptPdf(
      db,
      submissionId,
      await renderArchivalPdf(receiptDocument(submission, await submittedChallenges(db, submissionId))),
      fileName,
    ));
  if (submission.recipients.length === 0) return 'noRecipients';
  const claim = await claimReceiptMail(
    db,
    submissionId,
    `<receipt.${submissionId}@${services.messageHost}>`,
    services.leaseSeconds ?? RECEIPT_MAIL_LEASE_SECONDS,
  );
  if (claim.state === 'sent') return 'alreadySent';
  if (claim.state === 'busy') return 'beingSent';
  const pdf = (await findFile(db, fileId))!.content;
  const locale = localeOf(submission);
  await mailer.send({
    to: submission.recipients,
    subject: translate(locale, 'applications.mail.subject', { caseNumber: submission.caseNumber, call: submission.callTitle }),
    text: translate(locale, 'applications.mail.body', {
      members: submission.members.map((m) => m.name).join(', '),
      call: submission.callTitle,
      time: when(locale, submission.submittedAt),
      number: submission.number,
      name: submission.submittedByName ?? '',
    }),
    attachments: [{ filename: fileName, contentType: 'application/pdf', content: pdf }],
    messageId: claim.messageId,
  });
  await markReceiptMailSent(db, submissionId);
  return 'mailed';
}
