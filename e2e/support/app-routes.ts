/**
 * Every page of the app as a signed-in admin may open it (the page-speed test and the pages
 * benchmark visit them all). Routes with an id take a plan and a unit of the seeded province;
 * every tab of a plan is a route of its own, since each prefetches its own data.
 */
export function appRoutes(ids: { planId: string; unitId: string }): string[] {
  return [
    "/",
    "/plans",
    "/plans?q=b%C3%A1n%20tr%C3%BA",
    "/plans/new",
    `/plans/${ids.planId}`,
    ...["targets", "milestones", "budget", "shortages", "discussion"].map((tab) => `/plans/${ids.planId}?tab=${tab}`),
    `/plans/${ids.planId}/history`,
    `/plans/${ids.planId}/edit`,
    "/units",
    `/units/${ids.unitId}`,
    `/dashboard?unit=${ids.unitId}`,
    "/criteria",
    "/notifications",
    "/imports",
  ];
}

/** One signed-in request: ms to the response's headers (the server's work before it sends) and to its end. */
export async function timePage(
  url: string,
  cookie: string,
): Promise<{ firstByte: number; whole: number; status: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const firstByte = performance.now() - start;
  await response.arrayBuffer();
  return { firstByte, whole: performance.now() - start, status: response.status };
}
