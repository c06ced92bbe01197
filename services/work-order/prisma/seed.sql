-- work-order seed: development data for mes_work_order_db.
-- 5,000 work orders over 2024-01..2025-02 through their whole lifecycle
-- (CLOSED / COMPLETED / CANCELLED, IN_PROGRESS / ON_HOLD, RELEASED, CREATED), with their
-- operations, material lines, tools, people, completions, variances and work instructions.
-- Deterministic and idempotent (fixed ids and timestamps, ON CONFLICT DO NOTHING).
--
-- Rules shared with the other seeds (ids of the resource, material and auth services):
--   work order i = wo_IIIIII (WO-2024-IIIIII); part p = ((i * 7) % 300) + 1 -> part_PPPP, PN-(100000+p),
--   routing rtg_PPPP with 3 + p % 3 operations rop_PPPP_KK; work center of operation k:
--   FG (p<=40) [9,8,10,12,11], subassembly (p<=120) [2,3,9,10,12], component [1,2,3,5,7].
--   material lines = the part's BOM (resource seed); the lot issued for component c of order i:
--   c >= 121: lot_(c - 120 + 280 * ((i - 1) / 250)); c in 41..120: the production lot
--   lot_(5600 + j) of the latest earlier finished order j for part c.

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

-- Work instructions: one per routing operation (revision B supersedes A on every tenth part)
INSERT INTO "WorkInstruction" ("id", "instructionNumber", "revision", "title", "format", "content", "mediaUrls", "partId",
  "routingOperationId", "operationCode", "isActive", "effectiveFrom", "effectiveTo", "approvedBy", "approvedAt",
  "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'wi_' || lpad(o.p::text, 4, '0') || '_' || lpad(o.k::text, 2, '0') || '_' || r.rev,
       'WI-' || (100000 + o.p) || '-' || lpad((o.k * 10)::text, 3, '0'),
       r.rev,
       (ARRAY['Saw cut to length','CNC turning','CNC milling','Drill and tap','Heat treatment','Precision grinding',
              'Wash and degrease','Robotic welding','Assembly','Functional pressure test','Pack and label','CMM inspection'])[o.c]
         || ' - PN-' || (100000 + o.p),
       (CASE WHEN o.c IN (9, 10) THEN 'HTML' WHEN o.c = 8 THEN 'VIDEO' WHEN o.c IN (2, 3) THEN 'MODEL_3D' ELSE 'PDF' END)::"InstructionFormat",
       '<h1>Operation ' || (o.k * 10) || '</h1><ol><li>Verify work order, part number and revision.</li>'
         || '<li>Check tooling and gauges are within calibration.</li><li>Run the operation per the parameters.</li>'
         || '<li>Record quantities and sign off in the MES.</li></ol>',
       ARRAY['https://docs.acme-mfg.example/wi/' || (100000 + o.p) || '/' || (o.k * 10) || '/' || r.rev || '.pdf'],
       'part_' || lpad(o.p::text, 4, '0'),
       'rop_' || lpad(o.p::text, 4, '0') || '_' || lpad(o.k::text, 2, '0'),
       'OP-' || (ARRAY['SAW','TURN','MILL','DRILL','HT','GRIND','WASH','WELD','ASSY','TEST','PACK','CMM'])[o.c],
       r.rev = CASE WHEN o.p % 10 = 0 THEN 'B' ELSE 'A' END,
       CASE r.rev WHEN 'A' THEN timestamptz '2023-12-01 00:00:00+00' ELSE timestamptz '2024-06-01 00:00:00+00' END,
       CASE WHEN r.rev = 'A' AND o.p % 10 = 0 THEN timestamptz '2024-06-01 00:00:00+00' END,
       'usr_0016',
       CASE r.rev WHEN 'A' THEN timestamptz '2023-11-28 14:00:00+00' ELSE timestamptz '2024-05-28 14:00:00+00' END,
       timestamptz '2023-11-20 08:00:00+00', timestamptz '2024-06-01 00:00:00+00', 'usr_0017', 'usr_0016'
FROM (SELECT p, k, CASE WHEN p <= 40 THEN (ARRAY[9, 8, 10, 12, 11])[k] WHEN p <= 120 THEN (ARRAY[2, 3, 9, 10, 12])[k]
                        ELSE (ARRAY[1, 2, 3, 5, 7])[k] END AS c
      FROM generate_series(1, 300) AS p, generate_series(1, 5) AS k WHERE k <= 3 + p % 3) AS o,
     LATERAL (SELECT 'A' AS rev UNION ALL SELECT 'B' WHERE o.p % 10 = 0) AS r
ON CONFLICT DO NOTHING;

-- Work orders ----------------------------------------------------------------------------
INSERT INTO "WorkOrder" ("id", "workOrderNumber", "type", "status", "priority", "partId", "partNumber", "partRevision",
  "routingId", "quantityOrdered", "quantityCompleted", "quantityScrapped", "unitOfMeasure", "siteCode", "workCenterCode",
  "customerOrderRef", "erpOrderRef", "parentWorkOrderId", "dueDate", "plannedStartAt", "plannedEndAt", "actualStartAt",
  "actualEndAt", "releasedAt", "releasedBy", "closedAt", "closedBy", "holdReason", "notes", "createdAt", "updatedAt",
  "createdBy", "updatedBy")
SELECT
  'wo_' || lpad(w.i::text, 6, '0'),
  'WO-2024-' || lpad(w.i::text, 6, '0'),
  w.kind::"WorkOrderType",
  w.status::"WorkOrderStatus",
  (CASE WHEN w.i % 19 = 0 THEN 'URGENT' WHEN w.i % 7 = 0 THEN 'HIGH' WHEN w.i % 5 = 0 THEN 'LOW' ELSE 'NORMAL' END)::"WorkOrderPriority",
  'part_' || lpad(w.p::text, 4, '0'),
  'PN-' || (100000 + w.p),
  CASE WHEN w.p % 10 = 0 THEN 'B' ELSE 'A' END,
  'rtg_' || lpad(w.p::text, 4, '0'),
  w.qty,
  CASE WHEN w.status IN ('CLOSED', 'COMPLETED') THEN w.qty - w.scrap
       WHEN w.status IN ('IN_PROGRESS', 'ON_HOLD') AND w.i % (3 + w.p % 3) = 3 + w.p % 3 - 1 THEN floor(w.qty / 2) ELSE 0 END,
  CASE WHEN w.status IN ('CLOSED', 'COMPLETED') THEN w.scrap ELSE 0 END,
  'EA',
  'PLANT-01',
  'WC-' || lpad((CASE WHEN w.p <= 40 THEN 9 WHEN w.p <= 120 THEN 2 ELSE 1 END)::text, 2, '0'),
  CASE WHEN w.p <= 40 THEN 'SO-' || (20000 + w.i / 3) END,
  CASE WHEN w.kind = 'PRODUCTION' THEN 'SAP-' || (4500000000 + w.i) END,
  CASE WHEN w.kind = 'REWORK' THEN 'wo_' || lpad((w.i - 300)::text, 6, '0') END,
  w.start0 + (8 + (3 + w.p % 3) * 6) * interval '1 hour' + interval '2 days',
  w.start0,
  w.start0 + (8 + (3 + w.p % 3) * 6) * interval '1 hour',
  CASE WHEN w.status NOT IN ('CREATED', 'RELEASED') AND NOT (w.status = 'CANCELLED' AND w.i % 2 = 1)
       THEN w.start0 + (w.i % 5) * interval '30 minutes' END,
  CASE WHEN w.status IN ('CLOSED', 'COMPLETED')
       THEN w.start0 + (8 + (3 + w.p % 3) * 6) * interval '1 hour' + ((w.i % 9) - 3) * interval '1 hour' END,
  CASE WHEN w.status <> 'CREATED' THEN w.start0 - interval '2 days' END,
  CASE WHEN w.status <> 'CREATED' THEN 'usr_' || lpad((4 + w.i % 12)::text, 4, '0') END,
  CASE WHEN w.status IN ('CLOSED', 'CANCELLED') THEN w.start0 + (8 + (3 + w.p % 3) * 6) * interval '1 hour' + interval '3 days' END,
  CASE WHEN w.status IN ('CLOSED', 'CANCELLED') THEN 'usr_' || lpad((26 + w.i % 10)::text, 4, '0') END,
  CASE WHEN w.status = 'ON_HOLD' THEN (ARRAY['Awaiting material', 'Machine breakdown', 'Quality hold - NCR open', 'Engineering change pending'])[1 + w.i % 4] END,
  CASE WHEN w.status = 'CANCELLED' THEN 'Cancelled: customer order withdrawn' WHEN w.kind = 'REWORK' THEN 'Rework of nonconforming units' END,
  w.start0 - interval '10 days',
  CASE WHEN w.status IN ('CLOSED', 'CANCELLED') THEN w.start0 + (8 + (3 + w.p % 3) * 6) * interval '1 hour' + interval '3 days'
       WHEN w.status = 'CREATED' THEN w.start0 - interval '10 days' ELSE w.start0 END,
  'usr_' || lpad((26 + w.i % 10)::text, 4, '0'),
  'usr_' || lpad((4 + w.i % 12)::text, 4, '0')
FROM (
  SELECT i, p, start0,
         CASE WHEN p <= 40 THEN (5 + (i % 4) * 5)::numeric ELSE (10 + ((i * 37) % 20) * 5)::numeric END AS qty,
         CASE WHEN i % 7 = 0 THEN 1 + i % 3 ELSE 0 END AS scrap,
         CASE WHEN i % 50 = 0 AND i > 300 THEN 'REWORK' WHEN i % 97 = 0 THEN 'PROTOTYPE' WHEN i % 89 = 0 THEN 'ENGINEERING' ELSE 'PRODUCTION' END AS kind,
         CASE WHEN i <= 4200 THEN CASE WHEN i % 157 = 0 THEN 'CANCELLED' ELSE 'CLOSED' END
              WHEN i <= 4500 THEN 'COMPLETED'
              WHEN i <= 4700 THEN CASE WHEN i % 23 = 0 THEN 'ON_HOLD' ELSE 'IN_PROGRESS' END
              WHEN i <= 4850 THEN 'RELEASED'
              ELSE 'CREATED' END AS status
  FROM generate_series(1, 5000) AS i,
       LATERAL (SELECT ((i * 7) % 300) + 1 AS p, timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' AS start0) AS x
) AS w
ORDER BY w.i
ON CONFLICT DO NOTHING;

-- Operations -------------------------------------------------------------------------------
INSERT INTO "WorkOrderOperation" ("id", "workOrderId", "sequence", "operationCode", "description", "routingOperationId",
  "workCenterCode", "equipmentId", "workInstructionId", "status", "quantityPlanned", "quantityCompleted", "quantityScrapped",
  "unitOfMeasure", "setupTimePlanned", "runTimePlanned", "setupTimeActual", "runTimeActual", "timeUnit", "isInspectionPoint",
  "plannedStartAt", "plannedEndAt", "actualStartAt", "actualEndAt", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT
  'woo_' || lpad(o.i::text, 6, '0') || '_' || lpad(o.k::text, 2, '0'),
  o.wo_id,
  o.k * 10,
  'OP-' || (ARRAY['SAW','TURN','MILL','DRILL','HT','GRIND','WASH','WELD','ASSY','TEST','PACK','CMM'])[o.c],
  (ARRAY['Saw cut to length','CNC turning','CNC milling','Drill and tap','Heat treatment','Precision grinding',
         'Wash and degrease','Robotic welding','Assembly','Functional pressure test','Pack and label','CMM inspection'])[o.c],
  'rop_' || lpad(o.p::text, 4, '0') || '_' || lpad(o.k::text, 2, '0'),
  'WC-' || lpad(o.c::text, 2, '0'),
  'eq_' || lpad((17 + (o.c - 1) * 4 + 1 + o.i % 4)::text, 4, '0'),
  'wi_' || lpad(o.p::text, 4, '0') || '_' || lpad(o.k::text, 2, '0') || '_' || CASE WHEN o.p % 10 = 0 THEN 'B' ELSE 'A' END,
  o.op_status::"OperationStatus",
  o.qty,
  CASE WHEN o.op_status = 'COMPLETED' THEN o.qty - CASE WHEN o.k = o.n THEN o.scrap ELSE 0 END
       WHEN o.op_status IN ('RUNNING', 'PAUSED') THEN floor(o.qty / 2) ELSE 0 END,
  CASE WHEN o.op_status = 'COMPLETED' AND o.k = o.n THEN o.scrap ELSE 0 END,
  'EA',
  o.setup, o.run,
  CASE WHEN o.op_status IN ('COMPLETED', 'RUNNING', 'PAUSED') THEN round(o.setup * (0.85 + ((o.i * o.k) % 30) / 100.0), 2) END,
  CASE WHEN o.op_status = 'COMPLETED' THEN round(o.run * (0.90 + ((o.i * o.k * 7) % 25) / 100.0), 2)
       WHEN o.op_status IN ('RUNNING', 'PAUSED') THEN round(o.run / 2, 2) END,
  'MIN',
  o.c IN (10, 12) OR o.k = o.n,
  o.start0 + (o.k - 1) * interval '6 hours',
  o.start0 + o.k * interval '6 hours',
  CASE WHEN o.op_status IN ('COMPLETED', 'RUNNING', 'PAUSED') THEN o.start0 + (o.k - 1) * interval '6 hours' + (o.i % 5) * interval '30 minutes' END,
  CASE WHEN o.op_status = 'COMPLETED' THEN o.start0 + (o.k - 1) * interval '6 hours' + (o.i % 5) * interval '30 minutes'
                                           + (o.setup + o.run) * interval '1 minute' END,
  o.created, o.updated, o.created_by, o.updated_by
FROM (
  SELECT w.i, w.p, w.n, k, w.wo_id, w.qty, w.scrap, w.start0, w.created, w.updated, w.created_by, w.updated_by,
         CASE WHEN w.p <= 40 THEN (ARRAY[9, 8, 10, 12, 11])[k] WHEN w.p <= 120 THEN (ARRAY[2, 3, 9, 10, 12])[k]
              ELSE (ARRAY[1, 2, 3, 5, 7])[k] END AS c,
         (15 + ((CASE WHEN w.p <= 40 THEN (ARRAY[9, 8, 10, 12, 11])[k] WHEN w.p <= 120 THEN (ARRAY[2, 3, 9, 10, 12])[k]
                      ELSE (ARRAY[1, 2, 3, 5, 7])[k] END) * 7) % 45)::numeric AS setup,
         round((2 + ((w.p * k) % 20) * 0.5) * w.qty, 2) AS run,
         CASE WHEN w.status IN ('CLOSED', 'COMPLETED') THEN 'COMPLETED'
              WHEN w.status = 'CANCELLED' THEN CASE WHEN k = 1 AND w.i % 2 = 0 THEN 'COMPLETED' ELSE 'SKIPPED' END
              WHEN w.status IN ('IN_PROGRESS', 'ON_HOLD') THEN
                CASE WHEN k < 1 + w.i % w.n THEN 'COMPLETED'
                     WHEN k = 1 + w.i % w.n THEN CASE WHEN w.status = 'ON_HOLD' THEN 'PAUSED' ELSE 'RUNNING' END
                     ELSE 'PENDING' END
              WHEN w.status = 'RELEASED' THEN CASE WHEN k = 1 THEN 'READY' ELSE 'PENDING' END
              ELSE 'PENDING' END AS op_status
  FROM (
    SELECT wo."id" AS wo_id, substr(wo."id", 4)::int AS i, substr(wo."partId", 6)::int AS p,
           3 + substr(wo."partId", 6)::int % 3 AS n, wo."status"::text AS status, wo."quantityOrdered" AS qty,
           wo."quantityScrapped" AS scrap, wo."plannedStartAt" AS start0, wo."createdAt" AS created, wo."updatedAt" AS updated,
           wo."createdBy" AS created_by, wo."updatedBy" AS updated_by
    FROM "WorkOrder" AS wo
    WHERE wo."id" ~ '^wo_[0-9]{6}$'
  ) AS w,
  generate_series(1, 5) AS k
  WHERE k <= w.n
) AS o
ON CONFLICT DO NOTHING;

-- Material lines (the part's BOM) ------------------------------------------------------------
INSERT INTO "WorkOrderMaterial" ("id", "workOrderId", "operationId", "lineNumber", "materialId", "partNumber", "quantityRequired",
  "quantityIssued", "quantityConsumed", "unitOfMeasure", "lotId", "status", "isBackflush", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT
  'wom_' || lpad(m.i::text, 6, '0') || '_' || m.k,
  m.wo_id,
  'woo_' || lpad(m.i::text, 6, '0') || '_01',
  m.k * 10,
  'mat_' || lpad(m.c::text, 4, '0'),
  'PN-' || (100000 + m.c),
  round(m.per * m.qty, 4),
  CASE WHEN m.status IN ('CLOSED', 'COMPLETED', 'IN_PROGRESS', 'ON_HOLD') THEN round(m.per * m.qty, 4)
       WHEN m.status = 'CANCELLED' AND m.i % 2 = 0 THEN round(m.per * m.qty, 4) ELSE 0 END,
  CASE WHEN m.status IN ('CLOSED', 'COMPLETED') THEN round(m.per * m.qty, 4)
       WHEN m.status IN ('IN_PROGRESS', 'ON_HOLD') THEN round(m.per * floor(m.qty / 2), 4) ELSE 0 END,
  m.uom,
  CASE WHEN m.status IN ('CLOSED', 'COMPLETED', 'IN_PROGRESS', 'ON_HOLD') OR (m.status = 'CANCELLED' AND m.i % 2 = 0) THEN
    CASE WHEN m.c >= 121 THEN 'lot_' || lpad((m.c - 120 + 280 * ((m.i - 1) / 250))::text, 6, '0')
         WHEN m.cand BETWEEN 1 AND 4500 AND m.cand % 157 <> 0 THEN 'lot_' || lpad((5600 + m.cand)::text, 6, '0') END
  END,
  (CASE WHEN m.status IN ('CLOSED', 'COMPLETED') THEN 'CONSUMED'
        WHEN m.status IN ('IN_PROGRESS', 'ON_HOLD') THEN 'ISSUED'
        WHEN m.status = 'RELEASED' THEN 'RESERVED'
        WHEN m.status = 'CANCELLED' THEN CASE WHEN m.i % 2 = 0 THEN 'RETURNED' ELSE 'PLANNED' END
        ELSE 'PLANNED' END)::"MaterialRequirementStatus",
  m.c > 300 AND (m.c - 301) % 5 = 3,
  m.created, m.updated, m.created_by, m.updated_by
FROM (
  SELECT b.*,
         CASE WHEN b.c > 300 THEN CASE WHEN (b.c - 301) % 5 = 3 THEN (2 + b.p % 6)::numeric
                                       ELSE round((0.25 + ((b.p * b.k) % 8) * 0.25)::numeric, 4) END
              WHEN b.p <= 40 AND b.k <= 4 THEN 1::numeric
              ELSE (1 + (b.p + b.k) % 4)::numeric END AS per,
         CASE WHEN b.c > 300 THEN (ARRAY['KG','KG','KG','EA','L'])[1 + (b.c - 301) % 5] ELSE 'EA' END AS uom,
         CASE WHEN b.c BETWEEN 41 AND 120 THEN
           ((43 * (b.c - 1)) % 300) + 300 * floor((b.i - 1 - ((43 * (b.c - 1)) % 300)) / 300.0)::int END AS cand
  FROM (
    SELECT w.*, k,
           CASE WHEN w.p <= 40 THEN CASE WHEN k <= 4 THEN 41 + ((w.p - 1) * 4 + k - 1) % 80 ELSE 121 + ((w.p - 1) * 2 + k - 5) % 180 END
                WHEN w.p <= 120 THEN CASE WHEN k <= 4 THEN 121 + ((w.p - 41) * 4 + k - 1) % 180 ELSE 301 + (w.p - 41) % 100 END
                ELSE 301 + (w.p - 121) % 100 END AS c
    FROM (
      SELECT wo."id" AS wo_id, substr(wo."id", 4)::int AS i, substr(wo."partId", 6)::int AS p, wo."status"::text AS status,
             wo."quantityOrdered" AS qty, wo."createdAt" AS created, wo."updatedAt" AS updated,
             wo."createdBy" AS created_by, wo."updatedBy" AS updated_by
      FROM "WorkOrder" AS wo
      WHERE wo."id" ~ '^wo_[0-9]{6}$'
    ) AS w,
    generate_series(1, 6) AS k
    WHERE k <= CASE WHEN w.p <= 40 THEN 6 WHEN w.p <= 120 THEN 5 ELSE 1 END
  ) AS b
) AS m
ON CONFLICT DO NOTHING;

-- Tools: the main tool of the first operation ------------------------------------------------
INSERT INTO "WorkOrderTool" ("id", "workOrderId", "operationId", "toolId", "toolNumber", "quantity", "status", "assignedAt", "returnedAt",
  "createdAt", "updatedAt")
SELECT 'wot_' || substr(wo."id", 4),
       wo."id",
       'woo_' || substr(wo."id", 4) || '_01',
       'tool_' || lpad((1 + (substr(wo."id", 4)::int * 7) % 300)::text, 4, '0'),
       'T-' || lpad((1 + (substr(wo."id", 4)::int * 7) % 300)::text, 5, '0'),
       1,
       (CASE WHEN wo."status" IN ('CLOSED', 'COMPLETED', 'CANCELLED') THEN 'RETURNED'
             WHEN wo."status" IN ('IN_PROGRESS', 'ON_HOLD') THEN 'CHECKED_OUT'
             WHEN wo."status" = 'RELEASED' THEN 'ASSIGNED' ELSE 'REQUIRED' END)::"ToolAssignmentStatus",
       CASE WHEN wo."status" <> 'CREATED' THEN wo."plannedStartAt" - interval '1 hour' END,
       CASE WHEN wo."status" IN ('CLOSED', 'COMPLETED', 'CANCELLED') THEN coalesce(wo."actualEndAt", wo."plannedEndAt") END,
       wo."createdAt", wo."updatedAt"
FROM "WorkOrder" AS wo
WHERE wo."id" ~ '^wo_[0-9]{6}$'
ON CONFLICT DO NOTHING;

-- People: operator and supervisor on started orders, inspector on finished ones ----------------
INSERT INTO "WorkOrderPersonnel" ("workOrderId", "personnelId", "role", "userId", "assignedAt", "clockInAt", "clockOutAt", "laborHours",
  "laborRateCode", "createdAt", "updatedAt")
SELECT wo."id", 'per_' || lpad(x.per::text, 4, '0'), x.role::"PersonnelAssignmentRole", 'usr_' || lpad(x.per::text, 4, '0'),
       wo."plannedStartAt" - interval '1 day',
       wo."actualStartAt",
       wo."actualEndAt",
       CASE WHEN wo."actualEndAt" IS NOT NULL THEN round((extract(epoch FROM wo."actualEndAt" - wo."actualStartAt") / 3600.0
                                                          * CASE x.role WHEN 'OPERATOR' THEN 0.8 ELSE 0.15 END)::numeric, 2) END,
       CASE x.role WHEN 'OPERATOR' THEN 'DL-STD' ELSE 'IL-STD' END,
       wo."createdAt", wo."updatedAt"
FROM "WorkOrder" AS wo,
     LATERAL (SELECT substr(wo."id", 4)::int AS i) AS n,
     LATERAL (VALUES ('OPERATOR', 106 + n.i % 130), ('SUPERVISOR', 4 + n.i % 12), ('INSPECTOR', 51 + n.i % 20)) AS x(role, per)
WHERE wo."id" ~ '^wo_[0-9]{6}$'
  AND wo."actualStartAt" IS NOT NULL
  AND (x.role <> 'INSPECTOR' OR wo."status" IN ('CLOSED', 'COMPLETED'))
ON CONFLICT DO NOTHING;

-- Completions: one report per finished operation, a partial report on running ones ------------
INSERT INTO "OperationCompletion" ("id", "workOrderId", "operationId", "quantityGood", "quantityScrapped", "quantityRework",
  "unitOfMeasure", "scrapReasonCode", "personnelId", "equipmentId", "isFinal", "startedAt", "completedAt", "notes", "createdAt", "createdBy")
SELECT 'opc_' || substr(op."id", 5),
       op."workOrderId",
       op."id",
       op."quantityCompleted",
       op."quantityScrapped",
       CASE WHEN substr(op."workOrderId", 4)::int % 29 = 0 AND op."status" = 'COMPLETED' THEN 1 ELSE 0 END,
       'EA',
       CASE WHEN op."quantityScrapped" > 0 THEN (ARRAY['DIM-OOT', 'SURF-DEFECT', 'LEAK', 'MAT-DEFECT', 'HANDLING'])[1 + substr(op."workOrderId", 4)::int % 5] END,
       'per_' || lpad((106 + substr(op."workOrderId", 4)::int % 130)::text, 4, '0'),
       op."equipmentId",
       op."status" = 'COMPLETED',
       op."actualStartAt",
       coalesce(op."actualEndAt", op."actualStartAt" + (coalesce(op."setupTimeActual", 0) + coalesce(op."runTimeActual", 0)) * interval '1 minute'),
       NULL,
       coalesce(op."actualEndAt", op."actualStartAt" + (coalesce(op."setupTimeActual", 0) + coalesce(op."runTimeActual", 0)) * interval '1 minute'),
       'usr_' || lpad((106 + substr(op."workOrderId", 4)::int % 130)::text, 4, '0')
FROM "WorkOrderOperation" AS op
WHERE op."id" ~ '^woo_[0-9]{6}_[0-9]{2}$'
  AND (op."status" = 'COMPLETED' OR (op."status" IN ('RUNNING', 'PAUSED') AND op."quantityCompleted" > 0))
ON CONFLICT DO NOTHING;

-- Variances on every fifth finished order ----------------------------------------------------
INSERT INTO "ProductionVariance" ("id", "workOrderId", "operationId", "varianceType", "plannedValue", "actualValue", "varianceValue",
  "variancePercent", "unitOfMeasure", "costImpact", "currency", "reasonCode", "notes", "recordedAt", "recordedBy", "createdAt", "updatedAt")
SELECT 'pvr_' || substr(v.wo_id, 4),
       v.wo_id,
       CASE WHEN v.vtype IN ('LABOR_TIME', 'MACHINE_TIME') THEN 'woo_' || substr(v.wo_id, 4) || '_01' END,
       v.vtype::"VarianceType",
       v.planned, v.actual, v.actual - v.planned,
       round((v.actual - v.planned) / v.planned * 100, 4),
       v.uom,
       round((v.actual - v.planned) * v.rate, 4),
       'USD',
       CASE WHEN v.actual > v.planned THEN (ARRAY['SETUP-OVERRUN', 'TOOL-WEAR', 'MATERIAL-DEFECT', 'OPERATOR-TRAINING'])[1 + v.i % 4] END,
       NULL,
       v.closed_at, 'usr_' || lpad((26 + v.i % 10)::text, 4, '0'), v.closed_at, v.closed_at
FROM (
  SELECT wo."id" AS wo_id, substr(wo."id", 4)::int AS i, coalesce(wo."closedAt", wo."actualEndAt") AS closed_at,
         (ARRAY['MATERIAL_USAGE', 'LABOR_TIME', 'MACHINE_TIME', 'YIELD', 'SCRAP', 'COST'])[1 + (substr(wo."id", 4)::int / 5) % 6] AS vtype,
         CASE (substr(wo."id", 4)::int / 5) % 6 WHEN 0 THEN wo."quantityOrdered" * 2 WHEN 1 THEN wo."quantityOrdered" * 0.5
              WHEN 2 THEN wo."quantityOrdered" * 0.4 WHEN 3 THEN wo."quantityOrdered" WHEN 4 THEN 0.5 ELSE wo."quantityOrdered" * 85 END AS planned,
         CASE (substr(wo."id", 4)::int / 5) % 6 WHEN 0 THEN wo."quantityOrdered" * 2 * (0.97 + (substr(wo."id", 4)::int % 9) / 100.0)
              WHEN 1 THEN wo."quantityOrdered" * 0.5 * (0.9 + (substr(wo."id", 4)::int % 25) / 100.0)
              WHEN 2 THEN wo."quantityOrdered" * 0.4 * (0.92 + (substr(wo."id", 4)::int % 20) / 100.0)
              WHEN 3 THEN wo."quantityCompleted" WHEN 4 THEN wo."quantityScrapped" + 0.5
              ELSE wo."quantityOrdered" * 85 * (0.95 + (substr(wo."id", 4)::int % 15) / 100.0) END AS actual,
         (ARRAY['KG', 'H', 'H', 'EA', 'EA', 'USD'])[1 + (substr(wo."id", 4)::int / 5) % 6] AS uom,
         (ARRAY[12.5, 48, 95, 85, 85, 1])[1 + (substr(wo."id", 4)::int / 5) % 6]::numeric AS rate
  FROM "WorkOrder" AS wo
  WHERE wo."id" ~ '^wo_[0-9]{6}$' AND wo."status" IN ('CLOSED', 'COMPLETED') AND substr(wo."id", 4)::int % 5 = 0
) AS v
ON CONFLICT DO NOTHING;
