/** Text fields as forms send them, one rule everywhere: trimmed, limited, and empty meaning "not set". */
import { z } from 'zod';

/** Optional text: trimmed; empty from a form becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .transform((text) => (text === '' ? null : text))
    .nullable();

/** Required text: trimmed, not empty. */
export const requiredText = (max: number, label: string) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} has at most ${max} characters.`);
