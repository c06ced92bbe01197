-- integration seed: development data for mes_integration_db.
-- Ten connected systems (ERP, PLM, historian, SCADA, OPC UA gateway, WMS, CMMS, LIMS, QMS, MQTT),
-- versioned data mappings with their transformation rules, ~10,000 jobs over 2024-01..2025-01 with
-- ~32,000 log lines, and the synchronisation state of work orders, parts, materials and equipment.
-- Deterministic and idempotent (md5-based uuids, fixed keys and timestamps, ON CONFLICT DO NOTHING).

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

INSERT INTO integration_endpoints (id, code, name, type, protocol, direction, base_url, auth_type, credentials_ref, config, timeout_ms,
  max_retries, is_enabled, last_health_check_at, is_healthy, created_at, updated_at, created_by, updated_by)
SELECT md5('endpoint:' || e.code)::uuid, e.code, e.name, e.kind::"EndpointType", e.protocol::"IntegrationProtocol",
       e.direction::"SyncDirection", e.url, e.auth::"EndpointAuthType",
       CASE WHEN e.auth <> 'NONE' THEN 'vault://mes/integration/' || lower(e.code) END,
       jsonb_build_object('batchSize', 200 + e.n * 50, 'pollIntervalSec', CASE WHEN e.protocol IN ('OPC_UA', 'MQTT') THEN 1 ELSE 300 END),
       CASE WHEN e.protocol IN ('OPC_UA', 'MQTT') THEN 5000 ELSE 30000 END,
       CASE WHEN e.protocol = 'SFTP' THEN 5 ELSE 3 END,
       e.n <> 8,
       timestamptz '2025-01-31 17:55:00+00', e.n NOT IN (8, 10),
       timestamptz '2023-11-15 08:00:00+00', timestamptz '2025-01-15 08:00:00+00', 'usr_0001', 'usr_0001'
FROM (VALUES
  (1, 'ERP-SAP', 'SAP S/4HANA production planning', 'ERP', 'SOAP', 'BIDIRECTIONAL', 'https://erp.acme-mfg.example/sap/bc/srt/mes', 'CLIENT_CERTIFICATE'),
  (2, 'PLM-TC', 'Teamcenter PLM', 'PLM', 'REST', 'INBOUND', 'https://plm.acme-mfg.example/tc/rest/v2', 'OAUTH2'),
  (3, 'HIST-PI', 'Process historian', 'HISTORIAN', 'REST', 'OUTBOUND', 'https://historian.acme-mfg.example/piwebapi', 'BASIC'),
  (4, 'SCADA-IGN', 'Ignition SCADA', 'SCADA', 'MQTT', 'INBOUND', 'mqtts://scada.acme-mfg.example:8883', 'CLIENT_CERTIFICATE'),
  (5, 'OPCUA-GW', 'OPC UA gateway (machining cells)', 'PLC_GATEWAY', 'OPC_UA', 'INBOUND', 'opc.tcp://opcua-gw.acme-mfg.example:4840', 'CLIENT_CERTIFICATE'),
  (6, 'WMS-MH', 'Warehouse management system', 'WMS', 'REST', 'BIDIRECTIONAL', 'https://wms.acme-mfg.example/api/v1', 'API_KEY'),
  (7, 'CMMS-MAX', 'Maintenance management (CMMS)', 'CMMS', 'REST', 'BIDIRECTIONAL', 'https://cmms.acme-mfg.example/maximo/oslc', 'API_KEY'),
  (8, 'LIMS-LAB', 'Laboratory information system', 'LIMS', 'DATABASE', 'INBOUND', 'postgresql://lims.acme-mfg.example:5432/lims', 'BASIC'),
  (9, 'QMS-ETQ', 'Enterprise QMS (CAPA)', 'QMS', 'REST', 'OUTBOUND', 'https://qms.acme-mfg.example/api', 'OAUTH2'),
  (10, 'B2MML-SFTP', 'B2MML file exchange with customers', 'ERP', 'B2MML_FILE', 'OUTBOUND', 'sftp://edi.acme-mfg.example/outbound', 'CLIENT_CERTIFICATE')
) AS e(n, code, name, kind, protocol, direction, url, auth)
ON CONFLICT DO NOTHING;

-- Data mappings: entity types per endpoint; version 1 retired by version 2 for the ERP work orders ---
INSERT INTO data_mappings (id, endpoint_id, name, entity_type, direction, version, source_schema, target_schema, is_active, created_at,
  updated_at, created_by, updated_by)
