-- material seed: development data for mes_material_db.
-- 400 materials (one per resource part), ~10,600 lots (purchased, produced by work orders,
-- split), the transaction ledger (receipts, transfers, issues to work orders, production,
-- splits, adjustments), reservations for open orders, inventory by location, stock levels.
-- Deterministic and idempotent (fixed ids/keys and timestamps, ON CONFLICT DO NOTHING).
--
-- Lot ids (shared with work-order, quality and traceability seeds):
--   lot_000001..lot_005600  purchased: material mat_(121 + (n-1) % 280), receipt batch r = (n-1) / 280
--   lot_(5600+i)            produced by finished work order wo_i (i <= 4500, not cancelled: i % 157 <> 0)
--   lot_010101..lot_010600  split from lot_000001..lot_000500
--   lot number = 'LOT-' || the six digits.

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

-- Materials ------------------------------------------------------------------------------------
INSERT INTO materials (id, material_number, name, description, type, part_id, base_uom, is_lot_controlled, is_serialized,
  shelf_life_days, standard_cost, currency, hazard_class, specifications, is_active, created_at, updated_at, created_by, updated_by)
SELECT 'mat_' || lpad(m::text, 4, '0'),
       'PN-' || (100000 + m),
       CASE
         WHEN m <= 40 THEN (ARRAY['Hydraulic Gear Pump','Axial Piston Pump','Directional Control Valve','Hydraulic Cylinder',
                                  'Hydraulic Power Unit','Flow Divider','Relief Valve Assembly','Hydraulic Motor'])[1 + (m - 1) % 8]
                           || ' ' || (ARRAY['HGP','APP','DCV','HYC','HPU','FDV','RVA','HYM'])[1 + (m - 1) % 8] || '-' || (100 + m * 5)
         WHEN m <= 120 THEN (ARRAY['Pump Housing Assembly','Shaft Seal Kit','Valve Block','Rotor Group','Piston Assembly',
                                   'Manifold Block','Electronic Controller','Cylinder Head Assembly'])[1 + (m - 41) % 8] || ' ' || (200 + m)
         WHEN m <= 300 THEN (ARRAY['Drive Shaft','Spur Gear','Bearing Cap','Valve Spool','Seal Ring','Bronze Bushing','Piston',
                                   'Housing','Cover Plate','Dowel Pin'])[1 + (m - 121) % 10] || ' ' || (300 + m)
         ELSE (ARRAY['Steel Bar 4140','Aluminium Plate 6061-T6','Grey Cast Iron Blank','Fastener Kit M8','Hydraulic Fluid ISO VG46'])[1 + (m - 301) % 5]
              || ' lot grade ' || (1 + (m - 301) / 5)
       END,
       NULL,
       (CASE WHEN m <= 40 THEN 'FINISHED_GOOD' WHEN m <= 120 THEN 'SUBASSEMBLY' WHEN m <= 300 THEN 'COMPONENT'
             WHEN (m - 301) % 5 = 3 THEN 'CONSUMABLE' ELSE 'RAW_MATERIAL' END)::material_type,
       'part_' || lpad(m::text, 4, '0'),
       CASE WHEN m <= 300 THEN 'EA' ELSE (ARRAY['KG','KG','KG','EA','L'])[1 + (m - 301) % 5] END,
       true,
       m <= 40 OR (m <= 120 AND m % 2 = 0),
       CASE WHEN m > 300 AND (m - 301) % 5 = 4 THEN 730 END,
       round(CASE WHEN m <= 40 THEN 1800 + (m * 97) % 4000 WHEN m <= 120 THEN 250 + (m * 53) % 900
                  WHEN m <= 300 THEN 8 + (m * 31) % 180 ELSE 2.5 + (m % 9) * 1.35 END::numeric, 4),
       'USD',
       CASE WHEN m > 300 AND (m - 301) % 5 = 4 THEN 'NONE-OIL' END,
       jsonb_build_object('grade', CASE WHEN m > 300 THEN (ARRAY['AISI 4140','AA 6061-T6','EN-GJL-250','ISO 4017 8.8','ISO VG46'])[1 + (m - 301) % 5] END,
                          'storage', CASE WHEN m > 300 AND (m - 301) % 5 = 4 THEN 'flammables cabinet' ELSE 'ambient' END),
       m % 97 <> 0,
       timestamptz '2023-09-15 08:00:00+00' + m * interval '2 hours', timestamptz '2024-12-01 08:00:00+00', 'usr_0071', 'usr_0072'
