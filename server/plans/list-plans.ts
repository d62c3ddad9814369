import type { Db } from "../db/client";
import type { PlanStatus, Prisma } from "../db/generated/client";
import type { Actor } from "../policies/actor";
import { awaitingReviewWhere, viewablePlansWhere } from "../policies";
import { searchable } from "@/lib/search-text";
import { SUPERSEDED_STATUS } from "../approvals/workflow";
import { planSummarySelect } from "./plan-select";

export interface PlanFilters {
  year?: number;
  programId?: string;
  /** First year of the period, e.g. 2021 for 2021–2025. */
  periodStart?: number;
  status?: PlanStatus;
  /** Plans issued by this unit or any unit beneath it. */
  unitId?: string;
  /** Only plans of the units where the actor holds a role ("my plans"). */
  mine?: boolean;
  /** Only submitted plans this actor may return or approve (same rule as "plan.review"). */
  awaitingMyReview?: boolean;
  /** Matches the number/symbol ("2543", "KH-SGDĐT", "2543/KH"), words of the title, or words of the text. */
  search?: string;
  page?: number;
  pageSize?: number;
}

/** The plans the actor may see that match the filters, newest first, one page at a time. */
export async function listPlans(db: Db, actor: Actor, filters: PlanFilters) {
  const pageSize = filters.pageSize ?? 25;
  const page = Math.max(1, filters.page ?? 1);
  const and: Prisma.PlanWhereInput[] = [viewablePlansWhere(actor)];

  if (filters.year !== undefined) and.push({ year: filters.year });
  if (filters.programId) and.push({ programId: filters.programId });
  if (filters.periodStart !== undefined) and.push({ periodStart: filters.periodStart });
  // Superseded plans are kept for the record, not listed unless asked for.
  and.push({ status: filters.status ?? { not: SUPERSEDED_STATUS } });
  if (filters.unitId) {
    const unit = await db.orgUnit.findUnique({ where: { id: filters.unitId }, select: { path: true } });
    and.push({ issuingUnit: { path: { startsWith: unit?.path ?? "\u0000" } } });
  }
  if (filters.mine) {
    and.push({ issuingUnitId: { in: actor.memberships.map((m) => m.unitId) } });
  }
  if (filters.awaitingMyReview) and.push(awaitingReviewWhere(actor));
  const search = filters.search?.trim();
  if (search) and.push(await searchWhere(db, search));

  const where = { AND: and };
  const skip = (page - 1) * pageSize;
  const items = await db.plan.findMany({
    where,
    select: planSummarySelect,
    orderBy: [{ issuedOn: { sort: "desc", nulls: "first" } }, { updatedAt: "desc" }, { id: "asc" }],
    skip,
    take: pageSize,
  });
  // A page that is not full is the last one, so it tells the total: the count (a scan of every
  // matching plan) is only needed when more may follow or the page lies past the end.
  const lastPageShown = items.length < pageSize && (items.length > 0 || page === 1);
  const total = lastPageShown ? skip + items.length : await db.plan.count({ where });
  return { items, total, page, pageSize };
}

/**
 * Number/symbol, title words or words of the plan's text, both without accents ("quai cang"
 * finds "Quài Cang"). The text's words are tested in the list's own query (the document's
 * searchWords, through its GIN index), so a search that matches most plans costs one page.
 */
async function searchWhere(db: Db, search: string): Promise<Prisma.PlanWhereInput> {
  const [number, symbol] = search.split("/").map((part) => part.trim());
  const byReference: Prisma.PlanWhereInput[] =
    symbol !== undefined
      ? [{ AND: [{ number: { equals: number } }, { symbol: { startsWith: symbol, mode: "insensitive" } }] }]
      : [{ number: { startsWith: search } }, { symbol: { contains: search, mode: "insensitive" } }];
  const words = search.split(/\s+/).filter(Boolean);
  // The query's words as PostgreSQL's 'simple' parser cuts them, as it cut the documents'.
  const [parsed] = await db.$queryRaw<{ words: string[] }[]>`
    SELECT tsvector_to_array(to_tsvector('simple', ${searchable(search)})) AS words`;
  const inText = parsed?.words.length ? [{ document: { is: { searchWords: { hasEvery: parsed.words } } } }] : [];
  return {
    OR: [...byReference, { AND: words.map((word) => ({ searchTitle: { contains: searchable(word) } })) }, ...inText],
  };
}
