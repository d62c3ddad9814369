import type { TPlanList } from "@/server/api/routers/plans/schemas";

/**
 * Plans per page. Here, not in the list component: a server page that imported it from a client
 * module got a client reference instead of the number, its prefetch failed and was retried.
 */
export const PLAN_PAGE_SIZE = 25;

/** The plan list's filters as they travel in the URL (?year=2025&status=draft&q=…). */
export type PlanFilterState = Omit<TPlanList, "pageSize">;

const STATUSES = ["draft", "submitted", "returned", "approved", "superseded"] as const;

const int = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): PlanFilterState {
  const get = (key: string) => (Array.isArray(params[key]) ? params[key]![0] : params[key]) || undefined;
  const status = get("status");
  return {
    year: int(get("year")),
    periodStart: int(get("period")),
    programId: get("program"),
    unitId: get("unit"),
    status: STATUSES.find((s) => s === status),
    mine: get("mine") === "1" || undefined,
    search: get("q"),
    page: int(get("page")),
  };
}

export function filtersToSearchParams(filters: PlanFilterState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== "" && value !== false) params.set(key, value === true ? "1" : String(value));
  };
  set("q", filters.search);
  set("year", filters.year);
  set("period", filters.periodStart);
  set("program", filters.programId);
  set("unit", filters.unitId);
  set("status", filters.status);
  set("mine", filters.mine);
  if (filters.page && filters.page > 1) set("page", filters.page);
  return params;
}
