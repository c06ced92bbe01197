-- resource seed: ISA-95 master data for mes_resource_db.
-- Deterministic and idempotent (fixed ids and timestamps, ON CONFLICT DO NOTHING).
--
-- Ids used by the other services' seeds:
--   part_0001..0040 finished goods, 0041..0120 subassemblies, 0121..0300 components,
--   0301..0400 raw materials; part number PN-(100000+n); routings rtg_0001..0300 (parts 1..300),
--   routing operations rop_PPPP_KK; equipment eq_0001 (site) .. eq_0065; work centers WC-01..WC-12
--   (work units eq_0018..eq_0065, four per work center); personnel per_0001..per_0260
--   (per_0001..0240 = auth usr_0001..0240); tools tool_0001..tool_0300.

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

-- Equipment classes ----------------------------------------------------------------------
INSERT INTO "EquipmentClass" ("id", "code", "name", "description", "properties", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'ecl_' || lpad(n::text, 2, '0'), c.code, c.name, c.name || ' (ISA-95 equipment class)',
       jsonb_build_object('isa95Level', CASE WHEN n = 1 THEN 'Site' WHEN n = 2 THEN 'Area' WHEN n = 3 THEN 'WorkCenter' ELSE 'WorkUnit' END),
       timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00', 'usr_0016', 'usr_0016'
FROM unnest(
  ARRAY['SITE','PRODUCTION-AREA','WORK-CENTER','SAW','CNC-LATHE','CNC-MILL','DRILL-PRESS','HEAT-TREAT-OVEN','GRINDER',
        'PARTS-WASHER','ROBOT-WELDER','ASSEMBLY-STATION','TEST-STAND','PACKING-STATION','CMM'],
  ARRAY['Manufacturing site','Production area','Work center','Band saw','CNC turning center','CNC machining center',
        'Drill press','Heat treatment furnace','Cylindrical grinder','Industrial parts washer','Robotic welding cell',
        'Manual assembly station','Hydraulic test stand','Packing station','Coordinate measuring machine']
) WITH ORDINALITY AS c(code, name, n)
ON CONFLICT DO NOTHING;

-- Equipment hierarchy: site > 4 areas > 12 work centers > 48 work units --------------------
INSERT INTO "Equipment" ("id", "equipmentNumber", "name", "level", "state", "equipmentClassId", "parentId", "siteCode",
  "areaCode", "workCenterCode", "manufacturer", "model", "serialNumber", "installedAt", "ratedCapacity", "capacityUom",
  "oeeTarget", "attributes", "isActive", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'eq_0001', 'PLANT-01', 'Plant 01 - Springfield', 'SITE'::"EquipmentLevel", 'RUNNING'::"EquipmentState", 'ecl_01', NULL, 'PLANT-01', NULL, NULL,
       NULL, NULL, NULL, date '2009-04-01', NULL::numeric, NULL, NULL::numeric, '{"address": "100 Industrial Way, Springfield"}'::jsonb,
       true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00', 'usr_0016', 'usr_0016'
UNION ALL
SELECT 'eq_' || lpad((1 + a)::text, 4, '0'), 'AREA-' || a,
       (ARRAY['Machining','Thermal & Finishing','Assembly & Test','Quality Lab'])[a],
       'AREA', 'RUNNING', 'ecl_02', 'eq_0001', 'PLANT-01', 'AREA-' || a, NULL, NULL, NULL, NULL, date '2009-04-01',
       NULL, NULL, NULL, NULL, true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00', 'usr_0016', 'usr_0016'
FROM generate_series(1, 4) AS a
UNION ALL
SELECT 'eq_' || lpad((5 + c)::text, 4, '0'), 'WC-' || lpad(c::text, 2, '0'),
       (ARRAY['Sawing','CNC Turning','CNC Milling','Drilling','Heat Treatment','Grinding','Washing','Welding',
              'Assembly','Testing','Packing','CMM Inspection'])[c] || ' cell',
       'WORK_CENTER', 'RUNNING', 'ecl_03',
       'eq_' || lpad((1 + CASE WHEN c <= 4 THEN 1 WHEN c <= 8 THEN 2 WHEN c <= 11 THEN 3 ELSE 4 END)::text, 4, '0'),
       'PLANT-01', 'AREA-' || CASE WHEN c <= 4 THEN 1 WHEN c <= 8 THEN 2 WHEN c <= 11 THEN 3 ELSE 4 END,
       'WC-' || lpad(c::text, 2, '0'), NULL, NULL, NULL, date '2009-04-01', NULL, NULL, 0.8500,
       NULL, true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00', 'usr_0016', 'usr_0016'
FROM generate_series(1, 12) AS c
UNION ALL
SELECT 'eq_' || lpad((17 + u)::text, 4, '0'),
       (ARRAY['SAW','LTH','MIL','DRL','OVN','GRD','WSH','WLD','ASM','TST','PCK','CMM'])[w.c] || '-' || lpad(((u - 1) % 4 + 1)::text, 2, '0'),
       (ARRAY['Band saw','CNC lathe','5-axis machining center','Radial drill','Batch furnace','Cylindrical grinder',
              'Parts washer','Robotic welder','Assembly bench','Test stand','Packing line','CMM'])[w.c] || ' #' || ((u - 1) % 4 + 1),
       'WORK_UNIT',
       (CASE WHEN u % 17 = 0 THEN 'DOWN' WHEN u % 11 = 0 THEN 'MAINTENANCE' WHEN u % 5 = 0 THEN 'SETUP'
             WHEN u % 3 = 0 THEN 'IDLE' ELSE 'RUNNING' END)::"EquipmentState",
       'ecl_' || lpad((w.c + 3)::text, 2, '0'),
       'eq_' || lpad((5 + w.c)::text, 4, '0'),
       'PLANT-01', 'AREA-' || CASE WHEN w.c <= 4 THEN 1 WHEN w.c <= 8 THEN 2 WHEN w.c <= 11 THEN 3 ELSE 4 END,
       'WC-' || lpad(w.c::text, 2, '0'),
       (ARRAY['Amada','DMG Mori','Haas','Okuma','Mazak','Fanuc','Zeiss','Kuka'])[1 + u % 8],
       'M-' || (1000 + u * 37),
       'SN-' || lpad((u * 7919 % 100000)::text, 5, '0'),
       date '2012-01-15' + (u * 97) % 3650,
       (10 + (u * 13) % 50)::numeric,
       CASE WHEN w.c IN (5, 7) THEN 'KG/H' ELSE 'EA/H' END,
       0.8500 - (u % 4) * 0.0250,
       jsonb_build_object('powerKw', 5 + (u * 7) % 60, 'controller', (ARRAY['Fanuc 31i','Siemens 840D','Heidenhain TNC 640','PLC S7-1500'])[1 + u % 4]),
       u % 29 <> 0,
       timestamp '2023-09-01 08:00:00', timestamp '2024-12-01 08:00:00', 'usr_0016', 'usr_0091'
FROM generate_series(1, 48) AS u, LATERAL (SELECT 1 + (u - 1) / 4 AS c) AS w
ON CONFLICT DO NOTHING;

INSERT INTO "EquipmentCapability" ("id", "equipmentId", "capabilityCode", "description", "capacity", "minValue", "maxValue",
  "unitOfMeasure", "effectiveFrom", "createdAt", "updatedAt")
SELECT 'ecp_' || lpad(u::text, 4, '0') || '_' || k,
       'eq_' || lpad((17 + u)::text, 4, '0'),
       CASE k WHEN 1 THEN 'THROUGHPUT' ELSE (ARRAY['MAX-DIAMETER','MAX-DIAMETER','WORK-ENVELOPE','MAX-DIAMETER','MAX-TEMP','ROUNDNESS',
                                                  'BASKET-LOAD','WELD-LENGTH','TORQUE-RANGE','MAX-PRESSURE','PALLET-LOAD','ACCURACY'])[1 + (u - 1) / 4] END,
       CASE k WHEN 1 THEN 'Rated throughput' ELSE 'Process limit' END,
       CASE k WHEN 1 THEN (10 + (u * 13) % 50)::numeric END,
       CASE k WHEN 2 THEN 0 END,
       CASE k WHEN 2 THEN (50 + (u * 31) % 950)::numeric END,
       CASE k WHEN 1 THEN 'EA/H' ELSE (ARRAY['MM','MM','MM','MM','CEL','UM','KG','MM','NM','BAR','KG','UM'])[1 + (u - 1) / 4] END,
       timestamp '2023-09-01 00:00:00',
       timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'
FROM generate_series(1, 48) AS u, generate_series(1, 2) AS k
ON CONFLICT DO NOTHING;

-- Personnel classes, qualifications, shifts ---------------------------------------------
INSERT INTO "PersonnelClass" ("id", "code", "name", "description", "createdAt", "updatedAt")
SELECT 'pcl_' || lpad(n::text, 2, '0'), c.code, c.name, c.name || ' (ISA-95 personnel class)',
       timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'
FROM unnest(ARRAY['OPERATOR','SETUP-TECH','INSPECTOR','SUPERVISOR','MAINT-TECH','MATERIAL-HANDLER','ENGINEER','OFFICE'],
            ARRAY['Machine operator','Setup technician','Quality inspector','Production supervisor','Maintenance technician',
                  'Material handler','Engineer','Planning and office staff']) WITH ORDINALITY AS c(code, name, n)
ON CONFLICT DO NOTHING;

INSERT INTO "PersonnelQualification" ("id", "code", "name", "type", "description", "issuingAuthority", "validityMonths", "createdAt", "updatedAt")
SELECT 'qal_' || lpad(n::text, 2, '0'), q.code, q.name, q.kind::"QualificationType", q.name, q.authority,
       CASE WHEN q.kind IN ('CERTIFICATION', 'LICENSE') THEN 24 WHEN q.kind = 'TRAINING' THEN 12 END,
       timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'
FROM unnest(
  ARRAY['SAW-OP','CNC-TURN-L2','CNC-MILL-L2','DRILL-OP','HEAT-TREAT','GRIND-OP','WASH-CHEM','AWS-D1.1','ASSY-HYD','HYD-TEST',
        'PACK-SHIP','CMM-PROG','FORKLIFT','FIRST-AID','GMP-DOC'],
  ARRAY['Saw operation','CNC turning level 2','CNC milling level 2','Drilling and tapping','Heat treatment (AMS 2750)',
        'Precision grinding','Chemical handling (washer)','AWS D1.1 structural welder','Hydraulic assembly','Hydraulic pressure testing',
        'Packing and shipping','CMM programming (PC-DMIS)','Forklift operator licence','First aid','Good documentation practice'],
  ARRAY['SKILL','SKILL','SKILL','SKILL','CERTIFICATION','SKILL','TRAINING','CERTIFICATION','SKILL','CERTIFICATION',
        'TRAINING','CERTIFICATION','LICENSE','TRAINING','TRAINING'],
  ARRAY[NULL,NULL,NULL,NULL,'Nadcap',NULL,'EHS',  'American Welding Society',NULL,NULL,NULL,'Hexagon','OSHA','Red Cross',NULL]
) WITH ORDINALITY AS q(code, name, kind, authority, n)
ON CONFLICT DO NOTHING;

INSERT INTO "Shift" ("id", "code", "name", "siteCode", "startTime", "endTime", "breakMinutes", "daysOfWeek", "isActive", "createdAt", "updatedAt")
VALUES
  ('shf_1', 'DAY', 'Day shift', 'PLANT-01', time '06:00', time '14:00', 30, '{1,2,3,4,5}', true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'),
  ('shf_2', 'SWING', 'Swing shift', 'PLANT-01', time '14:00', time '22:00', 30, '{1,2,3,4,5}', true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'),
  ('shf_3', 'NIGHT', 'Night shift', 'PLANT-01', time '22:00', time '06:00', 30, '{1,2,3,4,5}', true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'),
  ('shf_4', 'WEEKEND', 'Weekend 12h shift', 'PLANT-01', time '06:00', time '18:00', 45, '{6,7}', true, timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00')
ON CONFLICT DO NOTHING;

-- Personnel (names match the auth users of the same number) -----------------------------
INSERT INTO "Personnel" ("id", "employeeNumber", "userId", "firstName", "lastName", "email", "personnelClassId", "shiftId",
  "status", "siteCode", "departmentCode", "hireDate", "badgeNumber", "laborRate", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'per_' || lpad(i::text, 4, '0'),
       'E' || lpad((10000 + i)::text, 6, '0'),
       CASE WHEN i <= 240 THEN 'usr_' || lpad(i::text, 4, '0') END,
       (ARRAY['James','Maria','Robert','Linda','Michael','Patricia','David','Jennifer','Carlos','Elizabeth',
              'Daniel','Susan','Thomas','Jessica','Wei','Sarah','Ahmed','Karen','Luis','Nancy',
              'Kevin','Lisa','Jose','Betty','Brian','Sandra','Anh','Ashley','Raj','Emily'])[1 + (i * 7) % 30],
       (ARRAY['Smith','Johnson','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez','Lopez','Gonzalez',
              'Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson',
              'White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen',
              'Nguyen','Patel','Kim','Chen','Schmidt','Weber','Novak','Kowalski','Silva','Okafor'])[1 + (i * 11) % 40],
       CASE WHEN i <= 240 THEN 'emp' || lpad(i::text, 4, '0') || '@acme-mfg.example' END,
       'pcl_' || lpad((CASE
          WHEN i = 1 THEN 7 WHEN i <= 15 THEN 4 WHEN i <= 25 THEN 7 WHEN i <= 35 THEN 8 WHEN i <= 50 THEN 7
          WHEN i <= 70 THEN 3 WHEN i <= 90 THEN 6 WHEN i <= 105 THEN 5
          WHEN i <= 235 THEN CASE WHEN i % 10 = 0 THEN 2 ELSE 1 END
          WHEN i <= 240 THEN 8 ELSE CASE WHEN i % 2 = 0 THEN 5 ELSE 1 END END)::text, 2, '0'),
       CASE WHEN i BETWEEN 4 AND 235 THEN 'shf_' || (1 + i % 3) WHEN i > 240 THEN 'shf_4' END,
       (CASE WHEN i % 61 = 0 THEN 'TERMINATED' WHEN i % 43 = 0 THEN 'ON_LEAVE' WHEN i > 255 THEN 'INACTIVE' ELSE 'ACTIVE' END)::"PersonnelStatus",
       CASE WHEN i % 10 = 9 THEN 'PLANT-02' ELSE 'PLANT-01' END,
       CASE WHEN i <= 15 THEN 'PROD' WHEN i <= 35 THEN 'ENG' WHEN i <= 70 THEN 'QA' WHEN i <= 90 THEN 'LOG'
            WHEN i <= 105 THEN 'MAINT' WHEN i <= 235 THEN 'PROD' WHEN i <= 240 THEN 'COMPL' ELSE 'CONTRACT' END,
       date '2005-03-01' + (i * 173) % 7000,
       'B' || lpad((40000 + i * 3)::text, 6, '0'),
       (24 + (i % 12) * 1.75)::numeric(10, 2),
       timestamp '2023-09-01 08:00:00' + i * interval '1 hour', timestamp '2024-12-01 08:00:00', 'usr_0001', 'usr_0001'
FROM generate_series(1, 260) AS i
ON CONFLICT DO NOTHING;

-- Personnel <-> qualifications (implicit many-to-many table) ----------------------------
INSERT INTO "_PersonnelToPersonnelQualification" ("A", "B")
SELECT DISTINCT 'per_' || lpad(i::text, 4, '0'), 'qal_' || lpad(q::text, 2, '0')
FROM generate_series(1, 260) AS i,
     LATERAL (VALUES (1 + i % 12), (1 + (i * 7) % 15), (CASE WHEN i % 2 = 0 THEN 13 + i % 3 END)) AS v(q)
WHERE q IS NOT NULL
ON CONFLICT DO NOTHING;

-- Tool types and tools --------------------------------------------------------------------
INSERT INTO "ToolType" ("id", "code", "name", "category", "requiresCalibration", "calibrationIntervalDays", "expectedLifeCycles", "createdAt", "updatedAt")
SELECT 'tty_' || lpad(n::text, 2, '0'), t.code, t.name, t.category, t.cal, CASE WHEN t.cal THEN 180 + (n % 3) * 90 END,
       CASE WHEN t.category = 'CUTTING' THEN 500 + n * 100 END,
       timestamp '2023-09-01 08:00:00', timestamp '2023-09-01 08:00:00'
FROM unnest(
  ARRAY['BANDSAW-BLADE','TURN-INSERT','ENDMILL-10','TWIST-DRILL-8.5','FURNACE-TC','GRIND-WHEEL','WASH-BASKET','WELD-TORCH',
        'TORQUE-WRENCH','PRESSURE-GAUGE','STRAP-TOOL','CMM-PROBE','MICROMETER-0-25','CALIPER-150','THREAD-GAUGE-M8',
        'BORE-GAUGE','HEIGHT-GAUGE','ASSY-FIXTURE','TEST-ADAPTER','LIFT-HOOK'],
  ARRAY['Bandsaw blade bi-metal','CNMG turning insert','Carbide end mill D10','HSS twist drill 8.5 mm','Furnace thermocouple type K',
        'Grinding wheel A60','Wash basket','MIG welding torch','Torque wrench 20-100 Nm','Pressure gauge 0-400 bar',
        'Strapping tool','CMM touch probe','Outside micrometer 0-25 mm','Digital caliper 150 mm','Thread plug gauge M8x1.25',
        'Bore gauge 18-35 mm','Height gauge 300 mm','Assembly fixture','Test port adapter','Lifting hook 500 kg'],
  ARRAY['CUTTING','CUTTING','CUTTING','CUTTING','SENSOR','CUTTING','FIXTURE','WELDING','HAND-TOOL','GAUGE','HAND-TOOL','GAUGE',
        'GAUGE','GAUGE','GAUGE','GAUGE','GAUGE','FIXTURE','FIXTURE','LIFTING'],
  ARRAY[false,false,false,false,true,false,false,false,true,true,false,true,true,true,true,true,true,false,false,true]
) WITH ORDINALITY AS t(code, name, category, cal, n)
ON CONFLICT DO NOTHING;

INSERT INTO "Tool" ("id", "toolNumber", "toolTypeId", "serialNumber", "status", "location", "usageCycles", "maxUsageCycles",
  "lastCalibratedAt", "nextCalibrationDue", "purchaseCost", "attributes", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'tool_' || lpad(i::text, 4, '0'), 'T-' || lpad(i::text, 5, '0'), 'tty_' || lpad(tt::text, 2, '0'),
       'TS' || lpad((i * 4099 % 1000000)::text, 6, '0'),
       (CASE WHEN i % 53 = 0 THEN 'RETIRED' WHEN i % 31 = 0 THEN 'IN_REPAIR' WHEN i % 17 = 0 THEN 'IN_CALIBRATION'
             WHEN i % 4 = 0 THEN 'IN_USE' ELSE 'AVAILABLE' END)::"ToolStatus",
       CASE WHEN i % 4 = 0 THEN 'WC-' || lpad((1 + i % 12)::text, 2, '0') ELSE 'TOOL-CRIB-' || (1 + i % 3) END,
       (i * 37) % 900,
       CASE WHEN tt <= 4 OR tt = 6 THEN 1000 END,
       CASE WHEN tt IN (5, 9, 10, 12, 13, 14, 15, 16, 17, 20) THEN timestamp '2024-06-01 08:00:00' + (i % 200) * interval '1 day' END,
       CASE WHEN tt IN (5, 9, 10, 12, 13, 14, 15, 16, 17, 20) THEN timestamp '2024-06-01 08:00:00' + (i % 200) * interval '1 day' + interval '180 days' END,
       (40 + (i * 53) % 2400)::numeric,
       jsonb_build_object('vendor', (ARRAY['Sandvik','Kennametal','Mitutoyo','Starrett','Norbar','Wika'])[1 + i % 6]),
       timestamp '2023-10-01 08:00:00' + i * interval '3 hours', timestamp '2024-12-15 08:00:00', 'usr_0016', 'usr_0091'
FROM generate_series(1, 300) AS i, LATERAL (SELECT 1 + (i - 1) % 20 AS tt) AS t
ON CONFLICT DO NOTHING;

-- Parts -------------------------------------------------------------------------------------
INSERT INTO "Part" ("id", "partNumber", "revision", "name", "description", "type", "lifecycle", "unitOfMeasure", "drawingNumber",
  "weight", "weightUom", "isSerialized", "isLotControlled", "makeOrBuy", "attributes", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'part_' || lpad(p::text, 4, '0'),
       'PN-' || (100000 + p),
       CASE WHEN p % 10 = 0 THEN 'B' ELSE 'A' END,
       CASE
         WHEN p <= 40 THEN (ARRAY['Hydraulic Gear Pump','Axial Piston Pump','Directional Control Valve','Hydraulic Cylinder',
                                  'Hydraulic Power Unit','Flow Divider','Relief Valve Assembly','Hydraulic Motor'])[1 + (p - 1) % 8]
                           || ' ' || (ARRAY['HGP','APP','DCV','HYC','HPU','FDV','RVA','HYM'])[1 + (p - 1) % 8] || '-' || (100 + p * 5)
         WHEN p <= 120 THEN (ARRAY['Pump Housing Assembly','Shaft Seal Kit','Valve Block','Rotor Group','Piston Assembly',
                                   'Manifold Block','Electronic Controller','Cylinder Head Assembly'])[1 + (p - 41) % 8]
                            || ' ' || (200 + p)
         WHEN p <= 300 THEN (ARRAY['Drive Shaft','Spur Gear','Bearing Cap','Valve Spool','Seal Ring','Bronze Bushing','Piston',
                                   'Housing','Cover Plate','Dowel Pin'])[1 + (p - 121) % 10] || ' ' || (300 + p)
         ELSE (ARRAY['Steel Bar 4140','Aluminium Plate 6061-T6','Grey Cast Iron Blank','Fastener Kit M8','Hydraulic Fluid ISO VG46'])[1 + (p - 301) % 5]
              || ' lot grade ' || (1 + (p - 301) / 5)
       END,
       NULL,
       (CASE WHEN p <= 40 THEN 'FINISHED_GOOD' WHEN p <= 120 THEN 'SUBASSEMBLY' WHEN p <= 300 THEN 'COMPONENT' ELSE 'RAW_MATERIAL' END)::"PartType",
       (CASE WHEN p % 97 = 0 THEN 'OBSOLETE' WHEN p % 37 = 0 THEN 'PROTOTYPE' ELSE 'PRODUCTION' END)::"PartLifecycle",
       CASE WHEN p <= 300 THEN 'EA' ELSE (ARRAY['KG','KG','KG','EA','L'])[1 + (p - 301) % 5] END,
       CASE WHEN p <= 300 THEN 'DWG-' || (100000 + p) END,
       CASE WHEN p <= 300 THEN round((0.1 + ((p * 37) % 400) * 0.25)::numeric, 4) END,
       CASE WHEN p <= 300 THEN 'KG' END,
       p <= 40 OR (p <= 120 AND p % 2 = 0),
       p > 40,
       CASE WHEN p <= 120 THEN 'MAKE' WHEN p <= 300 THEN CASE WHEN p % 3 = 0 THEN 'BUY' ELSE 'MAKE' END ELSE 'BUY' END,
       jsonb_build_object('material', CASE WHEN p > 300 THEN NULL ELSE (ARRAY['4140 steel','6061-T6','EN-GJL-250','CuSn12','316L'])[1 + p % 5] END,
                          'exportControl', 'EAR99'),
       timestamp '2023-09-15 08:00:00' + p * interval '2 hours', timestamp '2024-12-01 08:00:00', 'usr_0016', 'usr_0017'
FROM generate_series(1, 400) AS p
ON CONFLICT DO NOTHING;

-- Bills of material: FG = 4 subassemblies + 2 components, subassembly = 4 components + 1 raw,
-- component = 1 raw material. (work-order, material and traceability seeds use the same rule.)
INSERT INTO "PartBOM" ("id", "parentPartId", "componentPartId", "findNumber", "quantity", "unitOfMeasure", "scrapFactor",
  "operationSequence", "isPhantom", "effectiveFrom", "effectiveTo", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'bom_' || lpad(b.p::text, 4, '0') || '_' || b.k,
       'part_' || lpad(b.p::text, 4, '0'),
       'part_' || lpad(b.c::text, 4, '0'),
       b.k * 10,
       CASE WHEN b.c > 300 THEN CASE WHEN (b.c - 301) % 5 = 3 THEN (2 + b.p % 6)::numeric
                                     ELSE round((0.25 + ((b.p * b.k) % 8) * 0.25)::numeric, 4) END
            WHEN b.p <= 40 AND b.k <= 4 THEN 1
            ELSE (1 + (b.p + b.k) % 4)::numeric END,
       CASE WHEN b.c > 300 THEN (ARRAY['KG','KG','KG','EA','L'])[1 + (b.c - 301) % 5] ELSE 'EA' END,
       CASE WHEN b.c > 300 THEN 0.0300 ELSE 0.0050 END,
       10,
       false,
       timestamp '2024-01-01 00:00:00', NULL,
       timestamp '2023-10-01 08:00:00', timestamp '2023-10-01 08:00:00', 'usr_0017', 'usr_0017'
FROM (
  SELECT p, k,
         CASE WHEN p <= 40 THEN CASE WHEN k <= 4 THEN 41 + ((p - 1) * 4 + k - 1) % 80 ELSE 121 + ((p - 1) * 2 + k - 5) % 180 END
              WHEN p <= 120 THEN CASE WHEN k <= 4 THEN 121 + ((p - 41) * 4 + k - 1) % 180 ELSE 301 + (p - 41) % 100 END
              ELSE 301 + (p - 121) % 100 END AS c
  FROM generate_series(1, 300) AS p, generate_series(1, 6) AS k
  WHERE k <= CASE WHEN p <= 40 THEN 6 WHEN p <= 120 THEN 5 ELSE 1 END
) AS b
ON CONFLICT DO NOTHING;

-- Routings and operations: FG assemble/weld/test/inspect/pack, subassembly turn/mill/assemble/
-- test/inspect, component saw/turn/mill/heat-treat/wash; 3 to 5 operations (3 + p % 3).
INSERT INTO "Routing" ("id", "routingNumber", "revision", "partId", "status", "isPrimary", "description", "effectiveFrom",
  "effectiveTo", "approvedBy", "approvedAt", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'rtg_' || lpad(p::text, 4, '0'), 'RT-' || (100000 + p), CASE WHEN p % 10 = 0 THEN 'B' ELSE 'A' END,
       'part_' || lpad(p::text, 4, '0'),
       (CASE WHEN p % 97 = 0 THEN 'OBSOLETE' WHEN p % 37 = 0 THEN 'DRAFT' ELSE 'RELEASED' END)::"RoutingStatus",
       true, 'Standard routing for PN-' || (100000 + p),
       timestamp '2024-01-01 00:00:00', NULL,
       CASE WHEN p % 37 <> 0 THEN 'usr_0002' END, CASE WHEN p % 37 <> 0 THEN timestamp '2023-12-15 10:00:00' END,
       timestamp '2023-10-01 08:00:00', timestamp '2023-12-15 10:00:00', 'usr_0016', 'usr_0016'
FROM generate_series(1, 300) AS p
ON CONFLICT DO NOTHING;

INSERT INTO "RoutingOperation" ("id", "routingId", "sequence", "operationCode", "name", "description", "workCenterCode",
  "equipmentClassId", "setupTime", "runTimePerUnit", "queueTime", "moveTime", "timeUnit", "isInspectionPoint", "createdAt", "updatedAt")
SELECT 'rop_' || lpad(o.p::text, 4, '0') || '_' || lpad(o.k::text, 2, '0'),
       'rtg_' || lpad(o.p::text, 4, '0'),
       o.k * 10,
       'OP-' || (ARRAY['SAW','TURN','MILL','DRILL','HT','GRIND','WASH','WELD','ASSY','TEST','PACK','CMM'])[o.c],
       (ARRAY['Saw cut to length','CNC turning','CNC milling','Drill and tap','Heat treatment','Precision grinding',
              'Wash and degrease','Robotic welding','Assembly','Functional pressure test','Pack and label','CMM inspection'])[o.c],
       NULL,
       'WC-' || lpad(o.c::text, 2, '0'),
       'ecl_' || lpad((o.c + 3)::text, 2, '0'),
       (15 + (o.c * 7) % 45)::numeric,
       round((2 + ((o.p * o.k) % 20) * 0.5)::numeric, 4),
       (30 + (o.c * 11) % 90)::numeric,
       10,
       'MIN',
       o.c IN (10, 12) OR o.k = o.n,
       timestamp '2023-10-01 08:00:00', timestamp '2023-12-15 10:00:00'
FROM (
  SELECT p, k, 3 + p % 3 AS n,
         CASE WHEN p <= 40 THEN (ARRAY[9, 8, 10, 12, 11])[k] WHEN p <= 120 THEN (ARRAY[2, 3, 9, 10, 12])[k]
              ELSE (ARRAY[1, 2, 3, 5, 7])[k] END AS c
  FROM generate_series(1, 300) AS p, generate_series(1, 5) AS k
  WHERE k <= 3 + p % 3
) AS o
ON CONFLICT DO NOTHING;

INSERT INTO "OperationParameter" ("id", "routingOperationId", "name", "dataType", "nominalValue", "minValue", "maxValue",
  "textValue", "unitOfMeasure", "isCritical", "createdAt", "updatedAt")
SELECT r."id" || '_p' || j,
       r."id",
       (ARRAY[ARRAY['Blade speed','Feed rate'], ARRAY['Spindle speed','Feed per revolution'], ARRAY['Spindle speed','Feed rate'],
              ARRAY['Spindle speed','Drill depth'], ARRAY['Soak temperature','Soak time'], ARRAY['Wheel speed','Infeed'],
              ARRAY['Bath temperature','Cycle time'], ARRAY['Welding current','Wire feed speed'], ARRAY['Bolt torque','Press-fit force'],
              ARRAY['Test pressure','Leak rate limit'], ARRAY['Label template','Units per box'], ARRAY['CMM program','Probe configuration']])[x.c][j],
       (CASE WHEN x.c IN (11, 12) AND j = 1 OR x.c = 12 THEN 'STRING' ELSE 'NUMBER' END)::"ParameterDataType",
       CASE WHEN x.c = 12 OR (x.c = 11 AND j = 1) THEN NULL ELSE x.v END,
       CASE WHEN x.c = 12 OR (x.c = 11 AND j = 1) THEN NULL ELSE round(x.v * 0.9, 4) END,
       CASE WHEN x.c = 12 OR (x.c = 11 AND j = 1) THEN NULL ELSE round(x.v * 1.1, 4) END,
       CASE WHEN x.c = 12 THEN (CASE j WHEN 1 THEN 'PCD-' || r."routingId" ELSE 'TIP-2MM-RUBY' END)
            WHEN x.c = 11 AND j = 1 THEN 'GS1-128' END,
       (ARRAY[ARRAY['M/MIN','MM/MIN'], ARRAY['RPM','MM/REV'], ARRAY['RPM','MM/MIN'], ARRAY['RPM','MM'], ARRAY['CEL','MIN'],
              ARRAY['M/S','UM'], ARRAY['CEL','MIN'], ARRAY['A','M/MIN'], ARRAY['NM','KN'], ARRAY['BAR','ML/MIN'],
              ARRAY[NULL,'EA'], ARRAY[NULL,NULL]])[x.c][j],
       j = 1 AND x.c IN (5, 8, 9, 10),
       timestamp '2023-10-01 08:00:00', timestamp '2023-12-15 10:00:00'
FROM "RoutingOperation" AS r,
     generate_series(1, 2) AS j,
     LATERAL (SELECT substr(r."workCenterCode", 4)::int AS c,
                     (ARRAY[60, 1800, 2400, 900, 850, 35, 60, 180, 45, 250, 0, 0])[substr(r."workCenterCode", 4)::int]
                       * CASE WHEN j = 1 THEN 1 ELSE 0.05 END::numeric AS v) AS x
WHERE r."id" LIKE 'rop_%'
ON CONFLICT DO NOTHING;

INSERT INTO "OperationToolRequirement" ("id", "routingOperationId", "toolTypeId", "quantity", "cyclesPerUnit", "isOptional", "createdAt", "updatedAt")
SELECT r."id" || '_t' || j, r."id",
       'tty_' || lpad((CASE WHEN j = 1 THEN substr(r."workCenterCode", 4)::int ELSE 13 + substr(r."workCenterCode", 4)::int % 8 END)::text, 2, '0'),
       1, CASE WHEN j = 1 THEN 1 ELSE 0.1 END, j = 2,
       timestamp '2023-10-01 08:00:00', timestamp '2023-12-15 10:00:00'
FROM "RoutingOperation" AS r, generate_series(1, 2) AS j
ON CONFLICT DO NOTHING;

INSERT INTO "OperationPersonnelRequirement" ("id", "routingOperationId", "personnelClassId", "qualificationId", "headcount",
  "laborTime", "timeUnit", "createdAt", "updatedAt")
SELECT r."id" || '_h' || j, r."id",
       CASE WHEN j = 1 THEN CASE WHEN r."workCenterCode" = 'WC-12' THEN 'pcl_03' ELSE 'pcl_01' END ELSE 'pcl_02' END,
       CASE WHEN j = 1 THEN 'qal_' || substr(r."workCenterCode", 4) END,
       CASE WHEN j = 1 AND r."workCenterCode" = 'WC-09' THEN 2 ELSE 1 END,
       CASE WHEN j = 1 THEN r."runTimePerUnit" ELSE r."setupTime" END,
       'MIN',
       timestamp '2023-10-01 08:00:00', timestamp '2023-12-15 10:00:00'
FROM "RoutingOperation" AS r, generate_series(1, 2) AS j
WHERE j = 1 OR r."workCenterCode" IN ('WC-02', 'WC-03', 'WC-08')
ON CONFLICT DO NOTHING;

-- Maintenance: monthly preventive maintenance of every work unit, corrective jobs and
-- CMM / test-stand calibrations; the past is completed, the future scheduled.
INSERT INTO "MaintenanceRecord" ("id", "maintenanceNumber", "equipmentId", "type", "status", "scheduledAt", "startedAt", "completedAt",
  "downtimeMinutes", "technicianId", "description", "findings", "partsUsed", "laborHours", "cost", "currency",
  "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT 'mnt_' || lpad(n::text, 5, '0'), 'MR-' || lpad(n::text, 6, '0'), 'eq_' || lpad((17 + u)::text, 4, '0'),
       m.kind::"MaintenanceType",
       (CASE WHEN m.sched > timestamp '2025-02-01 00:00:00' THEN 'SCHEDULED'
             WHEN m.sched > timestamp '2025-01-20 00:00:00' AND n % 4 = 0 THEN 'OVERDUE'
             WHEN n % 59 = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END)::"MaintenanceStatus",
       m.sched,
       CASE WHEN m.sched <= timestamp '2025-01-20 00:00:00' AND n % 59 <> 0 THEN m.sched + interval '30 minutes' END,
       CASE WHEN m.sched <= timestamp '2025-01-20 00:00:00' AND n % 59 <> 0 THEN m.sched + (90 + (n * 17) % 300) * interval '1 minute' END,
       CASE WHEN m.sched <= timestamp '2025-01-20 00:00:00' AND n % 59 <> 0 THEN 60 + (n * 17) % 300 END,
       'per_' || lpad((91 + n % 15)::text, 4, '0'),
       CASE m.kind WHEN 'PREVENTIVE' THEN 'Monthly PM: lubrication, filters, axis backlash check'
                   WHEN 'CORRECTIVE' THEN (ARRAY['Spindle vibration alarm','Coolant pump failure','Hydraulic leak at clamp',
                                                  'Servo overload on Z axis','Door interlock fault'])[1 + n % 5]
                   ELSE 'Annual calibration against reference standards' END,
       CASE WHEN m.sched <= timestamp '2025-01-20 00:00:00' THEN 'Completed within tolerance' END,
       CASE WHEN m.kind = 'CORRECTIVE' THEN jsonb_build_array(jsonb_build_object('partNumber', 'SP-' || (5000 + n % 40), 'qty', 1 + n % 3)) END,
       CASE WHEN m.sched <= timestamp '2025-01-20 00:00:00' THEN round(((90 + (n * 17) % 300) / 60.0)::numeric, 2) END,
       CASE WHEN m.sched <= timestamp '2025-01-20 00:00:00' THEN (150 + (n * 29) % 2500)::numeric END,
       'USD',
       m.sched - interval '14 days', m.sched + interval '1 day', 'usr_0091', 'usr_0091'
FROM generate_series(1, 720) AS n,
     LATERAL (SELECT 1 + (n - 1) % 48 AS u) AS x,
     LATERAL (SELECT CASE WHEN n % 7 = 0 THEN 'CORRECTIVE' WHEN u > 44 AND n % 3 = 0 THEN 'CALIBRATION' ELSE 'PREVENTIVE' END AS kind,
                     timestamp '2024-01-03 07:00:00' + ((n - 1) / 48) * interval '28 days' + ((n - 1) % 48) * interval '4 hours' AS sched) AS m
ON CONFLICT DO NOTHING;

-- Tool check-outs over the year --------------------------------------------------------------
INSERT INTO "ToolUsageHistory" ("id", "toolId", "equipmentId", "personnelId", "workOrderId", "operationId", "checkedOutAt",
  "returnedAt", "cyclesUsed", "conditionOnReturn", "notes", "createdAt")
SELECT 'tuh_' || lpad(n::text, 5, '0'),
       'tool_' || lpad((1 + (n * 7) % 300)::text, 4, '0'),
       'eq_' || lpad((18 + (n * 5) % 48)::text, 4, '0'),
       'per_' || lpad((106 + (n * 3) % 130)::text, 4, '0'),
       'wo_' || lpad((1 + (n * 3) % 4700)::text, 6, '0'),
       NULL,
       timestamp '2024-01-02 06:10:00' + (n - 1) * interval '2 hours 50 minutes',
       CASE WHEN n <= 3070 THEN timestamp '2024-01-02 06:10:00' + (n - 1) * interval '2 hours 50 minutes' + (60 + n % 300) * interval '1 minute' END,
       (n * 13) % 120,
       CASE WHEN n <= 3070 THEN CASE WHEN n % 23 = 0 THEN 'WORN' WHEN n % 71 = 0 THEN 'DAMAGED' ELSE 'GOOD' END END,
       NULL,
       timestamp '2024-01-02 06:10:00' + (n - 1) * interval '2 hours 50 minutes'
FROM generate_series(1, 3100) AS n
ON CONFLICT DO NOTHING;
