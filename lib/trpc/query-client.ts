import { QueryClient, defaultShouldDehydrateQuery } from "@tanstack/react-query";
import superjson from "superjson";

/** One QueryClient shape for the server (prefetch) and the browser (hydrate). */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A prefetch during server rendering is not retried: its page would wait out the backoff.
      queries: {
        staleTime: 30_000,
        retry: (count, error) => typeof window !== "undefined" && count < 2 && !isClientError(error),
      },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

/** 4xx answers (not found, forbidden, invalid) will not change on retry. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
