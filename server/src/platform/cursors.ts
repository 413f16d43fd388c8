/** Opaque page cursors: a keyset position as base64url JSON, checked with a schema on the way back in. */
import type { z } from 'zod';
import { invalidField } from './errors.ts';

export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position in a cursor, or undefined for none; a cursor that does not read answers 400 on `cursor`. */
export function decodeCursor<Schema extends z.ZodType>(
  schema: Schema,
  cursor: string | undefined,
): z.output<Schema> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the error below.
  }
  throw invalidField('cursor', 'That page link is not valid any more; start again from the first page.');
}
