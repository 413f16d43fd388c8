/**
 * The one error vocabulary of Kindred. Every error body, HTTP or WebSocket, is
 * `{ error: { code, message, details? } }`; the code decides the HTTP status.
 */
import { z } from 'zod';

export const errorStatusByCode = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatusByCode;

export const errorCodes = Object.keys(errorStatusByCode) as [ErrorCode, ...ErrorCode[]];

/** One problem with one field of an input, as shown next to that field in a form. */
export const fieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the field, e.g. "handle" or "languages.0"'),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().describe('Safe to show to a person'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Every error from every route has this shape');
export type ErrorBody = z.infer<typeof errorBodySchema>;
