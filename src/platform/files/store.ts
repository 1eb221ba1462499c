import { createHash } from 'node:crypto';
import type { Generated } from 'kysely';
import type { Queryable } from '../db/database.js';

interface FileTable {
  id: Generated<string>;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

declare module '../db/schema.js' {
  interface Database {
    files: FileTable;
  }
}

export interface NewFile {
  name: string;
  contentType: string;
  content: Buffer;
  uploadedBy: string | null;
}

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

/**
 * Uploaded files live in the database like everything else, so any server process can serve them
 * and a file commits or rolls back with the record it belongs to.
 */
export async function saveFile(db: Queryable, file: NewFile): Promise<string> {
  const row = await db
    .insertInto('files')
    .values({
      name: file.name,
      content_type: file.contentType,
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploaded_by: file.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findFile(db: Queryable, id: string): Promise<StoredFile | undefined> {
  const row = await db
    .selectFrom('files')
    .select(['id', 'name', 'content_type', 'size_bytes', 'sha256', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    content: Buffer.from(row.content),
  };
}
