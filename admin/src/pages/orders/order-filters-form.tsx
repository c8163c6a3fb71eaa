import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { FormEvent } from 'react';

/** The statuses an order goes through, in order. */
export const ORDER_STATUSES = ['pending', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'cancelled'];

/** The filters as the form holds them: days are YYYY-MM-DD in the user's time zone, both inclusive. */
export interface FilterFields {
  readonly status: string;
  readonly customerId: string;
  readonly fromDay: string;
  readonly toDay: string;
}

/** The orders list's filter form; `apply` gets the fields on submit. */
export function OrderFiltersForm({
  fields,
  apply,
}: {
  readonly fields: FilterFields;
  readonly apply: (fields: FilterFields) => void;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    apply({
      status: String(form.get('status') ?? ''),
      customerId: String(form.get('customerId') ?? '').trim(),
      fromDay: String(form.get('fromDay') ?? ''),
      toDay: String(form.get('toDay') ?? ''),
    });
  }
  const blank = { status: '', customerId: '', fromDay: '', toDay: '' };
  return (
    <form onSubmit={submit} aria-label="Filter orders" key={JSON.stringify(fields)}>
      <Group align="flex-end">
        <NativeSelect
          name="status"
          label="Status"
          defaultValue={fields.status}
          data={[
            { value: '', label: 'Any' },
            ...ORDER_STATUSES.map((s) => ({ value: s, label: s.replaceAll('_', ' ') })),
          ]}
        />
        <TextInput name="customerId" label="Customer id" defaultValue={fields.customerId} w={330} />
        <TextInput name="fromDay" type="date" label="Placed from" defaultValue={fields.fromDay} />
        <TextInput name="toDay" type="date" label="Placed until (inclusive)" defaultValue={fields.toDay} />
        <Button type="submit">Apply filters</Button>
        <Button variant="default" onClick={() => apply(blank)}>
          Clear
        </Button>
      </Group>
    </form>
  );
}
