import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation.pipe';
import { ProblemException } from './problem.exception';

class Price {
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  amount!: number;
}

class Body {
  @IsString()
  @MaxLength(100)
  name!: string;

  @ValidateNested()
  @Type(() => Price)
  price!: Price;
}

/** The messages of the one error per field the pipe reports (stopAtFirstError). */
async function messagesFor(value: unknown): Promise<Record<string, string>> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: Body });
  } catch (error) {
    const errors = (error as ProblemException).problem.errors ?? [];
    return Object.fromEntries(errors.map((e) => [e.field, e.message]));
  }
  throw new Error('expected a validation problem');
}

describe('validation messages', () => {
  // With stopAtFirstError the first decorator to fail is the last one written: `null` and a missing
  // field were reported as "name must be shorter than or equal to 100 characters".
  it('say a null field must not be null, and a missing one is required, whatever decorator ran first', async () => {
    expect(await messagesFor({ name: null, price: { amount: null } })).toEqual({
      name: 'name must not be null',
      'price.amount': 'amount must not be null',
    });
    expect(await messagesFor({ price: {} })).toEqual({
      name: 'name is required',
      'price.amount': 'amount is required',
    });
  });

  it("keep the constraint's own message for a value of the wrong kind", async () => {
    expect(await messagesFor({ name: 'x'.repeat(101), price: { amount: 2e9 } })).toEqual({
      name: 'name must be shorter than or equal to 100 characters',
      'price.amount': 'amount must not be greater than 1000000000',
    });
  });
});
