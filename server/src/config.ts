/**
 * The only reader of process.env. Every setting is named, typed and validated here;
 * a missing or malformed one stops the start with one line naming it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { helpResourcesSchema, type HelpResources } from '@kindred/common/safety';

const booleanSetting = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const urlSetting = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}`,
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  BASE_URL: urlSetting(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: urlSetting(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: urlSetting(['redis:', 'rediss:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TRUST_PROXY: booleanSetting.default(false),
  AUTH_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  AUTH_RATE_LIMIT_PER_HANDLE: z.coerce.number().int().min(1).default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  HELP_RESOURCES_FILE: z.string().min(1).optional(),
  /** Set by npm to the directory it was run from: a relative DATA_DIR means relative to there. */
  INIT_CWD: z.string().optional(),
  EMERGENCY_NUMBER: z
    .string()
    .regex(/^[0-9]{2,6}$/, 'must be 2 to 6 digits')
    .optional(),
  MAP_TILE_URL: z
    .string()
    .refine(
      (value) => /^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(value),
      'must be an https URL with {z}, {x} and {y}',
    )
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().min(1).max(300).default('© OpenStreetMap contributors'),
  GEOCODER_URL: urlSetting(['https:', 'http:']).optional(),
  GEOCODER_CONTACT: z.string().min(3).max(200).optional(),
  MEETING_SOURCES_ON_PRIVATE_NETWORK: booleanSetting.default(false),
  COMMUNITY_NEW_MEMBER_DAYS: z.coerce.number().min(0).max(90).default(1),
  COMMUNITY_NEW_MEMBER_TOPICS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(3),
  COMMUNITY_NEW_MEMBER_REPLIES_PER_DAY: z.coerce.number().int().min(1).max(1000).default(10),
  COMMUNITY_NEW_MEMBER_SECONDS_BETWEEN_POSTS: z.coerce.number().int().min(0).max(3600).default(30),
  COMMUNITY_NEW_MEMBER_LINKS_PER_POST: z.coerce.number().int().min(0).max(100).default(2),
  COMMUNITY_DUPLICATE_POST_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  COMMUNITY_FLAGS_TO_HIDE: z.coerce.number().int().min(1).max(100).default(3),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** The public origin people use, e.g. https://kindred.example.org. Origin checks compare against it. */
  baseUrl: string;
  isHttps: boolean;
  database: { kind: 'embedded'; dataDir: string } | { kind: 'server'; url: string; poolSize: number };
  redisUrl: string | undefined;
  logLevel: string;
  sessionDays: number;
  trustProxy: boolean;
  authRateLimit: { perIp: number; perHandle: number; windowSeconds: number };
  help: HelpResources;
  meetings: {
    /** A {z}/{x}/{y} tile URL template for the finder's map; its origin is allowed in the CSP. */
    mapTileUrl: string;
    mapAttribution: string;
    /** An online geocoder (Nominatim's API) for places the packaged gazetteer does not know. */
    geocoder: { url: string; contact: string | undefined } | null;
    /** Whether editors' source URLs may point at private or local addresses (an intranet feed). */
    sourcesOnPrivateNetwork: boolean;
  };
  /** Trust levels and limits, in the spirit of Discourse's: a new member's first day is gentler on everyone. */
  community: {
    /** How long a member counts as new. */
    newMemberDays: number;
    newMemberTopicsPerDay: number;
    newMemberRepliesPerDay: number;
    newMemberSecondsBetweenPosts: number;
    newMemberLinksPerPost: number;
    /** The same text from the same member within this many minutes is refused (any member). */
    duplicatePostMinutes: number;
    /** Content reported by this many different members is hidden until a moderator reviews it. */
    flagsToHide: number;
  };
};

