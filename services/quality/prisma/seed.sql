-- quality seed: development data for mes_quality_db.
-- Inspection plans for every made part (8 characteristics each), final inspections of every
-- finished work order, receiving inspections of purchased component lots (~43,000 measurements),
-- NCRs (one per failed inspection plus production scrap), first article inspections (AS9102),
-- QIF measurement plans and results, and 21 CFR Part 11 electronic signatures over them.
-- Deterministic and idempotent (fixed ids, md5-based uuids, sha256 record hashes, ON CONFLICT DO NOTHING).
-- Work orders, parts, lots and users follow the rules of the work-order, material and auth seeds.

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

-- Inspection plans: revision A, superseded by B on every tenth part -----------------------------
INSERT INTO "QualityPlan" ("id", "planNumber", "revision", "title", "status", "partId", "partNumber", "routingOperationId", "inspectionType",
  "samplingPlan", "effectiveFrom", "effectiveTo", "approvedBy", "approvedAt", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'qp_' || lpad(p::text, 4, '0') || '_' || r.rev,
       'QP-' || (100000 + p), r.rev,
       'Final inspection plan PN-' || (100000 + p),
       (CASE WHEN r.rev = 'A' AND p % 10 = 0 THEN 'SUPERSEDED' WHEN p % 37 = 0 THEN 'IN_REVIEW' ELSE 'APPROVED' END)::"QualityPlanStatus",
       'part_' || lpad(p::text, 4, '0'), 'PN-' || (100000 + p),
       'rop_' || lpad(p::text, 4, '0') || '_' || lpad((3 + p % 3)::text, 2, '0'),
       'FINAL'::"InspectionType",
       jsonb_build_object('standard', 'ANSI/ASQ Z1.4', 'inspectionLevel', 'II', 'aql', CASE WHEN p <= 40 THEN 0.65 ELSE 1.5 END),
       CASE r.rev WHEN 'A' THEN timestamptz '2023-12-01 00:00:00+00' ELSE timestamptz '2024-06-01 00:00:00+00' END,
       CASE WHEN r.rev = 'A' AND p % 10 = 0 THEN timestamptz '2024-06-01 00:00:00+00' END,
       CASE WHEN p % 37 <> 0 OR r.rev = 'A' THEN 'usr_' || lpad((36 + p % 15)::text, 4, '0') END,
       CASE WHEN p % 37 <> 0 OR r.rev = 'A' THEN CASE r.rev WHEN 'A' THEN timestamptz '2023-11-29 15:00:00+00' ELSE timestamptz '2024-05-29 15:00:00+00' END END,
       timestamptz '2023-11-15 08:00:00+00', timestamptz '2024-06-01 00:00:00+00',
       'usr_' || lpad((36 + p % 15)::text, 4, '0'), 'usr_' || lpad((36 + p % 15)::text, 4, '0')
FROM generate_series(1, 300) AS p,
     LATERAL (SELECT 'A' AS rev UNION ALL SELECT 'B' WHERE p % 10 = 0) AS r
ON CONFLICT DO NOTHING;

INSERT INTO "QualityCharacteristic" ("id", "planId", "characteristicNumber", "name", "type", "classification", "nominal", "lowerSpecLimit",
  "upperSpecLimit", "unitOfMeasure", "gaugeType", "sampleSize", "isSpcControlled", "createdAt", "updatedAt")
SELECT qp."id" || '_c' || j, qp."id", j,
       (ARRAY['Bore diameter', 'Overall length', 'Shaft diameter', 'Flange thickness', 'Hole position', 'Surface roughness Ra',
              'Thread M8x1.25 go/no-go', 'Visual: burrs and damage'])[j],
       (CASE WHEN j >= 7 THEN 'ATTRIBUTE' ELSE 'VARIABLE' END)::"CharacteristicType",
       (CASE WHEN j = 1 THEN 'CRITICAL' WHEN j <= 4 THEN 'MAJOR' ELSE 'MINOR' END)::"CharacteristicClass",
       v.nominal, v.nominal - v.tol, v.nominal + v.tol,
       CASE WHEN j = 6 THEN 'UM' WHEN j <= 5 THEN 'MM' END,
       (ARRAY['Bore gauge', 'Height gauge', 'Micrometer', 'Micrometer', 'CMM', 'Profilometer', 'Thread plug gauge', 'Visual'])[j],
       1, j <= 2,
       qp."createdAt", qp."updatedAt"
FROM "QualityPlan" AS qp,
     generate_series(1, 8) AS j,
     LATERAL (SELECT substr(qp."partId", 6)::int AS p) AS x,
     LATERAL (SELECT CASE j WHEN 1 THEN 20 + x.p % 40 WHEN 2 THEN 80 + x.p % 120 WHEN 3 THEN 12 + x.p % 25
                            WHEN 4 THEN 6 + x.p % 10 WHEN 5 THEN 0 WHEN 6 THEN 0.8 END::numeric AS nominal,
                     CASE j WHEN 1 THEN 0.025 WHEN 2 THEN 0.2 WHEN 3 THEN 0.013 WHEN 4 THEN 0.1 WHEN 5 THEN 0.05 WHEN 6 THEN 0.8 END::numeric AS tol) AS v
WHERE qp."id" ~ '^qp_[0-9]{4}_[AB]$'
ON CONFLICT DO NOTHING;

-- Inspections ----------------------------------------------------------------------------------
-- final inspection of each finished work order (2 % fail), in-process inspections of running orders,
-- receiving inspection of every fourth purchased component lot
INSERT INTO "QualityInspection" ("id", "inspectionNumber", "planId", "inspectionType", "status", "result", "workOrderId", "operationId",
  "lotId", "serialNumber", "partId", "sampleSize", "quantityInspected", "quantityAccepted", "quantityRejected", "unitOfMeasure",
  "inspectorId", "startedAt", "completedAt", "notes", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'qi_' || x.kind || lpad(x.n::text, 6, '0'),
       'INS-' || x.kind || '-' || lpad(x.n::text, 6, '0'),
       'qp_' || lpad(x.p::text, 4, '0') || '_' || CASE WHEN x.p % 10 = 0 AND x.at >= timestamptz '2024-06-01 00:00:00+00' THEN 'B' ELSE 'A' END,
       (CASE x.kind WHEN 'F' THEN 'FINAL' WHEN 'P' THEN 'IN_PROCESS' ELSE 'RECEIVING' END)::"InspectionType",
       (CASE WHEN x.kind = 'P' THEN 'IN_PROGRESS' WHEN x.failed THEN 'FAILED' ELSE 'PASSED' END)::"InspectionStatus",
       (CASE WHEN x.kind = 'P' THEN NULL WHEN x.failed THEN 'FAIL' ELSE 'PASS' END)::"Verdict",
       CASE WHEN x.kind <> 'R' THEN 'wo_' || lpad(x.n::text, 6, '0') END,
       CASE WHEN x.kind <> 'R' THEN 'woo_' || lpad(x.n::text, 6, '0') || '_' || lpad((3 + x.p % 3)::text, 2, '0') END,
       CASE WHEN x.kind = 'R' THEN 'lot_' || lpad(x.n::text, 6, '0') WHEN x.kind = 'F' THEN 'lot_' || lpad((5600 + x.n)::text, 6, '0') END,
       CASE WHEN x.kind = 'F' AND x.p <= 40 THEN (ARRAY['HGP','APP','DCV','HYC','HPU','FDV','RVA','HYM'])[1 + (x.p - 1) % 8] || '-' || lpad(x.n::text, 6, '0') || '-01' END,
       'part_' || lpad(x.p::text, 4, '0'),
       CASE WHEN x.kind = 'R' THEN 8 ELSE 1 END,
       x.qty,
       CASE WHEN x.kind = 'P' THEN 0 WHEN x.failed THEN x.qty - 1 ELSE x.qty END,
       CASE WHEN x.failed AND x.kind <> 'P' THEN 1 ELSE 0 END,
       x.uom,
       'usr_' || lpad((51 + x.n % 20)::text, 4, '0'),
       x.at,
       CASE WHEN x.kind <> 'P' THEN x.at + interval '40 minutes' END,
       NULL,
       x.at, x.at + interval '40 minutes', 'usr_' || lpad((51 + x.n % 20)::text, 4, '0'), 'usr_' || lpad((51 + x.n % 20)::text, 4, '0')
FROM (
  SELECT 'F' AS kind, i AS n, ((i * 7) % 300) + 1 AS p, (i * 13) % 50 = 0 AS failed,
         (CASE WHEN ((i * 7) % 300) + 1 <= 40 THEN 5 + (i % 4) * 5 ELSE 10 + ((i * 37) % 20) * 5 END)::numeric AS qty, 'EA' AS uom,
         timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' + (8 + (3 + (((i * 7) % 300) + 1) % 3) * 6 + (i % 9) - 4) * interval '1 hour' AS at
  FROM generate_series(1, 4500) AS i WHERE i % 157 <> 0
  UNION ALL
  SELECT 'P', i, ((i * 7) % 300) + 1, false,
         (CASE WHEN ((i * 7) % 300) + 1 <= 40 THEN 5 + (i % 4) * 5 ELSE 10 + ((i * 37) % 20) * 5 END)::numeric, 'EA',
         timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' + interval '5 hours'
  FROM generate_series(4501, 4700) AS i
  UNION ALL
  SELECT 'R', n, 121 + (n - 1) % 280, n % 200 = 0, (400 + (n * 53) % 1200)::numeric, 'EA',
         timestamptz '2023-12-18 07:00:00+00' + ((n - 1) / 280) * interval '18 days' + ((n - 1) % 280) * interval '30 minutes' + interval '3 hours'
  FROM generate_series(4, 5600, 4) AS n WHERE 121 + (n - 1) % 280 <= 300
) AS x
ON CONFLICT DO NOTHING;

-- Measurements: every characteristic of every completed inspection ---------------------------------
-- values spread inside the limits; in a failed inspection characteristic 1 + n % 6 is out of tolerance
INSERT INTO "QualityMeasurement" ("id", "inspectionId", "characteristicId", "sampleNumber", "measuredValue", "attributeValue", "unitOfMeasure",
  "result", "gaugeId", "measuredAt", "measuredBy", "createdAt")
SELECT qi."id" || '_' || c."characteristicNumber" || '_' || s,
       qi."id", c."id", s,
       CASE WHEN c."type" = 'VARIABLE' THEN
         CASE WHEN x.bad THEN c."upperSpecLimit" + (c."upperSpecLimit" - c."nominal") * 0.3
              ELSE round(c."nominal" + (c."upperSpecLimit" - c."nominal") * (((x.n * 31 + c."characteristicNumber" * 17 + s * 7) % 161) - 80) / 100.0, 6) END END,
       CASE WHEN c."type" = 'ATTRIBUTE' THEN CASE WHEN x.bad THEN 'NOK' ELSE 'OK' END END,
       c."unitOfMeasure",
       (CASE WHEN x.bad THEN 'FAIL' ELSE 'PASS' END)::"Verdict",
       'tool_' || lpad((1 + (x.n + c."characteristicNumber") % 300)::text, 4, '0'),
       qi."startedAt" + (c."characteristicNumber" * 4 + s) * interval '1 minute',
       qi."inspectorId",
       qi."startedAt" + (c."characteristicNumber" * 4 + s) * interval '1 minute'
FROM "QualityInspection" AS qi
JOIN "QualityCharacteristic" AS c ON c."planId" = qi."planId"
CROSS JOIN LATERAL generate_series(1, CASE WHEN qi."inspectionType" = 'RECEIVING' THEN 2 ELSE 1 END) AS s
CROSS JOIN LATERAL (SELECT substr(qi."id", 5)::int AS n,
                           qi."status" = 'FAILED' AND s = 1 AND c."characteristicNumber" = 1 + substr(qi."id", 5)::int % 6 AS bad) AS x
WHERE qi."status" IN ('PASSED', 'FAILED') AND qi."id" ~ '^qi_[FR][0-9]{6}$'
ON CONFLICT DO NOTHING;

-- NCRs: one per failed inspection (optional 1:1), plus production scrap reported at operations ------
INSERT INTO "NCR" ("id", "ncrNumber", "status", "severity", "title", "description", "partId", "partNumber", "workOrderId", "lotId",
  "serialNumber", "supplierId", "inspectionId", "quantityAffected", "unitOfMeasure", "defectCodes", "rootCause", "disposition",
  "dispositionBy", "dispositionAt", "correctiveActionRef", "costImpact", "currency", "reportedBy", "reportedAt", "closedBy", "closedAt",
  "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'ncr_' || x.key,
       'NCR-' || x.key,
       x.status::"NCRStatus",
       (CASE WHEN x.n % 11 = 0 THEN 'CRITICAL' WHEN x.n % 3 = 0 THEN 'MAJOR' ELSE 'MINOR' END)::"NCRSeverity",
       x.title,
       x.title || ' found during ' || x.source || '. Parts segregated to MRB cage.',
       x.part_id, 'PN-' || (100000 + substr(x.part_id, 6)::int),
       x.wo_id, x.lot_id, x.serial, x.supplier, x.inspection_id,
       x.qty, 'EA',
       x.defects,
       CASE WHEN x.status IN ('DISPOSITIONED', 'CORRECTIVE_ACTION', 'CLOSED') THEN (ARRAY['Tool wear beyond offset limit', 'Fixture misalignment',
            'Supplier material out of specification', 'Operator skipped in-process check', 'Program revision mismatch'])[1 + x.n % 5] END,
       (CASE WHEN x.status IN ('DISPOSITIONED', 'CORRECTIVE_ACTION', 'CLOSED') THEN
          (ARRAY['REWORK', 'SCRAP', 'USE_AS_IS', 'REPAIR', 'RETURN_TO_VENDOR'])[CASE WHEN x.supplier IS NOT NULL THEN 5 ELSE 1 + x.n % 4 END] END)::"Disposition",
       CASE WHEN x.status IN ('DISPOSITIONED', 'CORRECTIVE_ACTION', 'CLOSED') THEN 'usr_' || lpad((36 + x.n % 15)::text, 4, '0') END,
       CASE WHEN x.status IN ('DISPOSITIONED', 'CORRECTIVE_ACTION', 'CLOSED') THEN x.at + interval '2 days' END,
       CASE WHEN x.status IN ('CORRECTIVE_ACTION', 'CLOSED') AND x.n % 3 = 0 THEN 'CAPA-' || (2400 + x.n % 500) END,
       round((x.qty * (35 + x.n % 400))::numeric, 4), 'USD',
       x.reporter, x.at,
       CASE WHEN x.status = 'CLOSED' THEN 'usr_' || lpad((36 + (x.n + 1) % 15)::text, 4, '0') END,
       CASE WHEN x.status = 'CLOSED' THEN x.at + interval '9 days' END,
       x.at, x.at + CASE WHEN x.status = 'CLOSED' THEN interval '9 days' ELSE interval '2 days' END, x.reporter, x.reporter
FROM (
  SELECT qi."id" AS inspection_id, substr(qi."id", 4) AS key, substr(qi."id", 5)::int AS n, qi."partId" AS part_id, qi."workOrderId" AS wo_id,
         qi."lotId" AS lot_id, qi."serialNumber" AS serial,
         CASE WHEN qi."inspectionType" = 'RECEIVING' THEN 'SUP-' || lpad((1 + (120 + substr(qi."id", 5)::int % 280) % 24)::text, 3, '0') END AS supplier,
         1::numeric AS qty,
         CASE WHEN qi."inspectionType" = 'RECEIVING' THEN 'receiving inspection' ELSE 'final inspection' END AS source,
         (ARRAY['Bore diameter', 'Overall length', 'Shaft diameter', 'Flange thickness', 'Hole position', 'Surface roughness Ra'])[1 + substr(qi."id", 5)::int % 6]
           || ' out of tolerance' AS title,
         ARRAY['DIM-' || lpad((1 + substr(qi."id", 5)::int % 6)::text, 2, '0')] AS defects,
         qi."inspectorId" AS reporter, qi."completedAt" AS at,
         CASE WHEN qi."completedAt" > timestamptz '2025-01-20 00:00:00+00' THEN 'OPEN'
              WHEN qi."completedAt" > timestamptz '2025-01-05 00:00:00+00' THEN 'UNDER_REVIEW'
              WHEN qi."completedAt" > timestamptz '2024-12-10 00:00:00+00' THEN 'CORRECTIVE_ACTION'
              ELSE 'CLOSED' END AS status
  FROM "QualityInspection" AS qi
  WHERE qi."status" = 'FAILED' AND qi."id" ~ '^qi_[FR][0-9]{6}$'
  UNION ALL
  SELECT NULL, 'S' || lpad(i::text, 6, '0'), i, 'part_' || lpad((((i * 7) % 300) + 1)::text, 4, '0'), 'wo_' || lpad(i::text, 6, '0'),
         NULL, NULL, NULL, (1 + i % 3)::numeric, 'production',
         (ARRAY['Dimension out of tolerance', 'Surface defect', 'Leak at test', 'Material defect', 'Handling damage'])[1 + i % 5],
         ARRAY[(ARRAY['DIM-OOT', 'SURF-DEFECT', 'LEAK', 'MAT-DEFECT', 'HANDLING'])[1 + i % 5]],
         'usr_' || lpad((106 + i % 130)::text, 4, '0'),
         timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' + interval '20 hours',
         CASE WHEN i > 4450 THEN 'OPEN' WHEN i > 4300 THEN 'DISPOSITIONED' ELSE 'CLOSED' END
  FROM generate_series(21, 4500, 21) AS i
) AS x
ON CONFLICT DO NOTHING;

-- First article inspection: the first work order of each made part --------------------------------
INSERT INTO "FAIReport" ("id", "faiNumber", "status", "reason", "partId", "partNumber", "partRevision", "drawingNumber", "workOrderId",
  "serialNumber", "isPartial", "formData", "submittedAt", "approvedAt", "approvedBy", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'fai_' || lpad(f.p::text, 4, '0'),
       'FAI-' || (100000 + f.p),
       f.status::"FAIStatus",
       (CASE WHEN f.p % 10 = 0 THEN 'DESIGN_CHANGE' WHEN f.p % 13 = 0 THEN 'PROCESS_CHANGE' ELSE 'NEW_PART' END)::"FAIReason",
       'part_' || lpad(f.p::text, 4, '0'), 'PN-' || (100000 + f.p), CASE WHEN f.p % 10 = 0 THEN 'B' ELSE 'A' END, 'DWG-' || (100000 + f.p),
       'wo_' || lpad(f.i::text, 6, '0'),
       CASE WHEN f.p <= 40 THEN (ARRAY['HGP','APP','DCV','HYC','HPU','FDV','RVA','HYM'])[1 + (f.p - 1) % 8] || '-' || lpad(f.i::text, 6, '0') || '-01' END,
       f.p % 10 = 0,
       jsonb_build_object('form1', jsonb_build_object('organization', 'ACME Manufacturing, Plant 01', 'fairVerifiedBy', 'usr_' || lpad((36 + f.p % 15)::text, 4, '0')),
                          'form2', jsonb_build_array(jsonb_build_object('material', 'AISI 4140', 'spec', 'ASTM A29', 'certOfConformance', true),
                                                     jsonb_build_object('specialProcess', 'Heat treat', 'spec', 'AMS 2759', 'supplier', 'In-house'))),
       CASE WHEN f.status <> 'IN_PROGRESS' THEN f.at + interval '1 day' END,
       CASE WHEN f.status = 'APPROVED' THEN f.at + interval '3 days' END,
       CASE WHEN f.status = 'APPROVED' THEN 'usr_' || lpad((36 + f.p % 15)::text, 4, '0') END,
       f.at, f.at + interval '3 days', 'usr_' || lpad((51 + f.p % 20)::text, 4, '0'), 'usr_' || lpad((36 + f.p % 15)::text, 4, '0')
FROM (
  SELECT p, i,
         CASE WHEN p % 29 = 0 THEN 'REJECTED' WHEN p % 41 = 0 THEN 'IN_PROGRESS' WHEN p % 23 = 0 THEN 'SUBMITTED' ELSE 'APPROVED' END AS status,
         timestamptz '2024-01-02 06:00:00+00' + (i - 1) * interval '2 hours' + interval '1 day' AS at
  FROM generate_series(1, 300) AS p,
       LATERAL (SELECT CASE WHEN (43 * (p - 1)) % 300 = 0 THEN 300 ELSE (43 * (p - 1)) % 300 END AS i) AS x
) AS f
ON CONFLICT DO NOTHING;

INSERT INTO "FAICharacteristic" ("id", "faiReportId", "characteristicNumber", "designRequirement", "nominal", "lowerSpecLimit", "upperSpecLimit",
  "unitOfMeasure", "actualValue", "actualText", "result", "toolUsed", "ncrId", "createdAt", "updatedAt")
SELECT fr."id" || '_c' || c."characteristicNumber", fr."id", c."characteristicNumber",
       c."name" || CASE WHEN c."type" = 'VARIABLE' THEN ' ' || c."nominal" || ' +/- ' || (c."upperSpecLimit" - c."nominal") || ' ' || coalesce(c."unitOfMeasure", '') ELSE '' END,
       c."nominal", c."lowerSpecLimit", c."upperSpecLimit", c."unitOfMeasure",
       CASE WHEN c."type" = 'VARIABLE' THEN
         CASE WHEN x.bad THEN c."upperSpecLimit" + (c."upperSpecLimit" - c."nominal") * 0.2
              ELSE round(c."nominal" + (c."upperSpecLimit" - c."nominal") * (((x.p * 7 + c."characteristicNumber" * 13) % 121) - 60) / 100.0, 6) END END,
       CASE WHEN c."type" = 'ATTRIBUTE' THEN CASE WHEN x.bad THEN 'Nonconforming' ELSE 'Conforming' END END,
       (CASE WHEN x.bad THEN 'FAIL' WHEN fr."status" = 'IN_PROGRESS' AND c."characteristicNumber" > 4 THEN 'NOT_MEASURED' ELSE 'PASS' END)::"Verdict",
       c."gaugeType",
       NULL,
       fr."createdAt", fr."updatedAt"
FROM "FAIReport" AS fr
JOIN "QualityCharacteristic" AS c ON c."planId" = 'qp_' || substr(fr."partId", 6) || '_' || fr."partRevision"
CROSS JOIN LATERAL (SELECT substr(fr."partId", 6)::int AS p,
                           fr."status" = 'REJECTED' AND c."characteristicNumber" = 1 + substr(fr."partId", 6)::int % 6 AS bad) AS x
WHERE fr."id" ~ '^fai_[0-9]{4}$'
ON CONFLICT DO NOTHING;

-- QIF 3.0 plans for finished goods, with results of the first unit of each finished order ------------
INSERT INTO "QIFMeasurementPlan" ("id", "qpid", "name", "version", "qifVersion", "partId", "partNumber", "qualityPlanId", "document",
  "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT md5('qifplan:' || p)::uuid, md5('qpid:' || p)::uuid, 'CMM plan PN-' || (100000 + p), 1, '3.0.0',
       'part_' || lpad(p::text, 4, '0'), 'PN-' || (100000 + p),
       'qp_' || lpad(p::text, 4, '0') || '_' || CASE WHEN p % 10 = 0 THEN 'B' ELSE 'A' END,
       '<?xml version="1.0" encoding="UTF-8"?><QIFDocument versionQIF="3.0.0"><QPId>' || md5('qpid:' || p)::uuid || '</QPId></QIFDocument>',
       timestamptz '2023-12-05 08:00:00+00', timestamptz '2023-12-05 08:00:00+00', 'usr_0040', 'usr_0040'
FROM generate_series(1, 40) AS p
ON CONFLICT DO NOTHING;

INSERT INTO "QIFCharacteristic" ("id", "planId", "qifId", "name", "characteristicType", "nominal", "lowerTolerance", "upperTolerance",
  "unitOfMeasure", "qualityCharacteristicId", "createdAt")
SELECT md5('qifchar:' || p || ':' || j)::uuid, md5('qifplan:' || p)::uuid, 100 + j,
       (ARRAY['Bore diameter', 'Overall length', 'Shaft diameter', 'Flange thickness', 'Hole position', 'Flatness top face',
              'Perpendicularity bore', 'Concentricity shaft', 'Bolt circle diameter', 'Port depth'])[j],
       (ARRAY['DiameterCharacteristic', 'LengthCharacteristic', 'DiameterCharacteristic', 'DistanceBetweenCharacteristic',
              'PositionCharacteristic', 'FlatnessCharacteristic', 'PerpendicularityCharacteristic', 'ConcentricityCharacteristic',
              'DiameterCharacteristic', 'DepthCharacteristic'])[j],
       (ARRAY[20 + p % 40, 80 + p % 120, 12 + p % 25, 6 + p % 10, 0, 0, 0, 0, 60 + p % 30, 15 + p % 8])[j]::numeric,
       (ARRAY[-0.025, -0.2, -0.013, -0.1, 0, 0, 0, 0, -0.05, -0.1])[j]::numeric,
       (ARRAY[0.025, 0.2, 0.013, 0.1, 0.05, 0.02, 0.03, 0.02, 0.05, 0.1])[j]::numeric,
       'mm',
       CASE WHEN j <= 5 THEN 'qp_' || lpad(p::text, 4, '0') || '_' || CASE WHEN p % 10 = 0 THEN 'B' ELSE 'A' END || '_c' || j END,
       timestamptz '2023-12-05 08:00:00+00'
FROM generate_series(1, 40) AS p, generate_series(1, 10) AS j
ON CONFLICT DO NOTHING;

INSERT INTO "QIFMeasurementResult" ("id", "resultsQpid", "planId", "inspectionId", "serialNumber", "lotId", "workOrderId", "status",
  "measurementDevice", "operatorId", "measuredAt", "importedAt", "rawDocument")
SELECT md5('qifres:' || qi."id")::uuid, md5('qifresqpid:' || qi."id")::uuid, md5('qifplan:' || substr(qi."partId", 6)::int)::uuid,
       qi."id", qi."serialNumber", qi."lotId", qi."workOrderId", qi."result",
       'Zeiss CONTURA #' || (1 + substr(qi."id", 5)::int % 4), qi."inspectorId",
       qi."startedAt" + interval '10 minutes', qi."startedAt" + interval '45 minutes', NULL
FROM "QualityInspection" AS qi
WHERE qi."inspectionType" = 'FINAL' AND qi."serialNumber" IS NOT NULL AND qi."id" ~ '^qi_F[0-9]{6}$'
ON CONFLICT DO NOTHING;

INSERT INTO "QIFMeasurement" ("id", "resultId", "characteristicId", "measuredValue", "deviation", "result", "measuredAt")
SELECT md5('qifm:' || r."id" || ':' || c."qifId")::uuid, r."id", c."id",
       c."nominal" + d.dev, d.dev,
       (CASE WHEN d.dev > c."upperTolerance" OR d.dev < c."lowerTolerance" THEN 'FAIL' ELSE 'PASS' END)::"Verdict",
       r."measuredAt" + (c."qifId" - 100) * interval '30 seconds'
FROM "QIFMeasurementResult" AS r
JOIN "QIFCharacteristic" AS c ON c."planId" = r."planId"
CROSS JOIN LATERAL (SELECT CASE WHEN r."status" = 'FAIL' AND c."qifId" - 100 = 1 + substr(r."inspectionId", 5)::int % 6 AND c."qifId" <= 105
                                THEN c."upperTolerance" * 1.3
                                ELSE round(c."upperTolerance" * ((get_byte(decode(md5(r."id"::text), 'hex'), 0) + c."qifId" * 37) % 161 - 80) / 100.0, 6) END AS dev) AS d
ON CONFLICT DO NOTHING;

-- Electronic signatures (21 CFR Part 11) -----------------------------------------------------------
-- plan approvals, FAI review + approval (or rejection), NCR disposition approval + closure verification,
-- and release of failed / every tenth final inspection. The record hash is SHA-256 of the signed
-- record's identity and content at signing time.
INSERT INTO "ElectronicSignature" ("id", "signerId", "signerUsername", "signerFullName", "signerRole", "meaning", "reason", "recordType",
  "recordId", "recordHash", "hashAlgorithm", "authMethod", "signedAt", "sessionId", "ipAddress", "workstationId", "isValid",
  "invalidatedAt", "invalidatedReason", "ncrId", "faiReportId")
SELECT md5('esig:' || s.rtype || ':' || s.rid || ':' || s.meaning)::uuid,
       'usr_' || lpad(s.u::text, 4, '0'),
       lower(left(nm.first_name, 1) || nm.last_name) || lpad(s.u::text, 3, '0'),
       nm.first_name || ' ' || nm.last_name,
       CASE WHEN s.u <= 3 THEN 'PLANT_MANAGER' WHEN s.u <= 50 THEN 'QUALITY_ENGINEER' ELSE 'QUALITY_INSPECTOR' END,
       s.meaning::"SignatureMeaning",
       s.reason,
       s.rtype::"SignedRecordType",
       s.rid,
       encode(sha256(convert_to(s.rtype || '|' || s.rid || '|' || s.content || '|' || s.meaning || '|' || s.u, 'UTF8')), 'hex'),
       'SHA-256',
       (CASE WHEN s.u <= 50 THEN 'PASSWORD_AND_MFA' ELSE 'BADGE_AND_PIN' END)::"SignatureAuthMethod",
       s.at,
       'ses_' || lpad((1 + (get_byte(decode(md5(s.rid), 'hex'), 0) * 256 + get_byte(decode(md5(s.rid), 'hex'), 1)) % 6000)::text, 6, '0'),
       '10.20.' || (s.u % 16) || '.' || (10 + s.u),
       CASE WHEN s.u > 50 THEN 'HMI-WC12-' || (1 + s.u % 4) END,
       true, NULL, NULL,
       s.ncr_id, s.fai_id
FROM (
  SELECT 'QUALITY_PLAN' AS rtype, qp."id" AS rid, qp."status"::text || '|' || qp."revision" AS content, 'APPROVED' AS meaning,
         substr(qp."approvedBy", 5)::int AS u, qp."approvedAt" AS at, 'Plan approved for production use' AS reason,
         NULL AS ncr_id, NULL AS fai_id
  FROM "QualityPlan" AS qp WHERE qp."approvedBy" ~ '^usr_[0-9]{4}$'
  UNION ALL
  SELECT 'FAI_REPORT', fr."id", fr."faiNumber" || '|' || fr."partRevision", m.meaning,
         CASE m.meaning WHEN 'REVIEWED' THEN 51 + substr(fr."partId", 6)::int % 20 ELSE 36 + substr(fr."partId", 6)::int % 15 END,
         fr."submittedAt" + CASE m.meaning WHEN 'REVIEWED' THEN interval '4 hours' ELSE interval '2 days' END,
         CASE m.meaning WHEN 'REJECTED' THEN 'Characteristic out of tolerance, see FAI form 3' ELSE NULL END,
         NULL, fr."id"
  FROM "FAIReport" AS fr,
       LATERAL (SELECT 'REVIEWED' AS meaning
                UNION ALL SELECT 'APPROVED' WHERE fr."status" = 'APPROVED'
                UNION ALL SELECT 'REJECTED' WHERE fr."status" = 'REJECTED') AS m
  WHERE fr."submittedAt" IS NOT NULL AND fr."id" ~ '^fai_[0-9]{4}$'
  UNION ALL
  SELECT 'NCR', n."id", n."ncrNumber" || '|' || coalesce(n."disposition"::text, ''), m.meaning,
         CASE m.meaning WHEN 'APPROVED' THEN substr(n."dispositionBy", 5)::int ELSE substr(n."closedBy", 5)::int END,
         CASE m.meaning WHEN 'APPROVED' THEN n."dispositionAt" ELSE n."closedAt" END,
         CASE m.meaning WHEN 'APPROVED' THEN 'MRB disposition approved' ELSE 'Corrective action verified effective' END,
         n."id", NULL
  FROM "NCR" AS n,
       LATERAL (SELECT 'APPROVED' AS meaning WHERE n."dispositionBy" IS NOT NULL
                UNION ALL SELECT 'VERIFIED' WHERE n."closedBy" IS NOT NULL) AS m
  WHERE n."id" ~ '^ncr_[A-Z][0-9]{6}$'
  UNION ALL
  SELECT 'INSPECTION', qi."id", qi."inspectionNumber" || '|' || qi."result"::text, 'VERIFIED',
         substr(qi."inspectorId", 5)::int, qi."completedAt", 'Inspection results verified', NULL, NULL
  FROM "QualityInspection" AS qi
  WHERE qi."inspectionType" = 'FINAL' AND qi."completedAt" IS NOT NULL AND (qi."status" = 'FAILED' OR substr(qi."id", 5)::int % 10 = 0)
    AND qi."id" ~ '^qi_F[0-9]{6}$'
) AS s
CROSS JOIN LATERAL (
  SELECT (ARRAY['James','Maria','Robert','Linda','Michael','Patricia','David','Jennifer','Carlos','Elizabeth',
                'Daniel','Susan','Thomas','Jessica','Wei','Sarah','Ahmed','Karen','Luis','Nancy',
                'Kevin','Lisa','Jose','Betty','Brian','Sandra','Anh','Ashley','Raj','Emily'])[1 + (s.u * 7) % 30] AS first_name,
         (ARRAY['Smith','Johnson','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez','Lopez','Gonzalez',
                'Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson',
                'White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen',
                'Nguyen','Patel','Kim','Chen','Schmidt','Weber','Novak','Kowalski','Silva','Okafor'])[1 + (s.u * 11) % 40] AS last_name
) AS nm
ON CONFLICT DO NOTHING;
