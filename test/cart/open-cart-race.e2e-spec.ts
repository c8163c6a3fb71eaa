import { v7 as uuidv7 } from 'uuid';
import { ClearCart } from '../../src/modules/cart';
import { CartRepository } from '../../src/modules/cart/infrastructure/cart.repository';
import { MessageBus } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { CartBody, createProduct } from './support';

/**
 * `POST /carts` gives a customer their open cart back. When that cart is closed by its order's
 * checkout (ClearCart) between being found and being read, the customer gets a new cart, never a
 * 404 for a cart they did not name (`npm run seed -- --demo` stopped on it: "opening a cart: 404").
 */
describe('opening a cart while the open one is being checked out', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.start({ modules: ['catalog', 'cart'] });
  });
  afterAll(() => s.close());

  it('answers a new cart (201), not 404, when the found cart closes before it is read', async () => {
    const { app } = s;
    const me = bearer(app, ['customer'], uuidv7());
    const product = await createProduct(app, [{ price: 1999, stock: 5 }]);
    const first = (await app.inject({ method: 'POST', url: '/carts', headers: me })).json<CartBody>();
    await app.inject({
      method: 'POST',
      url: `/carts/${first.id}/items`,
      headers: me,
      payload: { variantId: product.variants[0].id, quantity: 1 },
    });

    // The checkout's ClearCart lands right after POST /carts found the open cart.
    const repository = app.get(CartRepository);
    const findOpenOf = repository.findOpenOf.bind(repository);
    const spy = jest.spyOn(repository, 'findOpenOf').mockImplementationOnce(async (...args) => {
      const found = await findOpenOf(...args);
      await app.get(MessageBus).execute(new ClearCart(first.id, uuidv7()));
      return found;
    });
    try {
      const res = await app.inject({ method: 'POST', url: '/carts', headers: me });
      expect(res.statusCode).toBe(201);
      const next = res.json<CartBody>();
      expect(next.id).not.toBe(first.id);
      expect(next.items).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
