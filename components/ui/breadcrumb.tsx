import Link from "next/link";

export function Breadcrumb({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  if (!items.length) return null;
  return (
    <nav aria-label={label} className="mb-2 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-500">
        {items.map((item, i) => (
          <li key={item.href} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            <Link href={item.href} className="hover:text-brand-700 hover:underline">
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
