import { lazy, Suspense, useEffect, useState } from 'react';
import type { SessionUser } from './auth/session.ts';
import { OverviewTab } from './overview/overview-tab.tsx';
import { Loading } from './ui/states.tsx';
import { Tabs, type TabSpec } from './ui/tabs.tsx';

// The overview is in the first download; the other tabs (charts, markdown) load when first opened.
const ProjectsTab = lazy(() =>
  import('./projects/projects-tab.tsx').then((m) => ({ default: m.ProjectsTab })),
);
const SalesTab = lazy(() => import('./sales/sales-tab.tsx').then((m) => ({ default: m.SalesTab })));
const KnowledgeTab = lazy(() =>
  import('./knowledge/knowledge-tab.tsx').then((m) => ({ default: m.KnowledgeTab })),
);
const AssistantTab = lazy(() =>
  import('./assistant/assistant-tab.tsx').then((m) => ({ default: m.AssistantTab })),
);

export type TabId = 'overview' | 'projects' | 'sales' | 'knowledge' | 'assistant';

export const TABS: readonly TabSpec<TabId>[] = [
  { id: 'overview', label: 'Executive Overview' },
  { id: 'projects', label: 'Projects & OKRs' },
  { id: 'sales', label: 'Sales Intelligence' },
  { id: 'knowledge', label: 'Knowledge' },
  { id: 'assistant', label: 'AI Assistant' },
];

const tabFromHash = (): TabId => {
  const id = window.location.hash.slice(1);
  return TABS.some((tab) => tab.id === id) ? (id as TabId) : 'overview';
};

/** The signed-in dashboard: a header and the five tabs; the tab shown is kept in the URL's hash. */
export function Dashboard({ user, onSignOut }: { user: SessionUser; onSignOut: () => void }) {
  const [tab, setTab] = useState<TabId>(tabFromHash);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (id: TabId) => {
    setTab(id);
    window.history.replaceState(null, '', `#${id}`);
  };
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Sophia</span>
        <span className="who">
          <span>{user.name}</span>
          <span className="muted"> · {user.title}</span>
          <button type="button" className="link-button" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      </header>
      <main className="content">
        <Tabs label="Dashboard sections" tabs={TABS} selected={tab} onSelect={select}>
          <Suspense fallback={<Loading label="Loading" rows={3} />}>
            {tab === 'overview' ? <OverviewTab /> : null}
            {tab === 'projects' ? <ProjectsTab /> : null}
            {tab === 'sales' ? <SalesTab /> : null}
            {tab === 'knowledge' ? <KnowledgeTab /> : null}
            {tab === 'assistant' ? <AssistantTab /> : null}
          </Suspense>
        </Tabs>
      </main>
    </div>
  );
}
