// A server that answers every request at once: 202 with no body, as the bot answers
// POST /api/v2/alerts. bench/alert-intake.ts sends it the same requests as the bot and Alertmanager,
// to show how fast the client itself can go on this machine: `tcp` writes the answer as soon as a
// request is in, without parsing it; `http` is node's own HTTP server doing nothing else, the
// fastest any node server can answer.
//   node bench/noop-server.mjs <port> tcp|http
import { Buffer } from 'node:buffer';
import http from 'node:http';
import net from 'node:net';

const answer = Buffer.from('HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n');
const tcpServer = () => net.createServer((socket) => {
  socket.setNoDelay(true);
  let pending = '';
  socket.on('data', (chunk) => {
    pending += chunk.toString('latin1');
    for (;;) {
      const headersEnd = pending.indexOf('\r\n\r\n');
      if (headersEnd < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(pending.slice(0, headersEnd))?.[1] ?? 0);
      if (pending.length < headersEnd + 4 + length) return;
      pending = pending.slice(headersEnd + 4 + length);
      socket.write(answer);
    }
  });
  socket.on('error', () => socket.destroy());
});

const httpServer = () =>
  http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(202, { 'content-length': '0' });
      response.end();
    });
  });

(process.argv[3] === 'http' ? httpServer() : tcpServer()).listen(Number(process.argv[2]), '127.0.0.1');
