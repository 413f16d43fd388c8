/**
 * Rate limits (@fastify/rate-limit). In memory for one instance; in Redis when REDIS_URL
 * is set, so the counts hold across every instance.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from './errors.ts';

export async function registerRateLimits(app: FastifyInstance, options: { redis?: Redis | undefined }): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(options.redis ? { redis: options.redis } : {}),
    nameSpace: 'kindred-rate-limit-',
    skipOnError: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Too many attempts. Please wait ${context.after} and try again.`,
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
}

export type RateLimitRule = {
  /** Distinguishes this rule's counters from every other's. */
  name: string;
  max: number;
  windowSeconds: number;
  /** Whose attempts are counted together; null skips the rule for this request. */
  key: (request: FastifyRequest) => string | null;
};

/** A preHandler enforcing one rule on a route. Several may guard the same route. */
export function rateLimitBy(app: FastifyInstance, rule: RateLimitRule) {
  return app.rateLimit({
    max: rule.max,
    timeWindow: rule.windowSeconds * 1000,
    // The rule's name keeps its counters apart from every other rule's.
    keyGenerator: (request) => `${rule.name}:${rule.key(request) ?? ''}`,
    allowList: (request) => rule.key(request) === null,
  });
}
