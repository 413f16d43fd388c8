/** Safety: the crisis resources shown on /help and linked from every page. */
import { z } from 'zod';

export const helpResourceSchema = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
  /** How to reach it: each becomes a link (tel:, sms: or https:). */
  contacts: z
    .array(
      z.object({
        label: z.string().min(1),
        href: z.string().regex(/^(tel:|sms:|https:\/\/)/, 'Contact links start with tel:, sms: or https://'),
      }),
    )
    .min(1),
});
export type HelpResource = z.infer<typeof helpResourceSchema>;

export const helpResourcesSchema = z.object({
  emergencyNumber: z.string().regex(/^[0-9]{2,6}$/, 'An emergency number is 2 to 6 digits'),
  resources: z.array(helpResourceSchema).min(1),
});
export type HelpResources = z.infer<typeof helpResourcesSchema>;
