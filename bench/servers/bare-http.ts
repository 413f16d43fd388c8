/** The baseline: a bare node:http server answering what /api/health answers. */
import http from 'node:http';

const port = Number(process.env.PORT ?? 3401);
const body = JSON.stringify({ status: 'ok' });
http
  .createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  })
  .listen(port, '127.0.0.1', () => console.log(`bare node:http listening on ${port}`));
