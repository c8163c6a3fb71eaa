import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Text } from '@mantine/core';
import { formatDecimal } from '../../format';
import type { SpendRow } from './ai-api';

const COLORS = [
  'blue.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'cyan.6',
  'lime.7',
  'pink.6',
  'indigo.6',
  'yellow.7',
];
const NANOS = 1e9;

/** A series of the chart: one feature × model. */
export function seriesName(row: Pick<SpendRow, 'feature' | 'model'>): string {
  return `${row.feature} · ${row.model}`;
}

/**
 * Spend per UTC day, stacked per feature × model, of one currency (the chart draws numbers; the
 * table beside it has the exact decimal figures). `days` are every day of the range, in order.
 */
export function SpendChart({
  rows,
  currency,
  days,
}: {
  readonly rows: readonly SpendRow[];
  readonly currency: string;
  readonly days: readonly string[];
}) {
  const mine = rows.filter((row) => row.currency === currency);
  const names = [...new Set(mine.map(seriesName))].sort();
  // Series keys without dots: the chart would read a dotted key as a path into the point.
  const key = (name: string) => `s${names.indexOf(name)}`;
  const data = days.map((day) => {
    const point: Record<string, string | number> = { day };
    for (const name of names) point[key(name)] = 0;
    for (const row of mine) {
      if (row.day !== day) continue;
      point[key(seriesName(row))] = (point[key(seriesName(row))] as number) + row.costNanos / NANOS;
    }
    return point;
  });
  if (names.length === 0) return <Text>No priced call in these days.</Text>;
  return (
    <figure style={{ margin: 0 }} aria-label={`Spend per day in ${currency}, per feature and model`}>
      <BarChart
        h={280}
        data={data}
        dataKey="day"
        type="stacked"
        series={names.map((name, index) => ({ name: key(name), label: name, color: COLORS[index % COLORS.length] }))}
        valueFormatter={(value) => formatDecimal(value.toFixed(9), currency)}
        withLegend
        yAxisLabel={currency}
        yAxisProps={{ tickFormatter: (value: number) => String(value), width: 80 }}
      />
      <figcaption>
        <Text size="sm">
          Spend per day ({currency}), stacked per feature · model; the exact figures are in the table below.
        </Text>
      </figcaption>
    </figure>
  );
}
