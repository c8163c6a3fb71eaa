import { CommandContract, IntegrationEventContract, rebuild } from './contract-registry';
import { ContractError } from './json-safety';
import { Command, IntegrationEvent } from './messages';

describe('message contracts', () => {
  it('rebuilds a registered event from JSON as an instance of its class, unchanged', () => {
    @IntegrationEventContract(
      'specs.ThingHappened.v1',
      () => new ThingHappened({ id: 'a', amounts: [1, 2], note: null }),
    )
    class ThingHappened extends IntegrationEvent<{ id: string; amounts: number[]; note: string | null }> {}

    const event = new ThingHappened({ id: 'x', amounts: [3], note: 'n' });
    const rebuilt = rebuild<ThingHappened>(event.type, JSON.parse(JSON.stringify(event)));
    expect(rebuilt).toBeInstanceOf(ThingHappened);
    expect(rebuilt).toEqual(event);
    expect(event.type).toBe('specs.ThingHappened.v1');
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(Object.isFrozen(rebuilt)).toBe(true);
  });

  it('fails loudly at definition when a contract carries a Date', () => {
    expect(() => {
      @IntegrationEventContract('specs.DatedThing.v1', () => new DatedThing({ at: new Date() }))
      class DatedThing extends IntegrationEvent<{ at: Date }> {}
      return DatedThing;
    }).toThrow(
      new ContractError(
        'Message contract violation: specs.DatedThing.v1.payload.at is a Date; send an ISO-8601 string instead',
      ),
    );
  });

  it.each([
    ['undefined', { v: undefined }, /undefined/],
    ['NaN', { v: Number.NaN }, /NaN/],
    ['a Map', { v: new Map() }, /instance of Map/],
    ['a bigint', { v: BigInt(1) }, /bigint/],
  ])('rejects %s inside a command', (_name, fields, message) => {
    expect(() => {
      @CommandContract(`specs.Bad${Math.random().toString(36).slice(2, 8)}`, () =>
        Object.assign(new BadCommand(), fields),
      )
      class BadCommand extends Command {}
      return BadCommand;
    }).toThrow(message);
  });

  it('rejects a malformed type name, and one used twice', () => {
    expect(() => {
      @IntegrationEventContract('specs.NoVersion', () => new NoVersion({}))
      class NoVersion extends IntegrationEvent<object> {}
      return NoVersion;
    }).toThrow(/not a valid event type name/);
    @CommandContract('specs.Once', () => new Once())
    class Once extends Command {}
    expect(() => {
      @CommandContract('specs.Once', () => new Twice())
      class Twice extends Command {}
      return [Once, Twice];
    }).toThrow(/registered twice/);
  });

  it('takes the next version of a command or query as a suffix (the bare name is version 1)', () => {
    @CommandContract('specs.PaintThing.v2', () => new PaintThingV2())
    class PaintThingV2 extends Command {}
    expect(rebuild('specs.PaintThing.v2', {})).toBeInstanceOf(PaintThingV2);
    expect(() => {
      @CommandContract('specs.PaintOther.v1', () => new PaintOtherV1())
      class PaintOtherV1 extends Command {}
      return PaintOtherV1;
    }).toThrow(/not a valid command type name/);
  });

  it('refuses an ordering key that gives no key for the example', () => {
    expect(() => {
      @IntegrationEventContract('specs.Unkeyed.v1', () => new Unkeyed({ parcelId: null }), {
        key: (e) => e.payload.parcelId,
      })
      class Unkeyed extends IntegrationEvent<{ parcelId: string | null }> {}
      return Unkeyed;
    }).toThrow(/its key must give a non-empty string for its example/);
  });
});
