/**
 * Refuses state-changing requests sent by another site (CSRF). Browsers send Origin on
 * every cross-origin POST; it must be Kindred's own origin (BASE_URL, or the Host the
 * request was sent to). Clients that send no Origin (curl, other servers) carry no
 * ambient cookies from a browser and pass.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOriginCheck(app: FastifyInstance, options: { baseUrl: string }): void {
  const baseOrigin = new URL(options.baseUrl).origin;
  app.addHook('onRequest', (request, _reply, done) => {
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
