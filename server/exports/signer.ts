import type { Db } from "../db/client";

/** Who signs a document: the lines of their position (bold capitals) and their name. */
export interface Signer {
  position: string[];
  name: string;
}

/** Heads of a body, as a job title starts ("Phó Chủ tịch UBND huyện" → Chủ tịch). */
const HEADS = [
  "chủ tịch",
  "giám đốc",
  "trưởng phòng",
  "hiệu trưởng",
  "chánh văn phòng",
  "trưởng ban",
  "viện trưởng",
  "cục trưởng",
];
/** A People's Committee decides collectively: its chair signs "on behalf of" (TM.) it. */
const PEOPLES_COMMITTEE = /(^|\s)(ubnd|ủy ban nhân dân|uỷ ban nhân dân)(\s|$)/u;

/**
 * The position lines Decree 30/2020/NĐ-CP prescribes for a signer with this job title:
 * "Chủ tịch UBND xã" → ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]; a deputy signs for the head
 * ("KT." — ký thay): "Phó Chủ tịch UBND huyện" → ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
 * "PHÓ CHỦ TỊCH"], "Phó Giám đốc Sở" → ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. Any other title is
 * written as it is, in capitals.
 */
export function signingPosition(title: string): string[] {
  const text = title.normalize("NFC").trim().replace(/\s+/g, " ");
  const lower = text.toLocaleLowerCase("vi");
  const deputy = lower.startsWith("phó ");
  const head = HEADS.find((h) => lower.startsWith(deputy ? `phó ${h}` : h));
  if (!head) return text ? [text.toLocaleUpperCase("vi")] : [];
  const headTitle = head.toLocaleUpperCase("vi");
  const collective = head === "chủ tịch" && PEOPLES_COMMITTEE.test(lower) ? ["TM. ỦY BAN NHÂN DÂN"] : [];
  return [...collective, ...(deputy ? [`KT. ${headTitle}`, `PHÓ ${headTitle}`] : [headTitle])];
}

type SignerUser = { name: string; title: string };
const toSigner = (user: SignerUser): Signer => ({ position: signingPosition(user.title), name: user.name });

/**
 * A unit's documents are signed by its own head: the first active leader of the unit itself
 * (not of a unit above, who approves but does not sign for it). Without one, the callers fall
 * back to whoever else answers for the document.
 */
export async function unitHead(db: Db, unitId: string): Promise<SignerUser | null> {
  const membership = await db.membership.findFirst({
    where: { unitId, role: "leader", user: { disabledAt: null } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { name: true, title: true } } },
  });
  return membership?.user ?? null;
}

/**
 * Who signs a plan: the issuing unit's head; else the leader who approved it (the latest
 * approval step); else the plan's author.
 */
export async function planSigner(
  db: Db,
  plan: { id: string; issuingUnitId: string; createdBy: SignerUser },
): Promise<Signer> {
  const [head, approval] = await Promise.all([
    unitHead(db, plan.issuingUnitId),
    db.planTransition.findFirst({
      where: { planId: plan.id, action: "approve" },
      orderBy: { at: "desc" },
      select: { actor: { select: { name: true, title: true } } },
    }),
  ]);
  return toSigner(head ?? approval?.actor ?? plan.createdBy);
}

/** Who signs a unit's report: its head, else the person who drew it up. */
export async function reportSigner(db: Db, unitId: string, author: { userId: string }): Promise<Signer> {
  const head = await unitHead(db, unitId);
  const user =
    head ?? (await db.user.findUniqueOrThrow({ where: { id: author.userId }, select: { name: true, title: true } }));
  return toSigner(user);
}
