"use client";

import { useTranslations } from "next-intl";
import type { Collaborator } from "./use-collab-document";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

/** Who else has the document open, as coloured initials. */
export function Presence({ collaborators }: { collaborators: Collaborator[] }) {
  const t = useTranslations("editor");
  const unique = [...new Map(collaborators.map((c) => [c.name, c])).values()];
  if (!unique.length) return null;
  return (
    <ul className="flex -space-x-2" aria-label={t("present", { count: unique.length })} data-testid="presence">
      {unique.map((person) => (
        <li
          key={person.clientId}
          title={person.name}
          className="flex h-8 w-8 items-center justify-center rounded-full border-2 border-white text-xs font-semibold text-white"
          style={{ backgroundColor: person.color }}
        >
          <span aria-hidden="true">{initials(person.name)}</span>
          <span className="sr-only">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
