import net from "node:net";

export interface FailoverProxy {
  port: number;
  /** Which upstream port each accepted connection went to, in order. */
  routed: number[];
  close(): Promise<void>;
}

/**
 * A load balancer in miniature for tests: a TCP proxy on loopback that sends each new
 * connection to the first upstream that accepts it. Connections are not moved: when an
 * upstream dies its clients lose their socket and, reconnecting, land on the next live one.
 */
export async function startFailoverProxy(port: number, upstreams: number[]): Promise<FailoverProxy> {
  const sockets = new Set<net.Socket>();
  const routed: number[] = [];
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  const connectUpstream = (index: number, client: net.Socket) => {
    const target = upstreams[index];
    if (target === undefined) return void client.destroy();
    const upstream = net.connect({ host: "127.0.0.1", port: target });
    track(upstream);
    let connected = false;
    upstream.on("error", () => {
      // Refused (the instance is down): try the next one. Later errors end both sides.
      if (!connected) connectUpstream(index + 1, client);
      else client.destroy();
    });
    upstream.once("connect", () => {
      connected = true;
      routed.push(target);
      client.pipe(upstream).pipe(client);
      upstream.once("close", () => client.destroy());
      client.once("close", () => upstream.destroy());
    });
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on("error", () => client.destroy());
    connectUpstream(0, client);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  return {
    port,
    routed,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
