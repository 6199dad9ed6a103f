'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { sectionFor, sections } from '@/lib/navigation';

/**
 * The left navigation; the current section is marked for screen readers with aria-current. Sections are prefetched
 * when the pointer or focus reaches their link, not all at once on every page load: each prefetch renders a section
 * on the server, and on a large cluster a load that prefetched all of them competed with the page being opened.
 */
export function Sidebar() {
  const pathname = usePathname();
  const router = useRouter();
  const current = sectionFor(pathname);
  return (
    <nav aria-label="Console sections" className="sidebar">
      <Link href="/" prefetch={false} className="brand" aria-label="Portico home">
        <svg aria-hidden="true" className="brand-mark" viewBox="0 0 24 24" width="22" height="22">
          <path d="M3 5h18M5 9h14M7 5v15M17 5v15" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" fill="none" />
        </svg>
        Portico
      </Link>
      <ul>
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              prefetch={false}
              onMouseEnter={() => router.prefetch(s.href)}
              onFocus={() => router.prefetch(s.href)}
              aria-current={current?.href === s.href ? 'page' : undefined}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
