import { Anchor, Table } from '@mantine/core';
import { hostLabel } from './module-card';
import type { ModuleMapEntry } from './modules-api';

/** Every module in one table: which process hosts it, its URL prefixes, and how much it publishes and consumes. */
export function HostingTable({ modules }: { readonly modules: readonly ModuleMapEntry[] }) {
  return (
    <Table striped aria-label="Where each module runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Module</Table.Th>
          <Table.Th scope="col">Hosted by</Table.Th>
          <Table.Th scope="col">URL prefixes</Table.Th>
          <Table.Th scope="col">Events published</Table.Th>
          <Table.Th scope="col">Events consumed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {modules.map((module) => (
          <Table.Tr key={module.name}>
            <Table.Th scope="row">
              <Anchor href={`#module-${module.name}`}>{module.name}</Anchor>
            </Table.Th>
            <Table.Td>{hostLabel(module.host).replace(/^Hosted by /, '')}</Table.Td>
            <Table.Td>{module.urlPrefixes.map((prefix) => `/${prefix}`).join(', ') || '—'}</Table.Td>
            <Table.Td>{module.publishes.length}</Table.Td>
            <Table.Td>{module.subscribesTo.length}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
