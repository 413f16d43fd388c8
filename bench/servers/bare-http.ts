/**
 * The baseline: a bare node:http server sending what Kindred's GET /api/health sends (the same
 * body and security headers), so the comparison measures the framework, not the header bytes
 * the load generator has to parse.
 */
import http from 'node:http';
import { securityHeaders } from '../../server/src/platform/request-guard.ts';

const port = Number(process.env.PORT ?? 3401);
const body = JSON.stringify({ status: 'ok' });
const headers = {
  ...securityHeaders({ isHttps: false }),
  'content-type': 'application/json; charset=utf-8',
  'content-length': Buffer.byteLength(body),
};
http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(port, '127.0.0.1', () => console.log(`bare node:http listening on ${port}`));
