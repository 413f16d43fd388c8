/** Small helpers every routes file uses. */
import { z } from 'zod';
import { errorBodySchema } from '@kindred/common/errors';

/** A route's response schemas with the one error body added for every error status. */
export function withErrors<Responses extends Record<number, z.ZodType>>(responses: Responses) {
  return { ...responses, '4xx': errorBodySchema, '5xx': errorBodySchema };
}

export const noContent = z.null().describe('No content');