FROM generate_series(1, 400) AS m
ON CONFLICT DO NOTHING;

-- Purchased lots -----------------------------------------------------------------------------
INSERT INTO material_lots (id, lot_number, material_id, parent_lot_id, status, quantity_received, quantity_on_hand, unit_of_measure,
  supplier_id, supplier_lot_number, purchase_order_ref, work_order_id, location_code, received_at, manufactured_at, expires_at,
  certificate_url, attributes, created_at, updated_at, created_by, updated_by)
SELECT 'lot_' || lpad(l.n::text, 6, '0'),
       'LOT-' || lpad(l.n::text, 6, '0'),
       'mat_' || lpad(l.m::text, 4, '0'),
       NULL,
       l.status::lot_status,
       l.received,
       CASE WHEN l.status IN ('AVAILABLE', 'QUARANTINE', 'ON_HOLD') THEN round(l.received * (0.35 + (l.n % 6) * 0.1), 4) ELSE 0 END,
       l.uom,
       'SUP-' || lpad((1 + l.m % 24)::text, 3, '0'),
       'S' || (700000 + l.n * 13),
       'PO-' || (4100000 + l.n / 4),
       NULL,
       CASE WHEN l.status = 'QUARANTINE' THEN 'RCV-DOCK-1' ELSE 'WH1-' || chr(65 + l.m % 8) || lpad((1 + l.m % 40)::text, 2, '0') END,
       l.received_at,
       l.received_at - interval '21 days',
       CASE WHEN l.m > 300 AND (l.m - 301) % 5 = 4 THEN l.received_at + interval '730 days' END,
       'https://supplier-portal.acme-mfg.example/coc/' || l.n || '.pdf',
       jsonb_build_object('heatNumber', CASE WHEN l.m > 300 AND (l.m - 301) % 5 < 3 THEN 'H' || (30000 + l.n) END,
                          'inspectionLevel', CASE WHEN l.n % 4 = 0 THEN 'FULL' ELSE 'SKIP-LOT' END),
       l.received_at, l.received_at + interval '1 day', 'usr_' || lpad((71 + l.n % 20)::text, 4, '0'), 'usr_' || lpad((71 + l.n % 20)::text, 4, '0')
FROM (
  SELECT n, 121 + (n - 1) % 280 AS m, (n - 1) / 280 AS r,
         timestamptz '2023-12-18 07:00:00+00' + ((n - 1) / 280) * interval '18 days' + ((n - 1) % 280) * interval '30 minutes' AS received_at,
         CASE WHEN 121 + (n - 1) % 280 > 300 THEN (ARRAY['KG','KG','KG','EA','L'])[1 + (120 + (n - 1) % 280 - 300) % 5] ELSE 'EA' END AS uom,
         CASE WHEN 121 + (n - 1) % 280 > 300 THEN (500 + (n * 37) % 1500)::numeric ELSE (400 + (n * 53) % 1200)::numeric END AS received,
         CASE WHEN (n - 1) / 280 <= 16 THEN CASE WHEN n % 97 = 0 THEN 'SCRAPPED' ELSE 'CONSUMED' END
              WHEN (n - 1) / 280 = 17 AND n % 41 = 0 THEN 'EXPIRED'
              WHEN n % 53 = 0 THEN 'ON_HOLD'
              WHEN (n - 1) / 280 = 19 AND n % 5 = 0 THEN 'QUARANTINE'
              ELSE 'AVAILABLE' END AS status
  FROM generate_series(1, 5600) AS n
) AS l
ON CONFLICT DO NOTHING;

-- Lots produced by finished work orders -----------------------------------------------------------
INSERT INTO material_lots (id, lot_number, material_id, parent_lot_id, status, quantity_received, quantity_on_hand, unit_of_measure,
  supplier_id, supplier_lot_number, purchase_order_ref, work_order_id, location_code, received_at, manufactured_at, expires_at,
  certificate_url, attributes, created_at, updated_at, created_by, updated_by)
