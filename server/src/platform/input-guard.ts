/**
 * One rule every input shares: no NUL character anywhere (body, query string, path). PostgreSQL
 * text cannot hold one, so without this check a single "\u0000" in any field reached the database
 * and answered 500. Refused at the edge, before the route's schema, as a field error.
 */
import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.ts';

const NUL = '\u0000';

/** The dotted path of the first string (or key) holding a NUL character, or null. */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path || 'input' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      if (key.includes(NUL)) return itemPath;
      const found = findNulCharacter(item, itemPath);
      if (found !== null) return found;
    }
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = findNulCharacter(part);
      if (path !== null) throw invalidField(path, 'This cannot contain the NUL character (\\u0000).');
    }
  });
}
