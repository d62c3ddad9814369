"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "@/components/ui/cn";
import { insertMention, mentionAt } from "@/lib/comments/mention-query";
import { useTRPC } from "@/lib/trpc/react";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "role"> & {
  planId: string;
  value: string;
  onChange: (value: string) => void;
};

/** The value once it has stopped changing for `ms`: one lookup per pause, not per key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The list's tallest (max-h-72) and the room it keeps from the box and the screen's edge. */
const LIST_MAX_HEIGHT = 288;
const LIST_GAP = 4;

type Placement = { side: "above" | "below"; offset: number; maxHeight: number };

/**
 * Where the list goes: above the box when it fits there, else below the form the box is in,
 * past its buttons, so that the send button stays in sight and under the pointer while the list
 * is open; when neither side holds it all, the roomier one, the list scrolling.
 */
function placeList(wrapper: HTMLElement, box: HTMLTextAreaElement, list: HTMLElement): Placement {
  const around = wrapper.getBoundingClientRect();
  const formBottom = Math.max(around.bottom, box.form?.getBoundingClientRect().bottom ?? 0);
  const height = Math.min(list.scrollHeight, LIST_MAX_HEIGHT);
  const above = around.top - 2 * LIST_GAP;
  const below = window.innerHeight - formBottom - 2 * LIST_GAP;
  const side = above >= height || above > below ? "above" : "below";
  return {
    side,
    offset: side === "above" ? 0 : formBottom - around.bottom,
    maxHeight: Math.max(0, Math.min(LIST_MAX_HEIGHT, side === "above" ? above : below)),
  };
}

/**
 * A comment box that offers people to mention: typing "@" and part of a name (accents
 * optional) lists people who may see the plan (comments.mentionCandidates), above the box or
 * below its form's buttons, never over them (placeList); ArrowUp/ArrowDown move through them,
 * Enter or a click puts "@handle" in the text, Escape or a click elsewhere closes the list. A
 * combobox with a listbox (WAI-ARIA 1.2): focus stays in the box and the chosen option is its
 * active descendant.
 */
export function MentionTextarea({ planId, value, onChange, onKeyDown, className, ...props }: Props) {
  const t = useTranslations("mentions");
  const trpc = useTRPC();
  const ref = useRef<HTMLTextAreaElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  // The "@" whose list was closed (a person chosen, or Escape): it stays closed until another "@".
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const [active, setActive] = useState({ query: "", index: 0 });

  const mention = mentionAt(value, caret);
  const open = mention !== null && mention.start !== closedAt;
  const query = useSettled(mention?.query.trim() ?? "", 120);
  const candidates = useQuery({
    ...trpc.comments.mentionCandidates.queryOptions({ planId, query }),
    enabled: open,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = open ? (candidates.data ?? []) : [];
  // Nobody matches: say so while a single word is typed; past a space the "@" was likely just text.
  const nobody = open && candidates.isSuccess && !candidates.isPlaceholderData && !options.length;
  const showNobody = nobody && !/\s/.test(mention.query);
  const expanded = open && options.length > 0;
  const activeIndex = active.query === mention?.query ? Math.min(active.index, options.length - 1) : 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const [placement, setPlacement] = useState<Placement>({ side: "below", offset: 0, maxHeight: LIST_MAX_HEIGHT });
  // Placed before it is painted, and again as the page scrolls or the window resizes under it.
  useLayoutEffect(() => {
    if (!expanded) return;
    const place = () => {
      if (!wrapperRef.current || !ref.current || !listRef.current) return;
      const next = placeList(wrapperRef.current, ref.current, listRef.current);
      setPlacement((now) =>
        now.side === next.side && now.offset === next.offset && now.maxHeight === next.maxHeight ? now : next,
      );
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
    };
  }, [expanded, options.length]);

  function choose(index: number) {
    const person = options[index];
    if (!person || !mention) return;
    const next = insertMention(value, mention.start, caret, person.handle);
    onChange(next.text);
    setClosedAt(mention.start);
    setCaret(next.caret);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mention && open && event.key === "Escape") {
      // Closes the list only; a surrounding form (a passage comment) is not cancelled.
      event.preventDefault();
      event.stopPropagation();
      setClosedAt(mention.start);
      return;
    }
    if (expanded && mention) {
      const move = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
      if (move) {
        event.preventDefault();
        setActive({ query: mention.query, index: (activeIndex + move + options.length) % options.length });
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(activeIndex);
        return;
      }
    }
    onKeyDown?.(event);
  }

  return (
    <div ref={wrapperRef} className="relative">
      <textarea
        {...props}
        ref={ref}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
        className={className}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={handleKeyDown}
        // A click anywhere but the list (the send button too) takes the focus, and closes the list.
        onBlur={() => mention && setClosedAt(mention.start)}
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t("listLabel")}
        hidden={!expanded}
        style={
          placement.side === "above"
            ? { bottom: `calc(100% + ${LIST_GAP}px)`, maxHeight: placement.maxHeight }
            : { top: `calc(100% + ${placement.offset + LIST_GAP}px)`, maxHeight: placement.maxHeight }
        }
        className="absolute left-0 right-0 z-20 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        // Keeps the focus in the box (a click on an option, its padding or scroll bar): the box
        // keeps the caret, and its blur stays the sign that the person went elsewhere.
        onMouseDown={(event) => event.preventDefault()}
      >
        {options.map((person, index) => (
          <li
            key={person.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={cn(
              "cursor-pointer px-3 py-2 text-sm",
              index === activeIndex ? "bg-brand-50 text-brand-900" : "text-slate-900",
            )}
            onClick={() => choose(index)}
          >
            <span className="font-medium">{person.name}</span> <span className="text-slate-500">@{person.handle}</span>
            {person.unitName && <span className="block text-xs text-slate-500">{person.unitName}</span>}
          </li>
        ))}
      </ul>
      <p role="status" className={cn("mt-1 text-xs text-slate-600", !showNobody && "sr-only")}>
        {showNobody ? t("nobody", { query: mention.query }) : expanded ? t("count", { count: options.length }) : ""}
      </p>
    </div>
  );
}
