'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { sectionFor, sections } from '@/lib/navigation';

/** The left navigation; the current section is marked for screen readers with aria-current. */
export function Sidebar() {
  const pathname = usePathname();
  const current = sectionFor(pathname);
  return (
    <nav aria-label="Console sections" className="sidebar">
      <Link href="/" className="brand" aria-label="Portico home">
        <svg aria-hidden="true" className="brand-mark" viewBox="0 0 24 24" width="22" height="22">
          <path d="M3 5h18M5 9h14M7 5v15M17 5v15" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" fill="none" />
        </svg>
        Portico
      </Link>
      <ul>
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={current?.href === s.href ? 'page' : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