SELECT md5('mapping:' || m.code || ':' || m.entity || ':' || m.direction || ':' || m.version)::uuid,
       md5('endpoint:' || m.code)::uuid,
       m.code || ' ' || m.entity || ' ' || lower(m.direction) || ' v' || m.version,
       m.entity, m.direction::"SyncDirection", m.version, m.src, m.dst, m.active,
       timestamptz '2023-11-20 08:00:00+00' + m.version * interval '120 days', timestamptz '2024-06-01 08:00:00+00', 'usr_0016', 'usr_0016'
FROM (VALUES
  ('ERP-SAP', 'WorkOrder', 'INBOUND', 1, 'SAP LOIPRO05', 'mes.WorkOrder', false),
  ('ERP-SAP', 'WorkOrder', 'INBOUND', 2, 'SAP LOIPRO05', 'mes.WorkOrder', true),
  ('ERP-SAP', 'OperationCompletion', 'OUTBOUND', 1, 'mes.OperationCompletion', 'SAP CONF32', true),
  ('ERP-SAP', 'MaterialTransaction', 'OUTBOUND', 1, 'mes.MaterialTransaction', 'SAP MBGMCR03', true),
  ('ERP-SAP', 'Material', 'INBOUND', 1, 'SAP MATMAS05', 'mes.Material', true),
  ('PLM-TC', 'Part', 'INBOUND', 1, 'PLMXML Part', 'mes.Part', true),
  ('PLM-TC', 'PartBOM', 'INBOUND', 1, 'PLMXML BOMLine', 'mes.PartBOM', true),
  ('PLM-TC', 'Routing', 'INBOUND', 1, 'PLMXML Process', 'mes.Routing', true),
  ('HIST-PI', 'EquipmentState', 'OUTBOUND', 1, 'mes.Equipment', 'PI AF element', true),
  ('SCADA-IGN', 'MachineCounter', 'INBOUND', 1, 'Sparkplug B NDATA', 'mes.OperationCompletion', true),
  ('SCADA-IGN', 'Alarm', 'INBOUND', 1, 'Sparkplug B NDATA', 'mes.Alert', true),
  ('OPCUA-GW', 'ProcessParameter', 'INBOUND', 1, 'OPC UA Machinery', 'mes.OperationParameter', true),
  ('OPCUA-GW', 'MachineState', 'INBOUND', 1, 'OPC UA MachineryItemState', 'mes.Equipment', true),
  ('WMS-MH', 'MaterialLot', 'BIDIRECTIONAL', 1, 'WMS LPN', 'mes.MaterialLot', true),
  ('WMS-MH', 'MaterialReservation', 'OUTBOUND', 1, 'mes.MaterialReservation', 'WMS pick request', true),
  ('CMMS-MAX', 'MaintenanceRecord', 'BIDIRECTIONAL', 1, 'OSLC workorder', 'mes.MaintenanceRecord', true),
  ('CMMS-MAX', 'Equipment', 'INBOUND', 1, 'OSLC asset', 'mes.Equipment', true),
  ('LIMS-LAB', 'LabResult', 'INBOUND', 1, 'lims.sample_result', 'mes.QualityMeasurement', true),
  ('QMS-ETQ', 'NCR', 'OUTBOUND', 1, 'mes.NCR', 'ETQ NonConformance', true),
  ('QMS-ETQ', 'CorrectiveAction', 'INBOUND', 1, 'ETQ CAPA', 'mes.NCR', true),
  ('B2MML-SFTP', 'ProductionPerformance', 'OUTBOUND', 1, 'mes.WorkOrder', 'B2MML ProductionPerformance v0700', true),
  ('B2MML-SFTP', 'MaterialLot', 'OUTBOUND', 1, 'mes.MaterialLot', 'B2MML MaterialLot v0700', true)
) AS m(code, entity, direction, version, src, dst, active)
ON CONFLICT DO NOTHING;

INSERT INTO transformation_rules (id, mapping_id, sequence, source_field, target_field, transform, expression, lookup_table, default_value,
  is_required, created_at, updated_at)
