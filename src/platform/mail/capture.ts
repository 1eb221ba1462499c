import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DB } from '../db/database.js';
import { saveCapturedMail } from './store.js';

export interface MailCapture {
  /** The SMTP URL to send to. */
  url: string;
  close(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []]
    .flat()
    .flatMap((group) => group.value.map((address) => address.address ?? ''))
    .filter(Boolean);
}

/**
 * A real SMTP server inside the process, for development and tests: mail is received over SMTP
 * exactly as a relay would, parsed, and kept in the database for the outbox page.
 */
export async function startMailCapture(db: DB): Promise<MailCapture> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) =>
            saveCapturedMail(db, {
              sender: addresses(parsed.from).join(', '),
              recipients: addresses(parsed.to),
              subject: parsed.subject ?? '',
              textBody: parsed.text ?? '',
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
              raw,
            }),
          )
          .then(
            () => callback(),
            (error: Error) => callback(error),
          );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
