"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/i18n/set-locale";
import { cn } from "@/components/ui/cn";

const LABELS = { vi: "Tiếng Việt", en: "English" } as const;

export function LocaleSwitcher({ className }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("language")}
      className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-xs", className)}
    >
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={locale === code}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(code);
              router.refresh();
            })
          }
          className={cn(
            "whitespace-nowrap rounded px-2 py-1 font-medium",
            locale === code ? "bg-brand-700 text-white" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {LABELS[code]}
        </button>
      ))}
    </div>
  );
}
