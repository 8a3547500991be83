// A registry on 127.0.0.1 that fails the way real ones do: `silent` accepts the connection and
// never answers; `refuses-pushes` serves reads from the testbed's real registry and answers every
// write (the uploads of a push) with HTTP 500. The real registry cannot be made to do either.
import { createServer as createHttpServer, request } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';

export type Fault = { kind: 'silent' } | { kind: 'refuses-pushes'; /** host:port of the real registry. */ upstream: string };

export interface FaultyRegistry {
  /** host:port, as an image reference names a registry. */
  address: string;
  /** Connections it has accepted. */
  connections(): number;
  /** Writes it refused. */
  refused(): number;
  close(): Promise<void>;
}

export async function startFaultyRegistry(fault: Fault): Promise<FaultyRegistry> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let refused = 0;
  const server: Server =
    fault.kind === 'silent'
      ? createServer(() => undefined)
      : createHttpServer((incoming, answer) => {
          if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
            refused += 1;
            incoming.resume();
            answer.writeHead(500, { 'content-type': 'text/plain' }).end('refusing writes\n');
            return;
          }
          const [hostname, port] = fault.upstream.split(':');
          const upstream = request({ hostname, port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (served) => {
            answer.writeHead(served.statusCode ?? 502, served.headers);
            served.pipe(answer);
          });
          upstream.on('error', () => answer.writeHead(502).end());
          incoming.pipe(upstream);
        });
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    connections: () => accepted,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
