/**
 * Rate limits (rate-limiter-flexible). Counted in memory for one instance, in Redis when
 * REDIS_URL is set so the counts hold across every instance. Several rules may guard one
 * route (per address and per handle), which @fastify/rate-limit cannot do (docs/decisions/003).
 */
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from './errors.ts';

export type RateLimitRule = {
  /** Distinguishes this rule's counters from every other's. */
  name: string;
  max: number;
  windowSeconds: number;
  /** Whose attempts are counted together; null skips the rule for this request. */
  key: (request: FastifyRequest) => string | null;
};

/** A Fastify hook (onRequest or preHandler) that enforces one rule: 429 rate_limited with Retry-After. */
export function rateLimitBy(rule: RateLimitRule, redis: Redis | undefined) {
  const options = { keyPrefix: `kindred-rl:${rule.name}`, points: rule.max, duration: rule.windowSeconds };
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true })
    : new RateLimiterMemory(options);
  return async function enforceRateLimit(
    request: FastifyRequest,
    reply: { header(name: string, value: string): unknown },
  ) {
    const key = rule.key(request);
    if (key === null) return;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      reply.header('retry-after', String(retryAfterSeconds));
      throw new AppError(
        'rate_limited',
        `Too many attempts. Please wait ${describeWait(retryAfterSeconds)} and try again.`,
        {
          retryAfterSeconds,
        },
      );
    }
  };
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
