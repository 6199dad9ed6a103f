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
        <span aria-hidden="true" className="brand-mark">
          ⛩
        </span>
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
