import pg from "pg";

export interface HeldWrites {
  /** How many sessions of one server are waiting to write document updates. */
  waiting(applicationName: string): Promise<number>;
  /**
   * Ends the waiting sessions of one server (its connections' `application_name`): their
   * writes never reach the database, as if the server had died before sending them.
   */
  dropWaiting(applicationName: string): Promise<void>;
  /** Lets writes through again. */
  release(): Promise<void>;
}

/**
 * Holds every write to the document update log of the database at `url` (reads go on), to
 * put a server in the state it is in during a burst of edits: updates received and forwarded
 * to the other instances, not stored yet. A SHARE lock blocks INSERT and DELETE, not SELECT.
 */
export async function holdDocumentWrites(url: string): Promise<HeldWrites> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "PlanDocumentUpdate" IN SHARE MODE');
  // Watched from a session of its own: within a transaction, pg_stat_activity keeps showing
  // the moment of its first read.
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  const waiters =
    "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name = $1";
  return {
    async waiting(applicationName) {
      const { rows } = await monitor.query<{ count: string }>(`SELECT count(*) AS count ${waiters}`, [applicationName]);
      return Number(rows[0]!.count);
    },
    async dropWaiting(applicationName) {
      await monitor.query(`SELECT pg_terminate_backend(pid) ${waiters}`, [applicationName]);
    },
    async release() {
      await client.query("COMMIT");
      await Promise.all([client.end(), monitor.end()]);
    },
  };
}
