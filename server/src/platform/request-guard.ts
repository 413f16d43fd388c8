/**
 * The first thing every request meets, in one onRequest hook (each hook costs throughput):
 * the security headers, computed once (docs/decisions/003), and the cross-site check.
 *
 * Cross-site check: state-changing requests sent by another site are refused (CSRF).
 * Browsers send Origin on every cross-origin POST; it must be Kindred's own origin (BASE_URL,
 * or the origin the request was sent to). Clients that send no Origin (curl, other servers)
 * carry no ambient browser cookies and pass.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** The content security policy; `imageOrigins` are the map tile servers the finder's map may load. */
export function contentSecurityPolicy(imageOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    ["img-src 'self' data:", ...imageOrigins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The headers every response carries. */
export function securityHeaders(options: {
  isHttps: boolean;
  imageOrigins?: readonly string[] | undefined;
}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options.imageOrigins),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self), interest-cohort=()',
    ...(options.isHttps ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function registerRequestGuard(
  app: FastifyInstance,
  options: { baseUrl: string; isHttps: boolean; imageOrigins?: readonly string[] },
): void {
  const baseOrigin = new URL(options.baseUrl).origin;
  const headers = securityHeaders(options);

  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (SAFE_METHODS.has(request.method)) return done();
    const origin = request.headers.origin;
    const isCrossSite = request.headers['sec-fetch-site'] === 'cross-site';
    const isForeignOrigin =
      origin !== undefined && origin !== baseOrigin && origin !== `${request.protocol}://${request.host}`;
    if (isCrossSite || isForeignOrigin) {
      return done(new AppError('forbidden', 'This request came from another site and was refused.'));
    }
    done();
  });
}