SELECT 'lot_' || lpad((5600 + w.i)::text, 6, '0'),
       'LOT-' || lpad((5600 + w.i)::text, 6, '0'),
       'mat_' || lpad(w.p::text, 4, '0'),
       NULL,
       (CASE WHEN w.i <= 4300 THEN 'CONSUMED' WHEN w.i % 31 = 0 THEN 'ON_HOLD' ELSE 'AVAILABLE' END)::lot_status,
       w.good,
       CASE WHEN w.i <= 4300 THEN 0 ELSE w.good END,
       'EA',
       NULL, NULL, NULL,
       'wo_' || lpad(w.i::text, 6, '0'),
       CASE WHEN w.p <= 40 THEN 'FG1-' ELSE 'WIP-' END || chr(65 + w.p % 6) || lpad((1 + w.p % 30)::text, 2, '0'),
       w.done_at, w.done_at, NULL, NULL,
       jsonb_build_object('source', 'production', 'workOrderNumber', 'WO-2024-' || lpad(w.i::text, 6, '0')),
       w.done_at, w.done_at + interval '3 days', 'usr_' || lpad((106 + w.i % 130)::text, 4, '0'), 'usr_' || lpad((71 + w.i % 20)::text, 4, '0')
FROM (
  SELECT i, p,
         (CASE WHEN p <= 40 THEN 5 + (i % 4) * 5 ELSE 10 + ((i * 37) % 20) * 5 END - CASE WHEN i % 7 = 0 THEN 1 + i % 3 ELSE 0 END)::numeric AS good,
         timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' + (8 + (3 + p % 3) * 6 + (i % 9) - 3) * interval '1 hour' AS done_at
  FROM generate_series(1, 4500) AS i, LATERAL (SELECT ((i * 7) % 300) + 1 AS p) AS x
  WHERE i % 157 <> 0
) AS w
ON CONFLICT DO NOTHING;

-- Lots split from purchased lots (kitting) ------------------------------------------------------------
INSERT INTO material_lots (id, lot_number, material_id, parent_lot_id, status, quantity_received, quantity_on_hand, unit_of_measure,
  supplier_id, supplier_lot_number, purchase_order_ref, work_order_id, location_code, received_at, manufactured_at, expires_at,
  certificate_url, attributes, created_at, updated_at, created_by, updated_by)
SELECT 'lot_' || lpad((10100 + j)::text, 6, '0'),
       'LOT-' || lpad((10100 + j)::text, 6, '0'),
       p.material_id,
       p.id,
       'CONSUMED'::lot_status,
       50, 0, p.unit_of_measure,
       p.supplier_id, p.supplier_lot_number, p.purchase_order_ref, NULL,
       'KIT-' || lpad((1 + j % 12)::text, 2, '0'),
       p.received_at + interval '2 days', p.manufactured_at, p.expires_at, p.certificate_url,
       jsonb_build_object('splitFrom', p.lot_number),
       p.received_at + interval '2 days', p.received_at + interval '3 days', 'usr_0071', 'usr_0071'
FROM generate_series(1, 500) AS j
JOIN material_lots AS p ON p.id = 'lot_' || lpad(j::text, 6, '0')
ON CONFLICT DO NOTHING;

-- Transactions: receipts, quarantine releases, splits, production ----------------------------------
INSERT INTO material_transactions (transaction_number, type, material_id, lot_id, quantity, unit_of_measure, from_location, to_location,
  work_order_id, reservation_id, reference_doc, reason_code, performed_by, performed_at, created_at)
SELECT 'MT-R-' || substr(l.id, 5), 'RECEIPT'::material_transaction_type, l.material_id, l.id, l.quantity_received, l.unit_of_measure,
       NULL, 'RCV-DOCK-1', NULL, NULL, l.purchase_order_ref, NULL, l.created_by, l.received_at, l.received_at
FROM material_lots AS l
WHERE l.id ~ '^lot_[0-9]{6}$' AND substr(l.id, 5)::int <= 5600
UNION ALL
SELECT 'MT-T-' || substr(l.id, 5), 'TRANSFER'::material_transaction_type, l.material_id, l.id, l.quantity_received, l.unit_of_measure,
       'RCV-DOCK-1', 'WH1-' || chr(65 + substr(l.material_id, 5)::int % 8) || lpad((1 + substr(l.material_id, 5)::int % 40)::text, 2, '0'),
       NULL, NULL, NULL, 'QA-RELEASED', 'usr_' || lpad((51 + substr(l.id, 5)::int % 20)::text, 4, '0'),
       l.received_at + interval '1 day', l.received_at + interval '1 day'
