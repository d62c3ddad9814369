/**
 * The most procedure calls one tRPC request may carry. The browser's link splits larger
 * batches itself (`maxItems`); the server refuses a request with more before any call runs,
 * where 200 `comments.add` calls in one request used to make 200 comments.
 */
export const MAX_BATCH_SIZE = 20;
