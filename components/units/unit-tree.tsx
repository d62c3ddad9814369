"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { useTRPC } from "@/lib/trpc/react";

export interface TreeUnit {
  id: string;
  name: string;
  code: string;
  level: "province" | "district" | "commune" | "agency" | "school";
  _count: { children: number; plans: number };
}

/** The unit tree as an ARIA tree; children load when a branch is opened. */
export function UnitTree({ roots }: { roots: TreeUnit[] }) {
  const t = useTranslations("units");
  return (
    <ul role="tree" aria-label={t("tree")} className="space-y-0.5">
      {roots.map((unit) => (
        <UnitNode key={unit.id} unit={unit} depth={1} initiallyOpen={roots.length === 1} />
      ))}
    </ul>
  );
}

function UnitNode({ unit, depth, initiallyOpen = false }: { unit: TreeUnit; depth: number; initiallyOpen?: boolean }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [open, setOpen] = useState(initiallyOpen);
  const hasChildren = unit._count.children > 0;
  const children = useQuery({ ...trpc.units.children.queryOptions({ id: unit.id }), enabled: open && hasChildren });
  return (
    <li role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-level={depth} aria-selected={false}>
      <div
        className="flex items-center gap-2 rounded-md py-1 pr-2 hover:bg-slate-50"
        style={{ paddingLeft: `${(depth - 1) * 1.25}rem` }}
      >
        {hasChildren ? (
          <button
            type="button"
            onClick={() => setOpen(!open)}
            aria-label={t(open ? "units.collapse" : "units.expand", { name: unit.name })}
            className="flex h-6 w-6 items-center justify-center rounded text-slate-500 hover:bg-slate-200"
          >
            <span aria-hidden="true" className={open ? "rotate-90 transition-transform" : "transition-transform"}>
              ▸
            </span>
          </button>
        ) : (
          <span className="h-6 w-6" aria-hidden="true" />
        )}
        <Link href={`/units/${unit.id}`} className="font-medium text-slate-800 hover:text-brand-700 hover:underline">
          {unit.name}
        </Link>
        <span className="text-xs text-slate-400">{unit.code}</span>
        <span className="ml-auto hidden sm:inline">
          <Badge>{t(`levels.${unit.level}`)}</Badge>
        </span>
        {unit._count.plans > 0 && (
          <span className="text-xs text-slate-500">{t("home.planCount", { count: unit._count.plans })}</span>
        )}
      </div>
      {open && hasChildren && (
        <ul role="group">
          {children.isPending && (
            <li className="py-1 text-sm text-slate-400" style={{ paddingLeft: `${depth * 1.25 + 2}rem` }}>
              …
            </li>
          )}
          {children.data?.map((child) => (
            <UnitNode key={child.id} unit={child} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