FROM material_lots AS l
WHERE l.id ~ '^lot_[0-9]{6}$' AND substr(l.id, 5)::int <= 5600 AND l.status <> 'QUARANTINE'
UNION ALL
SELECT 'MT-S-' || substr(l.id, 5), 'SPLIT'::material_transaction_type, l.material_id, l.id, l.quantity_received, l.unit_of_measure,
       'WH1', l.location_code, NULL, NULL, 'LOT-' || substr(l.parent_lot_id, 5), NULL, l.created_by, l.received_at, l.received_at
FROM material_lots AS l
WHERE l.parent_lot_id IS NOT NULL AND l.id ~ '^lot_[0-9]{6}$'
UNION ALL
SELECT 'MT-P-' || substr(l.id, 5), 'PRODUCE'::material_transaction_type, l.material_id, l.id, l.quantity_received, l.unit_of_measure,
       NULL, l.location_code, l.work_order_id, NULL, 'WO-2024-' || substr(l.work_order_id, 4), NULL, l.created_by, l.received_at, l.received_at
FROM material_lots AS l
WHERE l.work_order_id IS NOT NULL AND l.id ~ '^lot_[0-9]{6}$'
ON CONFLICT DO NOTHING;

-- Issues of BOM components to started work orders (same rule as the work-order seed) ------------
INSERT INTO material_transactions (transaction_number, type, material_id, lot_id, quantity, unit_of_measure, from_location, to_location,
  work_order_id, reservation_id, reference_doc, reason_code, performed_by, performed_at, created_at)
SELECT 'MT-I-' || lpad(b.i::text, 6, '0') || '-' || b.k,
       'ISSUE'::material_transaction_type,
       'mat_' || lpad(b.c::text, 4, '0'),
       b.lot,
       round(b.per * b.qty, 4),
       CASE WHEN b.c > 300 THEN (ARRAY['KG','KG','KG','EA','L'])[1 + (b.c - 301) % 5] ELSE 'EA' END,
       'WH1', 'WC-' || lpad((CASE WHEN b.p <= 40 THEN 9 WHEN b.p <= 120 THEN 2 ELSE 1 END)::text, 2, '0'),
       'wo_' || lpad(b.i::text, 6, '0'),
       NULL,
       'WO-2024-' || lpad(b.i::text, 6, '0'),
       NULL,
       'usr_' || lpad((71 + b.i % 20)::text, 4, '0'),
       b.start0 - interval '1 hour', b.start0 - interval '1 hour'
FROM (
  SELECT x.*,
         CASE WHEN x.c > 300 THEN CASE WHEN (x.c - 301) % 5 = 3 THEN (2 + x.p % 6)::numeric
                                       ELSE round((0.25 + ((x.p * x.k) % 8) * 0.25)::numeric, 4) END
              WHEN x.p <= 40 AND x.k <= 4 THEN 1::numeric
              ELSE (1 + (x.p + x.k) % 4)::numeric END AS per,
         CASE WHEN x.c >= 121 THEN 'lot_' || lpad((x.c - 120 + 280 * ((x.i - 1) / 250))::text, 6, '0')
              WHEN x.cand BETWEEN 1 AND 4500 AND x.cand % 157 <> 0 THEN 'lot_' || lpad((5600 + x.cand)::text, 6, '0') END AS lot
  FROM (
    SELECT w.*, k, c,
           CASE WHEN c BETWEEN 41 AND 120 THEN ((43 * (c - 1)) % 300) + 300 * floor((w.i - 1 - ((43 * (c - 1)) % 300)) / 300.0)::int END AS cand
    FROM (
      SELECT i, ((i * 7) % 300) + 1 AS p,
             CASE WHEN ((i * 7) % 300) + 1 <= 40 THEN 5 + (i % 4) * 5 ELSE 10 + ((i * 37) % 20) * 5 END AS qty,
             timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' AS start0
      FROM generate_series(1, 4700) AS i
      WHERE i % 157 <> 0 OR (i <= 4200 AND i % 2 = 0)
    ) AS w,
    generate_series(1, 6) AS k,
    LATERAL (SELECT CASE WHEN w.p <= 40 THEN CASE WHEN k <= 4 THEN 41 + ((w.p - 1) * 4 + k - 1) % 80 ELSE 121 + ((w.p - 1) * 2 + k - 5) % 180 END
                         WHEN w.p <= 120 THEN CASE WHEN k <= 4 THEN 121 + ((w.p - 41) * 4 + k - 1) % 180 ELSE 301 + (w.p - 41) % 100 END
                         ELSE 301 + (w.p - 121) % 100 END AS c) AS cc
    WHERE k <= CASE WHEN w.p <= 40 THEN 6 WHEN w.p <= 120 THEN 5 ELSE 1 END
  ) AS x
) AS b
WHERE b.lot IS NOT NULL
ON CONFLICT DO NOTHING;