SELECT md5('rule:' || dm.id || ':' || r.seq)::uuid, dm.id, r.seq * 10,
       CASE WHEN r.kind = 'CONSTANT' THEN NULL ELSE lower(dm.entity_type) || '.' || r.src END,
       r.dst,
       r.kind::"TransformType",
       CASE r.kind WHEN 'EXPRESSION' THEN 'round(value * 1000) / 1000' WHEN 'DATE_FORMAT' THEN 'yyyyMMddHHmmss -> ISO-8601'
                   WHEN 'CONCAT' THEN 'concat(plant, ''-'', value)' WHEN 'UNIT_CONVERSION' THEN 'ST -> EA' END,
       CASE WHEN r.kind = 'LOOKUP' THEN '{"REL": "RELEASED", "TECO": "CLOSED", "CRTD": "CREATED", "DLFL": "CANCELLED"}'::jsonb END,
       CASE WHEN r.kind = 'CONSTANT' THEN 'PLANT-01' END,
       r.seq <= 3,
       dm.created_at, dm.updated_at
FROM data_mappings AS dm,
     (VALUES (1, 'id', 'externalId', 'DIRECT'), (2, 'number', 'businessKey', 'DIRECT'), (3, 'status', 'status', 'LOOKUP'),
             (4, 'quantity', 'quantity', 'EXPRESSION'), (5, 'uom', 'unitOfMeasure', 'UNIT_CONVERSION'),
             (6, 'changed_at', 'updatedAt', 'DATE_FORMAT'), (7, 'description', 'name', 'CONCAT'), (8, NULL, 'siteCode', 'CONSTANT'))
       AS r(seq, src, dst, kind)
WHERE dm.id IS NOT NULL
ON CONFLICT DO NOTHING;

-- Jobs ---------------------------------------------------------------------------------------------------
INSERT INTO integration_jobs (id, job_number, endpoint_id, mapping_id, job_type, entity_type, direction, status, scheduled_at, started_at,
  finished_at, attempts, records_total, records_succeeded, records_failed, correlation_id, summary, error_message, created_at, updated_at, created_by)
SELECT md5('job:' || j.n)::uuid,
       'JOB-' || lpad(j.n::text, 7, '0'),
       dm.endpoint_id, dm.id,
       upper(dm.entity_type) || '_' || CASE dm.direction WHEN 'INBOUND' THEN 'IMPORT' WHEN 'OUTBOUND' THEN 'EXPORT' ELSE 'SYNC' END,
       dm.entity_type, dm.direction,
       j.status::"JobStatus",
       j.at,
       CASE WHEN j.status <> 'PENDING' THEN j.at + interval '3 seconds' END,
       CASE WHEN j.status IN ('SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED') THEN j.at + (5 + j.n % 240) * interval '1 second' END,
       CASE WHEN j.status = 'PENDING' THEN 0 WHEN j.status IN ('FAILED', 'RETRYING') THEN 1 + j.n % 3 ELSE 1 END,
       j.total,
       CASE WHEN j.status = 'SUCCEEDED' THEN j.total WHEN j.status = 'PARTIALLY_SUCCEEDED' THEN j.total - 1 - j.n % 5 ELSE 0 END,
       CASE WHEN j.status = 'PARTIALLY_SUCCEEDED' THEN 1 + j.n % 5 WHEN j.status = 'FAILED' THEN j.total ELSE 0 END,
       md5('corr:' || j.n)::uuid,
       jsonb_build_object('source', dm.source_schema, 'target', dm.target_schema),
       CASE WHEN j.status IN ('FAILED', 'RETRYING') THEN (ARRAY['Connection timed out after 30000 ms', 'HTTP 503 Service Unavailable',
                                                              'SOAP fault: material not maintained in plant', 'TLS handshake failed'])[1 + j.n % 4] END,
       j.at, j.at + interval '5 minutes', 'usr_0241'
FROM (
  SELECT n, timestamptz '2024-01-01 00:10:00+00' + (n - 1) * interval '57 minutes' AS at,
         CASE WHEN n > 9995 THEN 'PENDING' WHEN n > 9990 THEN 'RUNNING' WHEN n % 211 = 0 THEN 'RETRYING' WHEN n % 53 = 0 THEN 'FAILED'
              WHEN n % 17 = 0 THEN 'PARTIALLY_SUCCEEDED' WHEN n % 499 = 0 THEN 'CANCELLED' ELSE 'SUCCEEDED' END AS status,
         10 + (n * 37) % 490 AS total
  FROM generate_series(1, 10000) AS n
) AS j
JOIN data_mappings AS dm ON dm.id = (SELECT id FROM data_mappings WHERE is_active ORDER BY name OFFSET j.n % 21 LIMIT 1)
ON CONFLICT DO NOTHING;

