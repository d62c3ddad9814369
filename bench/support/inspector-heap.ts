import WebSocket from "ws";

export interface InspectorHeap {
  /** Forces a full garbage collection in the process, then returns the bytes still in use. */
  liveHeapBytes(): Promise<number>;
  close(): void;
}

/**
 * A DevTools-protocol client for another Node process's inspector. Resident memory says little
 * about a leak in a minute's run: V8 grows its heap and the allocator keeps freed pages for a
 * while. What is still reachable after a full collection grows only when something holds on.
 */
export async function connectInspectorHeap(url: string): Promise<InspectorHeap> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return; // an event, not an answer
    waiting.delete(message.id!);
    if (message.error) call.reject(new Error(message.error.message));
    else call.resolve(message.result);
  });
  socket.on("close", () => {
    for (const call of waiting.values()) call.reject(new Error("inspector closed"));
    waiting.clear();
  });
  const send = <T>(method: string) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    async liveHeapBytes() {
      await send("HeapProfiler.collectGarbage");
      const usage = await send<{ usedSize: number }>("Runtime.getHeapUsage");
      return usage.usedSize;
    },
    close: () => socket.close(),
  };
}