-- Cycle-count adjustments ------------------------------------------------------------------------
INSERT INTO material_transactions (transaction_number, type, material_id, lot_id, quantity, unit_of_measure, from_location, to_location,
  work_order_id, reservation_id, reference_doc, reason_code, performed_by, performed_at, created_at)
SELECT 'MT-A-' || lpad(n::text, 6, '0'),
       (CASE WHEN n % 9 = 0 THEN 'SCRAP' ELSE 'ADJUSTMENT' END)::material_transaction_type,
       l.material_id, l.id,
       CASE WHEN n % 9 = 0 THEN -(1 + n % 4) ELSE (n % 7) - 3 END,
       l.unit_of_measure, l.location_code, NULL, NULL, NULL, 'CC-' || (2024000 + n),
       CASE WHEN n % 9 = 0 THEN 'DAMAGED' ELSE 'CYCLE-COUNT' END,
       'usr_' || lpad((71 + n % 20)::text, 4, '0'),
       timestamptz '2025-01-06 10:00:00+00' + n * interval '20 minutes', timestamptz '2025-01-06 10:00:00+00' + n * interval '20 minutes'
FROM generate_series(1, 300) AS n
JOIN material_lots AS l ON l.id = 'lot_' || lpad((4760 + n * 2)::text, 6, '0')
ON CONFLICT DO NOTHING;

-- Reservations for released and running work orders ------------------------------------------------
INSERT INTO material_reservations (id, reservation_number, material_id, lot_id, work_order_id, work_order_material_id, quantity_reserved,
  quantity_issued, unit_of_measure, status, required_by, created_at, updated_at, created_by, updated_by)
SELECT 'res_' || lpad(x.i::text, 6, '0') || '_' || x.k,
       'RSV-' || lpad(x.i::text, 6, '0') || '-' || x.k,
       'mat_' || lpad(x.c::text, 4, '0'),
       CASE WHEN x.c >= 121 THEN 'lot_' || lpad((x.c - 120 + 280 * ((x.i - 1) / 250))::text, 6, '0') END,
       'wo_' || lpad(x.i::text, 6, '0'),
       'wom_' || lpad(x.i::text, 6, '0') || '_' || x.k,
       round(x.per * x.qty, 4),
       CASE WHEN x.i <= 4700 THEN round(x.per * x.qty, 4) ELSE 0 END,
       CASE WHEN x.c > 300 THEN (ARRAY['KG','KG','KG','EA','L'])[1 + (x.c - 301) % 5] ELSE 'EA' END,
       (CASE WHEN x.i <= 4700 THEN 'FULFILLED' WHEN x.i % 13 = 0 THEN 'PARTIALLY_ISSUED' ELSE 'ACTIVE' END)::reservation_status,
       x.start0,
       x.start0 - interval '2 days', x.start0 - interval '1 hour', 'usr_' || lpad((26 + x.i % 10)::text, 4, '0'), 'usr_' || lpad((71 + x.i % 20)::text, 4, '0')