-- Log lines: start, progress, end (+ the error for failed jobs) -----------------------------------------
INSERT INTO integration_logs (job_id, sequence, level, message, entity_id, details, logged_at)
SELECT jb.id, l.seq, l.lvl::"LogLevel", l.msg, NULL, l.details, l.at
FROM integration_jobs AS jb
CROSS JOIN LATERAL (
  SELECT 1 AS seq, 'INFO' AS lvl, 'Job started: ' || jb.job_type AS msg, jsonb_build_object('attempt', jb.attempts) AS details, jb.started_at AS at
  WHERE jb.started_at IS NOT NULL
  UNION ALL
  SELECT 2, 'DEBUG', 'Fetched ' || jb.records_total || ' records', jsonb_build_object('batchSize', 200), jb.started_at + interval '1 second'
  WHERE jb.started_at IS NOT NULL
  UNION ALL
  SELECT 3, CASE WHEN jb.records_failed > 0 THEN 'WARN' ELSE 'INFO' END,
         'Processed ' || jb.records_succeeded || ' ok, ' || jb.records_failed || ' failed', NULL, coalesce(jb.finished_at, jb.started_at + interval '2 seconds')
  WHERE jb.started_at IS NOT NULL AND jb.status <> 'RUNNING'
  UNION ALL
  SELECT 4, 'ERROR', jb.error_message, jsonb_build_object('retryable', jb.status = 'RETRYING'), coalesce(jb.finished_at, jb.started_at + interval '3 seconds')
  WHERE jb.error_message IS NOT NULL
) AS l
WHERE jb.job_number ~ '^JOB-[0-9]{7}$'
ON CONFLICT DO NOTHING;

-- Synchronisation state: work orders with the ERP, parts and BOMs with PLM, materials with the WMS,
-- equipment with the CMMS ------------------------------------------------------------------------------
INSERT INTO sync_status (endpoint_id, entity_type, entity_id, external_id, state, last_job_id, last_synced_at, checksum, error_count,
  last_error, updated_at)
SELECT md5('endpoint:' || s.code)::uuid, s.entity, s.entity_id, s.external_id,
       s.state::"SyncState",
       md5('job:' || s.job_n)::uuid,
       CASE WHEN s.state <> 'PENDING' THEN timestamptz '2024-01-01 00:10:00+00' + (s.job_n - 1) * interval '57 minutes' + interval '1 minute' END,
       md5('sync:' || s.entity_id),
       CASE WHEN s.state = 'ERROR' THEN 1 + s.k % 3 ELSE 0 END,
       CASE WHEN s.state = 'ERROR' THEN 'Rejected by target: field validation failed' END,
       timestamptz '2024-01-01 00:10:00+00' + (s.job_n - 1) * interval '57 minutes' + interval '1 minute'
FROM (
  SELECT 'ERP-SAP' AS code, 'WorkOrder' AS entity, 'wo_' || lpad(i::text, 6, '0') AS entity_id, (4500000000 + i)::text AS external_id, i AS k,
         least(10000, 1 + (i - 1) * 2) AS job_n,
         CASE WHEN i > 4950 THEN 'PENDING' WHEN i % 211 = 0 THEN 'ERROR' WHEN i % 97 = 0 THEN 'CONFLICT' ELSE 'IN_SYNC' END AS state
  FROM generate_series(1, 5000) AS i
  UNION ALL
  SELECT 'PLM-TC', 'Part', 'part_' || lpad(p::text, 4, '0'), 'TC-' || (100000 + p) || '/' || CASE WHEN p % 10 = 0 THEN 'B' ELSE 'A' END, p,
         1 + p * 3, CASE WHEN p % 61 = 0 THEN 'ERROR' ELSE 'IN_SYNC' END
  FROM generate_series(1, 400) AS p
  UNION ALL
  SELECT 'WMS-MH', 'Material', 'mat_' || lpad(m::text, 4, '0'), 'SKU-' || (100000 + m), m,
         9000 + m, CASE WHEN m % 53 = 0 THEN 'SYNCING' ELSE 'IN_SYNC' END
  FROM generate_series(1, 400) AS m
  UNION ALL
  SELECT 'CMMS-MAX', 'Equipment', 'eq_' || lpad(e::text, 4, '0'), 'ASSET-' || (7000 + e), e,
         5000 + e * 11, 'IN_SYNC'
  FROM generate_series(1, 65) AS e
) AS s
ON CONFLICT DO NOTHING;
