-- traceability seed: development data for mes_traceability_db.
-- Serial number policies and ranges, ~23,000 serialized units (finished goods with their
-- installed serialized subassemblies: the as-built tree), the lot genealogy of every material
-- lot (received, split, produced from a parent lot) and ~84,000 trace events.
-- Deterministic and idempotent (fixed ids, md5-based uuids, ON CONFLICT DO NOTHING).
-- Work orders, parts and lots follow the rules written at the top of the work-order and
-- material seeds (wo_IIIIII with part ((i*7)%300)+1, lot_NNNNNN).

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

-- Serial number policies: a site default, one per finished good and per serialized subassembly
INSERT INTO "SerialNumberPolicy" ("id", "name", "partId", "prefix", "suffix", "formatPattern", "sequenceLength", "checkDigitAlgorithm",
  "resetFrequency", "isActive", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'snp_0000', 'PLANT-01 default', NULL, 'P01', NULL, '{PREFIX}-{YY}{SEQ:8}', 8, 'LUHN', 'YEARLY'::"SequenceReset", true,
       timestamptz '2023-10-01 08:00:00+00', timestamptz '2023-10-01 08:00:00+00', 'usr_0016', 'usr_0016'
UNION ALL
SELECT 'snp_' || lpad(p::text, 4, '0'),
       'PN-' || (100000 + p) || ' serials',
       'part_' || lpad(p::text, 4, '0'),
       CASE WHEN p <= 40 THEN (ARRAY['HGP','APP','DCV','HYC','HPU','FDV','RVA','HYM'])[1 + (p - 1) % 8] ELSE 'SA' || lpad(p::text, 3, '0') END,
       NULL,
       '{PREFIX}-{WO:6}-{SEQ:2}',
       2, NULL, 'NEVER'::"SequenceReset", p % 97 <> 0,
       timestamptz '2023-10-01 08:00:00+00', timestamptz '2023-10-01 08:00:00+00', 'usr_0016', 'usr_0016'
FROM generate_series(1, 120) AS p
WHERE p <= 40 OR p % 2 = 0
ON CONFLICT DO NOTHING;

INSERT INTO "SerialNumberRange" ("id", "policyId", "rangeStart", "rangeEnd", "nextValue", "status", "workOrderId", "createdAt", "updatedAt", "createdBy")
SELECT p."id" || '_' || r, p."id",
       (r - 1) * 500000 + 1, r * 500000,
       CASE WHEN r = 1 THEN 500001 ELSE 500001 + (substr(p."id", 5)::int * 977) % 20000 END,
       (CASE WHEN r = 1 THEN 'EXHAUSTED' ELSE 'ACTIVE' END)::"SerialRangeStatus",
       NULL,
       timestamptz '2023-10-01 08:00:00+00' + (r - 1) * interval '180 days', timestamptz '2025-01-31 18:00:00+00', 'usr_0016'
FROM "SerialNumberPolicy" AS p, generate_series(1, 2) AS r
WHERE p."id" ~ '^snp_[0-9]{4}$'
ON CONFLICT DO NOTHING;

-- Finished-good units of every started, non-cancelled finished-good work order ---------------
INSERT INTO "SerializedPart" ("id", "serialNumber", "partId", "partNumber", "partRevision", "policyId", "status", "workOrderId", "lotId",
  "parentSerialId", "position", "manufacturedAt", "shippedAt", "customerRef", "attributes", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT md5('sp:' || s.serial)::uuid,
       s.serial,
       'part_' || lpad(s.p::text, 4, '0'), 'PN-' || (100000 + s.p), CASE WHEN s.p % 10 = 0 THEN 'B' ELSE 'A' END,
       'snp_' || lpad(s.p::text, 4, '0'),
       (CASE WHEN s.i > 4500 THEN 'IN_PRODUCTION' WHEN s.u > s.qty - s.scrap THEN 'SCRAPPED'
             WHEN s.i <= 4200 THEN 'SHIPPED' ELSE 'COMPLETED' END)::"SerialStatus",
       'wo_' || lpad(s.i::text, 6, '0'),
       CASE WHEN s.i <= 4500 THEN 'lot_' || lpad((5600 + s.i)::text, 6, '0') END,
       NULL, NULL,
       CASE WHEN s.i <= 4500 THEN s.done_at END,
       CASE WHEN s.i <= 4200 AND s.u <= s.qty - s.scrap THEN s.done_at + interval '5 days' END,
       CASE WHEN s.i <= 4200 AND s.u <= s.qty - s.scrap THEN 'SO-' || (20000 + s.i / 3) END,
       jsonb_build_object('firmware', CASE WHEN s.p % 8 IN (5, 0) THEN 'v' || (2 + s.i / 2000) || '.' || (s.i % 10) END,
                          'testPressureBar', 250 + s.p % 5 * 25),
       s.start0, coalesce(s.done_at + interval '5 days', s.start0), 'usr_' || lpad((106 + s.i % 130)::text, 4, '0'), 'usr_' || lpad((51 + s.i % 20)::text, 4, '0')
FROM (
  SELECT w.*, u,
         (ARRAY['HGP','APP','DCV','HYC','HPU','FDV','RVA','HYM'])[1 + (w.p - 1) % 8] || '-' || lpad(w.i::text, 6, '0') || '-' || lpad(u::text, 2, '0') AS serial
  FROM (
    SELECT i, p, 5 + (i % 4) * 5 AS qty, CASE WHEN i % 7 = 0 THEN 1 + i % 3 ELSE 0 END AS scrap,
           timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' AS start0,
           CASE WHEN i <= 4500 THEN timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours'
                                    + (8 + (3 + p % 3) * 6 + (i % 9) - 3) * interval '1 hour' END AS done_at
    FROM generate_series(1, 4700) AS i, LATERAL (SELECT ((i * 7) % 300) + 1 AS p) AS x
    WHERE x.p <= 40 AND i % 157 <> 0
  ) AS w,
  generate_series(1, 20) AS u
  WHERE u <= w.qty
) AS s
ON CONFLICT DO NOTHING;

-- Serialized subassemblies installed in those units (as-built self relation) ---------------------
INSERT INTO "SerializedPart" ("id", "serialNumber", "partId", "partNumber", "partRevision", "policyId", "status", "workOrderId", "lotId",
  "parentSerialId", "position", "manufacturedAt", "shippedAt", "customerRef", "attributes", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT md5('sp:' || c.serial)::uuid,
       c.serial,
       'part_' || lpad(c.c::text, 4, '0'), 'PN-' || (100000 + c.c), CASE WHEN c.c % 10 = 0 THEN 'B' ELSE 'A' END,
       'snp_' || lpad(c.c::text, 4, '0'),
       (CASE WHEN c.installed THEN 'INSTALLED' ELSE 'COMPLETED' END)::"SerialStatus",
       CASE WHEN c.cand BETWEEN 1 AND 4500 AND c.cand % 157 <> 0 THEN 'wo_' || lpad(c.cand::text, 6, '0') END,
       CASE WHEN c.cand BETWEEN 1 AND 4500 AND c.cand % 157 <> 0 THEN 'lot_' || lpad((5600 + c.cand)::text, 6, '0') END,
       CASE WHEN c.installed THEN c.parent_id END,
       CASE WHEN c.installed THEN 'POS-' || (c.k * 10) END,
       c.made_at, NULL, NULL, NULL,
       c.made_at, c.parent_created + interval '1 hour', 'usr_' || lpad((106 + c.k)::text, 4, '0'), 'usr_' || lpad((106 + c.k)::text, 4, '0')
FROM (
  SELECT sp."id" AS parent_id, sp."createdAt" AS parent_created, x.i, x.u, k, cc.c,
         'SA' || lpad(cc.c::text, 3, '0') || '-' || lpad(x.i::text, 6, '0') || '-' || lpad(x.u::text, 2, '0') AS serial,
         sp."status" <> 'IN_PRODUCTION' OR x.u <= 2 AS installed,
         ((43 * (cc.c - 1)) % 300) + 300 * floor((x.i - 1 - ((43 * (cc.c - 1)) % 300)) / 300.0)::int AS cand,
         sp."createdAt" - interval '1 day' AS made_at
  FROM "SerializedPart" AS sp,
       LATERAL (SELECT substr(sp."workOrderId", 4)::int AS i, substr(sp."partId", 6)::int AS p,
                       right(sp."serialNumber", 2)::int AS u) AS x,
       generate_series(1, 4) AS k,
       LATERAL (SELECT 41 + ((x.p - 1) * 4 + k - 1) % 80 AS c) AS cc
  WHERE sp."policyId" ~ '^snp_00[0-4][0-9]$' AND x.p <= 40 AND cc.c % 2 = 0
) AS c
ON CONFLICT DO NOTHING;

-- Lot genealogy ----------------------------------------------------------------------------------
-- purchased lots: roots
INSERT INTO "LotGenealogy" ("id", "lotId", "lotNumber", "materialId", "parentId", "relationType", "quantity", "unitOfMeasure",
  "workOrderId", "operationId", "depth", "createdAt", "updatedAt", "createdBy")
SELECT 'lgn_' || lpad(n::text, 6, '0'), 'lot_' || lpad(n::text, 6, '0'), 'LOT-' || lpad(n::text, 6, '0'),
       'mat_' || lpad(m::text, 4, '0'), NULL, 'RECEIVED'::"GenealogyRelation",
       CASE WHEN m > 300 THEN (500 + (n * 37) % 1500)::numeric ELSE (400 + (n * 53) % 1200)::numeric END,
       CASE WHEN m > 300 THEN (ARRAY['KG','KG','KG','EA','L'])[1 + (m - 301) % 5] ELSE 'EA' END,
       NULL, NULL, 0,
       timestamptz '2023-12-18 07:00:00+00' + ((n - 1) / 280) * interval '18 days' + ((n - 1) % 280) * interval '30 minutes',
       timestamptz '2023-12-18 07:00:00+00' + ((n - 1) / 280) * interval '18 days' + ((n - 1) % 280) * interval '30 minutes',
       'usr_' || lpad((71 + n % 20)::text, 4, '0')
FROM generate_series(1, 5600) AS n, LATERAL (SELECT 121 + (n - 1) % 280 AS m) AS x
ON CONFLICT DO NOTHING;

-- split lots: children of purchased lots 1..500
INSERT INTO "LotGenealogy" ("id", "lotId", "lotNumber", "materialId", "parentId", "relationType", "quantity", "unitOfMeasure",
  "workOrderId", "operationId", "depth", "createdAt", "updatedAt", "createdBy")
SELECT 'lgn_' || lpad((10100 + j)::text, 6, '0'), 'lot_' || lpad((10100 + j)::text, 6, '0'), 'LOT-' || lpad((10100 + j)::text, 6, '0'),
       g."materialId", g."id", 'SPLIT'::"GenealogyRelation", 50, g."unitOfMeasure", NULL, NULL, 1,
       g."createdAt" + interval '2 days', g."createdAt" + interval '2 days', 'usr_0071'
FROM generate_series(1, 500) AS j
JOIN "LotGenealogy" AS g ON g."id" = 'lgn_' || lpad(j::text, 6, '0')
ON CONFLICT DO NOTHING;

-- production lots: child of the lot of the order's first BOM component (for finished goods that
-- is a subassembly production lot inserted by the same statement)
INSERT INTO "LotGenealogy" ("id", "lotId", "lotNumber", "materialId", "parentId", "relationType", "quantity", "unitOfMeasure",
  "workOrderId", "operationId", "depth", "createdAt", "updatedAt", "createdBy")
SELECT 'lgn_' || lpad((5600 + w.i)::text, 6, '0'), 'lot_' || lpad((5600 + w.i)::text, 6, '0'), 'LOT-' || lpad((5600 + w.i)::text, 6, '0'),
       'mat_' || lpad(w.p::text, 4, '0'),
       CASE WHEN w.c1 >= 121 THEN 'lgn_' || lpad((w.c1 - 120 + 280 * ((w.i - 1) / 250))::text, 6, '0')
            WHEN w.cand BETWEEN 1 AND 4500 AND w.cand % 157 <> 0 THEN 'lgn_' || lpad((5600 + w.cand)::text, 6, '0') END,
       (CASE WHEN w.i % 50 = 0 AND w.i > 300 THEN 'REWORK' ELSE 'TRANSFORM' END)::"GenealogyRelation",
       w.good, 'EA',
       'wo_' || lpad(w.i::text, 6, '0'),
       'woo_' || lpad(w.i::text, 6, '0') || '_01',
       CASE WHEN w.p <= 40 THEN CASE WHEN w.cand BETWEEN 1 AND 4500 AND w.cand % 157 <> 0 THEN 2 ELSE 0 END ELSE 1 END,
       w.done_at, w.done_at, 'usr_' || lpad((106 + w.i % 130)::text, 4, '0')
FROM (
  SELECT i, p, c1,
         (CASE WHEN p <= 40 THEN 5 + (i % 4) * 5 ELSE 10 + ((i * 37) % 20) * 5 END - CASE WHEN i % 7 = 0 THEN 1 + i % 3 ELSE 0 END)::numeric AS good,
         timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' + (8 + (3 + p % 3) * 6 + (i % 9) - 3) * interval '1 hour' AS done_at,
         CASE WHEN c1 BETWEEN 41 AND 120 THEN ((43 * (c1 - 1)) % 300) + 300 * floor((i - 1 - ((43 * (c1 - 1)) % 300)) / 300.0)::int END AS cand
  FROM generate_series(1, 4500) AS i,
       LATERAL (SELECT ((i * 7) % 300) + 1 AS p) AS x,
       LATERAL (SELECT CASE WHEN x.p <= 40 THEN 41 + ((x.p - 1) * 4) % 80
                            WHEN x.p <= 120 THEN 121 + ((x.p - 41) * 4) % 180
                            ELSE 301 + (x.p - 121) % 100 END AS c1) AS y
  WHERE i % 157 <> 0
) AS w
ON CONFLICT DO NOTHING;

-- Trace events -------------------------------------------------------------------------------------
-- lots: created (received / split / produced), split, consumed into a production lot
INSERT INTO "TraceabilityEvent" ("id", "eventType", "occurredAt", "serializedPartId", "lotGenealogyId", "serialNumber", "lotNumber",
  "workOrderId", "operationId", "equipmentId", "personnelId", "location", "quantity", "unitOfMeasure", "data", "sourceSystem",
  "recordedAt", "recordedBy")
SELECT md5('te:lot-created:' || g."id")::uuid, 'LOT_CREATED'::"TraceEventType", g."createdAt", NULL::uuid, g."id", NULL, g."lotNumber",
       g."workOrderId", NULL, NULL, NULL,
       CASE g."relationType" WHEN 'RECEIVED' THEN 'RCV-DOCK-1' WHEN 'SPLIT' THEN 'KIT-AREA' ELSE 'PRODUCTION' END,
       g."quantity", g."unitOfMeasure",
       jsonb_build_object('relation', g."relationType"::text),
       CASE WHEN g."relationType" = 'RECEIVED' THEN 'ERP' ELSE 'MES' END,
       g."createdAt", g."createdBy"
FROM "LotGenealogy" AS g
WHERE g."id" ~ '^lgn_[0-9]{6}$'
UNION ALL
SELECT md5('te:lot-split:' || g."id")::uuid, 'LOT_SPLIT'::"TraceEventType", g."createdAt", NULL, p."id", NULL, p."lotNumber",
       NULL, NULL, NULL, NULL, 'KIT-AREA', g."quantity", g."unitOfMeasure",
       jsonb_build_object('childLot', g."lotNumber"), 'MES', g."createdAt", g."createdBy"
FROM "LotGenealogy" AS g JOIN "LotGenealogy" AS p ON p."id" = g."parentId"
WHERE g."relationType" = 'SPLIT' AND g."id" ~ '^lgn_[0-9]{6}$'
UNION ALL
SELECT md5('te:lot-consumed:' || g."id")::uuid, 'LOT_CONSUMED'::"TraceEventType", g."createdAt" - interval '6 hours', NULL, p."id", NULL,
       p."lotNumber", g."workOrderId", g."operationId", NULL, NULL, 'WIP', NULL, p."unitOfMeasure",
       jsonb_build_object('intoLot', g."lotNumber"), 'MES', g."createdAt" - interval '6 hours', g."createdBy"
FROM "LotGenealogy" AS g JOIN "LotGenealogy" AS p ON p."id" = g."parentId"
WHERE g."relationType" IN ('TRANSFORM', 'REWORK') AND g."id" ~ '^lgn_[0-9]{6}$'
ON CONFLICT DO NOTHING;

-- finished-good units: serial assigned, each completed operation, final inspection, shipment
INSERT INTO "TraceabilityEvent" ("id", "eventType", "occurredAt", "serializedPartId", "lotGenealogyId", "serialNumber", "lotNumber",
  "workOrderId", "operationId", "equipmentId", "personnelId", "location", "quantity", "unitOfMeasure", "data", "sourceSystem",
  "recordedAt", "recordedBy")
SELECT md5('te:' || e.kind || ':' || e.k || ':' || sp."serialNumber")::uuid,
       e.kind::"TraceEventType",
       e.at,
       sp."id",
       CASE WHEN sp."lotId" IS NOT NULL THEN 'lgn_' || substr(sp."lotId", 5) END,
       sp."serialNumber",
       CASE WHEN sp."lotId" IS NOT NULL THEN 'LOT-' || substr(sp."lotId", 5) END,
       sp."workOrderId",
       CASE WHEN e.kind = 'OPERATION_COMPLETED' THEN 'woo_' || substr(sp."workOrderId", 4) || '_' || lpad(e.k::text, 2, '0') END,
       CASE WHEN e.kind = 'OPERATION_COMPLETED'
            THEN 'eq_' || lpad((17 + ((ARRAY[9, 8, 10, 12, 11])[e.k] - 1) * 4 + 1 + x.i % 4)::text, 4, '0') END,
       'per_' || lpad((CASE WHEN e.kind = 'INSPECTED' THEN 51 + x.i % 20 WHEN e.kind = 'SHIPPED' THEN 71 + x.i % 20 ELSE 106 + x.i % 130 END)::text, 4, '0'),
       CASE e.kind WHEN 'SHIPPED' THEN 'SHIP-DOCK-2' WHEN 'INSPECTED' THEN 'WC-12' ELSE 'WC-' || lpad((ARRAY[9, 8, 10, 12, 11])[greatest(e.k, 1)]::text, 2, '0') END,
       1, 'EA',
       CASE e.kind WHEN 'INSPECTED' THEN jsonb_build_object('result', CASE WHEN sp."status" = 'SCRAPPED' THEN 'FAIL' ELSE 'PASS' END)
                   WHEN 'SHIPPED' THEN jsonb_build_object('salesOrder', sp."customerRef", 'carrier', (ARRAY['UPS', 'FedEx Freight', 'DHL'])[1 + x.i % 3])
                   ELSE NULL END,
       'MES', e.at, 'usr_' || lpad((106 + x.i % 130)::text, 4, '0')
FROM "SerializedPart" AS sp
CROSS JOIN LATERAL (SELECT substr(sp."workOrderId", 4)::int AS i, substr(sp."partId", 6)::int AS p) AS x
CROSS JOIN LATERAL (
  SELECT 'SERIAL_ASSIGNED' AS kind, 0 AS k, sp."createdAt" AS at
  UNION ALL
  SELECT 'OPERATION_COMPLETED', k, sp."createdAt" + k * interval '6 hours' + (x.i % 5) * interval '30 minutes'
  FROM generate_series(1, 3 + x.p % 3) AS k
  WHERE sp."status" <> 'IN_PRODUCTION' OR k < 1 + x.i % (3 + x.p % 3)
  UNION ALL
  SELECT 'INSPECTED', 0, sp."manufacturedAt" - interval '30 minutes' WHERE sp."manufacturedAt" IS NOT NULL
  UNION ALL
  SELECT CASE WHEN sp."status" = 'SCRAPPED' THEN 'SCRAPPED' ELSE 'SHIPPED' END, 0, coalesce(sp."shippedAt", sp."manufacturedAt")
  WHERE sp."status" IN ('SHIPPED', 'SCRAPPED')
) AS e
WHERE sp."parentSerialId" IS NULL AND sp."policyId" ~ '^snp_00[0-4][0-9]$' AND x.p <= 40
ON CONFLICT DO NOTHING;

-- subassembly units: assembled into their finished-good unit (or, not yet installed, serial assigned)
INSERT INTO "TraceabilityEvent" ("id", "eventType", "occurredAt", "serializedPartId", "lotGenealogyId", "serialNumber", "lotNumber",
  "workOrderId", "operationId", "equipmentId", "personnelId", "location", "quantity", "unitOfMeasure", "data", "sourceSystem",
  "recordedAt", "recordedBy")
SELECT md5('te:' || e.kind || ':' || sp."serialNumber")::uuid,
       e.kind::"TraceEventType",
       e.at,
       sp."id",
       CASE WHEN sp."lotId" IS NOT NULL THEN 'lgn_' || substr(sp."lotId", 5) END,
       sp."serialNumber",
       CASE WHEN sp."lotId" IS NOT NULL THEN 'LOT-' || substr(sp."lotId", 5) END,
       CASE WHEN e.kind = 'ASSEMBLED' THEN parent."workOrderId" ELSE sp."workOrderId" END,
       CASE WHEN e.kind = 'ASSEMBLED' THEN 'woo_' || substr(parent."workOrderId", 4) || '_01' END,
       CASE WHEN e.kind = 'ASSEMBLED' THEN 'eq_' || lpad((50 + x.i % 4)::text, 4, '0') END,
       'per_' || lpad((106 + x.i % 130)::text, 4, '0'),
       CASE WHEN e.kind = 'ASSEMBLED' THEN 'WC-09' ELSE 'WIP' END,
       1, 'EA',
       CASE WHEN e.kind = 'ASSEMBLED' THEN jsonb_build_object('parentSerial', parent."serialNumber", 'position', sp."position") END,
       'MES', e.at, sp."createdBy"
FROM "SerializedPart" AS sp
LEFT JOIN "SerializedPart" AS parent ON parent."id" = sp."parentSerialId"
CROSS JOIN LATERAL (SELECT substr(sp."serialNumber", 7, 6)::int AS i) AS x
CROSS JOIN LATERAL (
  SELECT 'SERIAL_ASSIGNED' AS kind, sp."createdAt" AS at WHERE parent."id" IS NULL
  UNION ALL
  SELECT 'ASSEMBLED', parent."createdAt" + interval '6 hours' WHERE parent."id" IS NOT NULL
) AS e
WHERE sp."serialNumber" ~ '^SA[0-9]{3}-[0-9]{6}-[0-9]{2}$'
ON CONFLICT DO NOTHING;
