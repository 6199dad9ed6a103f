import type { ReactNode } from 'react';
import { Header } from '@/components/shell/header';
import { Providers } from '@/components/shell/providers';
import { SessionKeeper } from '@/components/shell/session-keeper';
import { Sidebar } from '@/components/shell/sidebar';
import { getClusterStatus } from '@/lib/k8s/cluster-status';
import { requireSession } from '@/lib/auth/page-session';

// Every console page reads live cluster state: never prerender it at build time.
export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // No console page renders without a session (issue #11); route handlers and actions check again.
  await requireSession();
  const cluster = await getClusterStatus();
  return (
    <Providers>
      <SessionKeeper />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="shell">
        <Sidebar />
        <div className="shell-main">
          <Header cluster={cluster} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
