import { createConnection } from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

/**
 * A WebSocket-to-TCP relay in front of a local PostgreSQL, standing in for Neon's own proxy so
 * `npm run test:neon` drives @neondatabase/serverless against a plain server. Each WebSocket is
 * one Postgres connection; bytes pass unchanged both ways. It only ever dials `target`, whatever
 * address the driver asks for, so it cannot be used to reach anything else.
 */
export async function startWebSocketProxy(target: { host: string; port: number }): Promise<{ address: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket) => {
    const tcp = createConnection(target);
    const pending: Buffer[] = [];
    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: Buffer) => {
      if (tcp.connecting) pending.push(data);
      else tcp.write(data);
    });
    tcp.on("data", (data) => socket.send(data));
    socket.on("close", () => tcp.end());
    socket.on("error", () => tcp.destroy());
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.terminate());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
