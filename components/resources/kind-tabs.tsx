import Link from 'next/link';

/** Tabs between the kinds of one section (e.g. HTTPRoutes and GRPCRoutes); the choice is in the URL. */
export function KindTabs({ tabs, current }: { tabs: Array<{ id: string; label: string; href: string }>; current: string }) {
  return (
    <nav className="tabs" aria-label="Kinds">
      {tabs.map((t) => (
        <Link key={t.id} href={t.href} aria-current={t.id === current ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