/** The crisis resources of a deployment in the United States (the default). */
export function unitedStatesHelpResources(emergencyNumber = '911'): HelpResources {
  return {
    emergencyNumber,
    resources: [
      {
        name: '988 Suicide & Crisis Lifeline',
        description:
          'Free, confidential support 24/7 for anyone in distress, including substance use crises. Call or text 988.',
        contacts: [
          { label: 'Call 988', href: 'tel:988' },
          { label: 'Text 988', href: 'sms:988' },
          { label: 'Chat at 988lifeline.org', href: 'https://988lifeline.org/chat/' },
        ],
      },
      {
        name: 'SAMHSA National Helpline',
        description:
          'Free, confidential treatment referral and information, 24 hours a day, 365 days a year, in English and Spanish. TTY 1-800-487-4889.',
        contacts: [
          { label: 'Call 1-800-662-4357', href: 'tel:+18006624357' },
          { label: 'TTY 1-800-487-4889', href: 'tel:+18004874889' },
        ],
      },
      {
        name: 'FindTreatment.gov',
        description: 'Find state-licensed treatment facilities for substance use and mental health near you.',
        contacts: [{ label: 'Visit findtreatment.gov', href: 'https://findtreatment.gov' }],
      },
    ],
  };
}

export class ConfigError extends Error {}

/** Reads and validates the settings; throws ConfigError with one line naming the bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty setting (`REDIS_URL=`) means "not set", as in most shells' .env files.
  const setValues = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(setValues);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'setting');
    throw new ConfigError(`Setting ${name} is invalid: ${issue.message} (got ${JSON.stringify(env[name] ?? null)})`);
  }
  const settings = parsed.data;
  const baseUrl = (settings.BASE_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, '');
  return {
    env: settings.NODE_ENV,
    port: settings.PORT,
    host: settings.HOST,
    baseUrl,
    isHttps: baseUrl.startsWith('https:'),
    database: settings.DATABASE_URL
      ? { kind: 'server', url: settings.DATABASE_URL, poolSize: settings.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: path.resolve(settings.INIT_CWD ?? process.cwd(), settings.DATA_DIR) },
    redisUrl: settings.REDIS_URL,
    logLevel: settings.LOG_LEVEL,
    sessionDays: settings.SESSION_DAYS,
    trustProxy: settings.TRUST_PROXY,
    authRateLimit: {
      perIp: settings.AUTH_RATE_LIMIT_PER_IP,
      perHandle: settings.AUTH_RATE_LIMIT_PER_HANDLE,
      windowSeconds: settings.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
    meetings: {
      mapTileUrl: settings.MAP_TILE_URL,
      mapAttribution: settings.MAP_ATTRIBUTION,
      geocoder: settings.GEOCODER_URL ? { url: settings.GEOCODER_URL, contact: settings.GEOCODER_CONTACT } : null,
      sourcesOnPrivateNetwork: settings.MEETING_SOURCES_ON_PRIVATE_NETWORK,
    },
    community: {
      newMemberDays: settings.COMMUNITY_NEW_MEMBER_DAYS,
      newMemberTopicsPerDay: settings.COMMUNITY_NEW_MEMBER_TOPICS_PER_DAY,
      newMemberRepliesPerDay: settings.COMMUNITY_NEW_MEMBER_REPLIES_PER_DAY,
      newMemberSecondsBetweenPosts: settings.COMMUNITY_NEW_MEMBER_SECONDS_BETWEEN_POSTS,
      newMemberLinksPerPost: settings.COMMUNITY_NEW_MEMBER_LINKS_PER_POST,
      duplicatePostMinutes: settings.COMMUNITY_DUPLICATE_POST_MINUTES,
      flagsToHide: settings.COMMUNITY_FLAGS_TO_HIDE,
    },
    help: settings.HELP_RESOURCES_FILE
      ? readHelpResourcesFile(settings.HELP_RESOURCES_FILE, settings.EMERGENCY_NUMBER)
      : unitedStatesHelpResources(settings.EMERGENCY_NUMBER),
  };
}

function readHelpResourcesFile(file: string, emergencyNumber: string | undefined): HelpResources {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `Setting HELP_RESOURCES_FILE is invalid: cannot read JSON from ${file} (${(error as Error).message})`,
    );
  }
  const parsed = helpResourcesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Setting HELP_RESOURCES_FILE is invalid: ${issue.path.join('.')} ${issue.message}`);
  }
  return emergencyNumber ? { ...parsed.data, emergencyNumber } : parsed.data;
}
