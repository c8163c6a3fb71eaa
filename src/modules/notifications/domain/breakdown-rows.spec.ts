import { breakdownRows } from './breakdown-rows';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('breakdownRows', () => {
  it('shows the subtotal, each discount by code, shipping and the added tax', () => {
    expect(
      breakdownRows({
        subtotal: eur(4000),
        shippingTotal: eur(490),
        taxTotal: eur(684),
        taxIncluded: false,
        promotions: [
          { code: 'WELCOME10', amount: eur(400) },
          { code: null, amount: eur(490) },
        ],
      }),
    ).toEqual([
      { label: 'Subtotal', amount: '€40.00' },
      { label: 'Discount (WELCOME10)', amount: '−€4.00' },
      { label: 'Discount', amount: '−€4.90' },
      { label: 'Shipping', amount: '€4.90' },
      { label: 'Tax', amount: '€6.84' },
    ]);
  });

  it('says the tax is included in a tax-inclusive store', () => {
    const rows = breakdownRows({
      subtotal: { amount: 1000, currency: 'JPY' },
      shippingTotal: { amount: 0, currency: 'JPY' },
      taxTotal: { amount: 91, currency: 'JPY' },
      taxIncluded: true,
      promotions: [],
    });
    expect(rows.at(-1)).toEqual({ label: 'Tax included', amount: 'JP¥91' });
  });
});
