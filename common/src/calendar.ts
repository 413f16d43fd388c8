/** Calendar days and wall-clock times as forms and URLs send them, shared by every area. */
import { z } from 'zod';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (no 2025-02-30). */
export function isPlainDate(text: string): boolean {
  if (!PLAIN_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const plainDateSchema = z
  .string()
  .refine(isPlainDate, 'Enter a date as YYYY-MM-DD.')
  .describe('A calendar date in the member’s time zone, YYYY-MM-DD');

export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM (24-hour).')
  .describe('A wall-clock time in the member’s time zone, HH:MM');
