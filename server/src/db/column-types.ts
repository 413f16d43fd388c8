/** Column types Drizzle does not ship, shared by every area's tables. */
import { customType } from 'drizzle-orm/pg-core';

/** A full-text search document (computed in SQL, never from JavaScript). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
