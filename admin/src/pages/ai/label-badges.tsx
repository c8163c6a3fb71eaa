import { Badge, Group } from '@mantine/core';
import type { LabelTarget } from './ai-api';

/** `production → v2` (and a split's second version with its share), one badge per label. */
export function labelTargetText(target: LabelTarget): string {
  const split = target.split ? ` (${target.split.weightBps / 100} % to v${target.split.version})` : '';
  return `v${target.version}${split}`;
}

/** A prompt's labels as badges: `production → v2`. */
export function LabelBadges({ labels }: { readonly labels: Record<string, LabelTarget> }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {entries.map(([label, target]) => (
        <Badge key={label} variant="filled" color={label === 'production' ? 'teal.9' : 'gray.8'} tt="none">
          {label} → {labelTargetText(target)}
        </Badge>
      ))}
    </Group>
  );
}
