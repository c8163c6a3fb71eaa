-- Database ceiling for product detail: catalog's detail query (product, categories, variants as
-- JSON) by slug, for a random one of the seeded products. Needs bench_bare.product_keys (the runner
-- fills it). Run: pgbench -n -f product-detail.sql -D products=<count>
\set n random(1, :products)
SELECT p.id, p.slug, p.title, p.description, p.images, p.status,
       coalesce((SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name) ORDER BY c.name)
                   FROM catalog.categories c WHERE c.id = ANY (p.category_ids)), '[]') AS categories,
       coalesce((SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'title', v.title,
                   'price', json_build_object('amount', v.price_amount, 'currency', v.price_currency),
                   'available', greatest(v.on_hand - v.reserved, 0)) ORDER BY v.position)
                   FROM catalog.variants v WHERE v.product_id = p.id), '[]') AS variants
  FROM catalog.products p
 WHERE p.slug = (SELECT slug FROM bench_bare.product_keys WHERE n = :n);
