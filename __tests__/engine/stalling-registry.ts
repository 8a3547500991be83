// A registry on 127.0.0.1 that fails the way real ones do under load: it accepts the connection
// and never answers (`silent`), or answers every request with HTTP 500 (`failing`). The testbed's
// real registry cannot be made to do either.
import { createServer, type Server, type Socket } from 'node:net';

export interface StallingRegistry {
  /** host:port, as an image reference names a registry. */
  address: string;
  /** Connections it has accepted. */
  connections(): number;
  close(): Promise<void>;
}

export async function startStallingRegistry(mode: 'silent' | 'failing'): Promise<StallingRegistry> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'failing') {
      socket.once('data', () => socket.end('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
