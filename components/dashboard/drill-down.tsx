"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc/react";

export type DrillQuery = { criteria?: number[]; metCount?: number; label: string };

/** The units behind a figure, each with the criteria it meets. */
export function DrillDown({
  query,
  label,
  onClose,
}: {
  query: { unitId: string; period: string; setCode?: string; criteria?: number[]; metCount?: number };
  label: string;
  onClose: () => void;
}) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const { data } = useQuery(trpc.dashboard.units.queryOptions(query));
  // The list opens below every card: bring it to the reader (and keyboard focus with it) each
  // time a figure is chosen, or it appears a screen or two down, unseen.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    panel.current?.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
    panel.current?.focus({ preventScroll: true });
  }, [label]);
  return (
    <div ref={panel} tabIndex={-1} className="scroll-mt-4 outline-none">
      <Card
        title={t("unitsBehind", { label })}
        action={
          <Button variant="secondary" onClick={onClose}>
            {t("close")}
          </Button>
        }
      >
        <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto text-sm" data-testid="drill-down">
          {data?.units.map((unit) => (
            <li key={unit.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <Link href={`/units/${unit.id}`} className="font-medium text-brand-700 hover:underline">
                {unit.name}
              </Link>
              <span className="text-xs text-slate-500">
                {unit.metCount}/{data.set.criteria} · {unit.met.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
