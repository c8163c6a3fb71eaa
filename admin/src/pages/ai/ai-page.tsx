import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { CallPage } from './call-page';
import { CallsPage } from './calls-page';
import { DataToolsPage } from './data-tools-page';
import { PromptDiffPage } from './prompt-diff-page';
import { PromptPage } from './prompt-page';
import { PromptsPage } from './prompts-page';

// The chart library is loaded only with the page that draws charts.
const CostsPage = lazy(() => import('./costs-page').then((m) => ({ default: m.CostsPage })));

/** The sections; a section is current on its path and below it (Prompts: /ai and /ai/prompts/…). */
const SECTIONS = [
  { to: '/ai', label: 'Prompts', current: /^\/ai(\/prompts(\/.*)?)?\/?$/ },
  { to: '/ai/calls', label: 'Calls', current: /^\/ai\/calls(\/.*)?$/ },
  { to: '/ai/costs', label: 'Costs', current: /^\/ai\/costs\/?$/ },
  { to: '/ai/data-tools', label: 'Data tools', current: /^\/ai\/data-tools\/?$/ },
] as const;

/** /admin/ai: the AI toolkit's dashboard — prompts, the call log, costs and budgets, data tools. */
export function AiPage() {
  const { pathname } = useLocation();
  return (
    <Stack>
      <Title order={1}>AI</Title>
      <Group component="nav" aria-label="AI sections" gap="xs">
        {SECTIONS.map((section) => {
          const current = section.current.test(pathname);
          return (
            <Button
              key={section.to}
              component={Link}
              to={section.to}
              variant={current ? 'filled' : 'default'}
              aria-current={current ? 'page' : undefined}
              size="sm"
            >
              {section.label}
            </Button>
          );
        })}
      </Group>
      <Suspense fallback={<Loader size="sm" aria-label="Loading the page" />}>
        <Routes>
          <Route index element={<PromptsPage />} />
          <Route path="prompts" element={<Navigate to=".." relative="path" replace />} />
          <Route path="prompts/:name" element={<PromptPage />} />
          <Route path="prompts/:name/diff" element={<PromptDiffPage />} />
          <Route path="calls" element={<CallsPage />} />
          <Route path="calls/:id" element={<CallPage />} />
          <Route path="costs" element={<CostsPage />} />
          <Route path="data-tools" element={<DataToolsPage />} />
          <Route path="*" element={<p>No such AI page.</p>} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