FROM (
  SELECT w.*, k, c,
         CASE WHEN c > 300 THEN CASE WHEN (c - 301) % 5 = 3 THEN (2 + w.p % 6)::numeric ELSE round((0.25 + ((w.p * k) % 8) * 0.25)::numeric, 4) END
              WHEN w.p <= 40 AND k <= 4 THEN 1::numeric ELSE (1 + (w.p + k) % 4)::numeric END AS per
  FROM (
    SELECT i, ((i * 7) % 300) + 1 AS p,
           CASE WHEN ((i * 7) % 300) + 1 <= 40 THEN 5 + (i % 4) * 5 ELSE 10 + ((i * 37) % 20) * 5 END AS qty,
           timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' AS start0
    FROM generate_series(4501, 4850) AS i
  ) AS w,
  generate_series(1, 6) AS k,
  LATERAL (SELECT CASE WHEN w.p <= 40 THEN CASE WHEN k <= 4 THEN 41 + ((w.p - 1) * 4 + k - 1) % 80 ELSE 121 + ((w.p - 1) * 2 + k - 5) % 180 END
                       WHEN w.p <= 120 THEN CASE WHEN k <= 4 THEN 121 + ((w.p - 41) * 4 + k - 1) % 180 ELSE 301 + (w.p - 41) % 100 END
                       ELSE 301 + (w.p - 121) % 100 END AS c) AS cc
  WHERE k <= CASE WHEN w.p <= 40 THEN 6 WHEN w.p <= 120 THEN 5 ELSE 1 END
) AS x
ON CONFLICT DO NOTHING;

-- Inventory: every lot with stock, at its location ------------------------------------------------
INSERT INTO inventory (id, material_id, lot_id, site_code, warehouse_code, location_code, quantity_on_hand, quantity_reserved,
  unit_of_measure, last_counted_at, created_at, updated_at)
SELECT 'inv_' || substr(l.id, 5),
       l.material_id, l.id, 'PLANT-01',
       split_part(l.location_code, '-', 1),
       l.location_code,
       l.quantity_on_hand,
       CASE WHEN l.status = 'AVAILABLE' AND substr(l.id, 5)::int % 3 = 0 THEN round(l.quantity_on_hand * 0.25, 4) ELSE 0 END,
       l.unit_of_measure,
       timestamptz '2025-01-06 10:00:00+00' + (substr(l.id, 5)::int % 20) * interval '1 day',
       l.created_at, timestamptz '2025-01-31 18:00:00+00'
FROM material_lots AS l
WHERE l.quantity_on_hand > 0 AND l.id ~ '^lot_[0-9]{6}$'
ON CONFLICT DO NOTHING;

-- Stock levels per material and site (from the inventory above; PLANT-02 keeps safety stock only) --
INSERT INTO stock_levels (material_id, site_code, quantity_on_hand, quantity_reserved, quantity_on_order, safety_stock, reorder_point,
  max_stock, unit_of_measure, last_calculated_at, updated_at)
SELECT m.id, s.site,
       CASE WHEN s.site = 'PLANT-01' THEN coalesce(i.on_hand, 0) ELSE 0 END,
       CASE WHEN s.site = 'PLANT-01' THEN coalesce(i.reserved, 0) ELSE 0 END,
       CASE WHEN substr(m.id, 5)::int > 120 AND substr(m.id, 5)::int % 4 = 0 THEN (200 + substr(m.id, 5)::int % 300)::numeric ELSE 0 END,
       CASE WHEN substr(m.id, 5)::int <= 120 THEN 5 ELSE 100 + substr(m.id, 5)::int % 200 END,
       CASE WHEN substr(m.id, 5)::int <= 120 THEN 10 ELSE 250 + substr(m.id, 5)::int % 400 END,
       CASE WHEN substr(m.id, 5)::int <= 120 THEN 200 ELSE 5000 END,
       m.base_uom,
       timestamptz '2025-01-31 18:00:00+00', timestamptz '2025-01-31 18:00:00+00'
FROM materials AS m
CROSS JOIN (VALUES ('PLANT-01'), ('PLANT-02')) AS s(site)
LEFT JOIN (SELECT material_id, sum(quantity_on_hand) AS on_hand, sum(quantity_reserved) AS reserved
           FROM inventory WHERE site_code = 'PLANT-01' GROUP BY material_id) AS i ON i.material_id = m.id
WHERE m.id ~ '^mat_[0-9]{4}$' AND (s.site = 'PLANT-01' OR substr(m.id, 5)::int > 300)
ON CONFLICT DO NOTHING;
