-- reporting seed: development data for mes_reporting_db.
-- Report definitions with parameters and schedules, ~14,000 executions over 2024-01..2025-01,
-- KPIs (OEE, availability, performance, quality, FPY, scrap, OTD, MTBF, MTTR, throughput) for the
-- site and each work center, dashboards linked to KPIs (implicit many-to-many), widgets and alerts.
-- Deterministic and idempotent (fixed ids, md5-based uuids, ON CONFLICT DO NOTHING).

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

INSERT INTO reports (id, code, name, description, type, default_format, definition, owner_id, is_public, tags, created_at, updated_at, created_by, updated_by)
SELECT 'rpt_' || lpad(n::text, 3, '0'), r.code, r.name, r.name || ' (' || lower(r.kind) || ' report)',
       r.kind::"ReportType",
       (CASE WHEN n % 4 = 0 THEN 'XLSX' WHEN n % 5 = 0 THEN 'CSV' ELSE 'PDF' END)::"ReportFormat",
       jsonb_build_object('source', r.source, 'query', 'report_' || lower(replace(r.code, '-', '_')),
                          'groupBy', CASE WHEN n % 2 = 0 THEN 'workCenter' ELSE 'day' END, 'chart', n % 3 = 0),
       'usr_' || lpad((2 + n % 14)::text, 4, '0'),
       n % 6 <> 0,
       ARRAY[lower(r.kind), CASE WHEN n % 2 = 0 THEN 'daily' ELSE 'management' END],
       timestamptz '2023-11-01 08:00:00+00' + n * interval '1 day', timestamptz '2024-10-01 08:00:00+00',
       'usr_' || lpad((2 + n % 14)::text, 4, '0'), 'usr_' || lpad((2 + n % 14)::text, 4, '0')
FROM unnest(
  ARRAY['PROD-DAILY','PROD-SHIFT','WO-STATUS','WO-LATE','OEE-WC','OEE-EQUIP','DOWNTIME-PARETO','SCRAP-PARETO','FPY-PART','NCR-AGING',
        'NCR-SUPPLIER','FAI-STATUS','SPC-CAPABILITY','INSPECT-BACKLOG','INV-VALUATION','INV-AGING','LOT-EXPIRY','MAT-USAGE-VAR',
        'PM-COMPLIANCE','CAL-DUE','GENEALOGY-FWD','GENEALOGY-BWD','ESIG-AUDIT','LABOR-EFFICIENCY'],
  ARRAY['Daily production summary','Shift production report','Work order status','Late work orders','OEE by work center',
        'OEE by equipment','Downtime Pareto','Scrap Pareto by reason','First pass yield by part','NCR aging','Supplier NCR summary',
        'First article inspection status','Process capability (Cp/Cpk)','Inspection backlog','Inventory valuation','Inventory aging',
        'Lots approaching expiry','Material usage variance','Preventive maintenance compliance','Calibration due list',
        'Forward genealogy (where used)','Backward genealogy (where from)','Electronic signature audit trail','Labor efficiency'],
  ARRAY['PRODUCTION','PRODUCTION','PRODUCTION','PRODUCTION','OEE','OEE','OEE','QUALITY','QUALITY','QUALITY','QUALITY','QUALITY','QUALITY',
        'QUALITY','INVENTORY','INVENTORY','INVENTORY','INVENTORY','MAINTENANCE','MAINTENANCE','TRACEABILITY','TRACEABILITY','COMPLIANCE','PRODUCTION'],
  ARRAY['work-order','work-order','work-order','work-order','resource','resource','resource','quality','quality','quality','quality','quality',
        'quality','quality','material','material','material','material','resource','resource','traceability','traceability','quality','work-order']
) WITH ORDINALITY AS r(code, name, kind, source, n)
ON CONFLICT DO NOTHING;

INSERT INTO report_parameters (id, report_id, name, label, data_type, is_required, default_value, allowed_values, sort_order)
SELECT r.id || '_' || p.name, r.id, p.name, p.label, p.dtype::"ParameterDataType", p.req, p.def, p.allowed, p.ord
FROM reports AS r,
     LATERAL (VALUES ('dateFrom', 'From date', 'DATE', true, 'today-7d', ARRAY[]::text[], 1),
                     ('dateTo', 'To date', 'DATE', true, 'today', ARRAY[]::text[], 2),
                     ('siteCode', 'Site', 'LIST', false, 'PLANT-01', ARRAY['PLANT-01', 'PLANT-02'], 3),
                     ('workCenter', 'Work center', 'LIST', false, NULL,
                      ARRAY['WC-01','WC-02','WC-03','WC-04','WC-05','WC-06','WC-07','WC-08','WC-09','WC-10','WC-11','WC-12'], 4))
       AS p(name, label, dtype, req, def, allowed, ord)
WHERE r.id ~ '^rpt_[0-9]{3}$' AND (p.ord <= 3 OR substr(r.id, 5)::int % 2 = 0)
ON CONFLICT DO NOTHING;

-- Schedules: one per report, plus shift-end copies of the production reports ------------------------
INSERT INTO report_schedules (id, report_id, name, frequency, cron_expression, timezone, format, recipients, parameters, is_enabled,
  next_run_at, last_run_at, created_at, updated_at, created_by, updated_by)
SELECT 'rsc_' || lpad(s::text, 3, '0'),
       'rpt_' || lpad(x.rep::text, 3, '0'),
       x.freq || ' ' || 'rpt_' || lpad(x.rep::text, 3, '0'),
       x.freq::"ScheduleFrequency",
       CASE x.freq WHEN 'HOURLY' THEN '5 * * * *' WHEN 'SHIFT_END' THEN '0 6,14,22 * * *' WHEN 'DAILY' THEN '30 5 * * *'
                   WHEN 'WEEKLY' THEN '0 6 * * 1' ELSE '0 6 1 * *' END,
       'America/Chicago',
       (CASE WHEN s % 4 = 0 THEN 'XLSX' ELSE 'PDF' END)::"ReportFormat",
       ARRAY['production-leads@acme-mfg.example', 'usr_' || lpad((2 + s % 14)::text, 4, '0') || '@acme-mfg.example'],
       jsonb_build_object('dateFrom', CASE x.freq WHEN 'WEEKLY' THEN 'today-7d' WHEN 'MONTHLY' THEN 'today-1M' ELSE 'today-1d' END, 'siteCode', 'PLANT-01'),
       s % 13 <> 0,
       CASE WHEN s % 13 <> 0 THEN timestamptz '2025-02-01 11:30:00+00' END,
       timestamptz '2025-01-31 11:30:00+00',
       timestamptz '2024-01-01 00:00:00+00', timestamptz '2025-01-31 11:30:00+00',
       'usr_' || lpad((2 + s % 14)::text, 4, '0'), 'usr_' || lpad((2 + s % 14)::text, 4, '0')
FROM generate_series(1, 30) AS s,
     LATERAL (SELECT CASE WHEN s <= 24 THEN s ELSE s - 24 END AS rep,
                     CASE WHEN s > 24 THEN 'SHIFT_END' WHEN s = 7 THEN 'HOURLY' WHEN s % 6 = 0 THEN 'MONTHLY' WHEN s % 4 = 0 THEN 'WEEKLY'
                          ELSE 'DAILY' END AS freq) AS x
ON CONFLICT DO NOTHING;

-- Executions: every scheduled run since 2024-01-01 (hourly ones for the last two weeks), plus ad-hoc runs
INSERT INTO report_executions (id, report_id, schedule_id, status, format, parameters, requested_by, queued_at, started_at, finished_at,
  duration_ms, row_count, output_uri, output_size_bytes, error_message)
SELECT md5('rex:' || coalesce(e.sid, 'adhoc') || ':' || e.report_id || ':' || extract(epoch FROM e.at)::bigint)::uuid,
       e.report_id, e.sid,
       e.status::"ExecutionStatus",
       e.fmt::"ReportFormat",
       jsonb_build_object('dateTo', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'siteCode', 'PLANT-01'),
       e.requested_by,
       e.at,
       CASE WHEN e.status <> 'QUEUED' THEN e.at + interval '2 seconds' END,
       CASE WHEN e.status IN ('SUCCEEDED', 'FAILED') THEN e.at + interval '2 seconds' + e.dur * interval '1 millisecond' END,
       CASE WHEN e.status IN ('SUCCEEDED', 'FAILED') THEN e.dur END,
       CASE WHEN e.status = 'SUCCEEDED' THEN 20 + e.h % 4000 END,
       CASE WHEN e.status = 'SUCCEEDED' THEN 's3://mes-reports/' || e.report_id || '/' || to_char(e.at AT TIME ZONE 'UTC', 'YYYY/MM/DD/HH24MI') || '.' || lower(e.fmt) END,
       CASE WHEN e.status = 'SUCCEEDED' THEN (40000 + e.h * 37)::bigint END,
       CASE WHEN e.status = 'FAILED' THEN (ARRAY['Query timeout after 120 s', 'Source service unavailable (503)', 'Template rendering failed'])[1 + e.h % 3] END
FROM (
  SELECT sc.id AS sid, sc.report_id, t.at, sc.format::text AS fmt, sc.created_by AS requested_by,
         (extract(epoch FROM t.at)::bigint / 60) % 100000 AS h,
         400 + ((extract(epoch FROM t.at)::bigint / 60) * 7 + substr(sc.id, 5)::int * 131) % 25000 AS dur,
         CASE WHEN t.at > timestamptz '2025-01-31 11:00:00+00' THEN 'QUEUED'
              WHEN ((extract(epoch FROM t.at)::bigint / 60) + substr(sc.id, 5)::int) % 71 = 0 THEN 'FAILED'
              ELSE 'SUCCEEDED' END AS status
  FROM report_schedules AS sc
  CROSS JOIN LATERAL generate_series(
      CASE WHEN sc.frequency = 'HOURLY' THEN timestamptz '2025-01-18 00:05:00+00' ELSE timestamptz '2024-01-01 11:30:00+00' END,
      timestamptz '2025-01-31 11:30:00+00',
      CASE sc.frequency WHEN 'HOURLY' THEN interval '1 hour' WHEN 'SHIFT_END' THEN interval '8 hours' WHEN 'DAILY' THEN interval '1 day'
                        WHEN 'WEEKLY' THEN interval '7 days' ELSE interval '1 month' END) AS t(at)
  WHERE sc.id ~ '^rsc_[0-9]{3}$'
  UNION ALL
  SELECT NULL, 'rpt_' || lpad((1 + n % 24)::text, 3, '0'), timestamptz '2024-01-02 09:17:00+00' + n * interval '7 hours 13 minutes',
         CASE WHEN n % 3 = 0 THEN 'XLSX' ELSE 'PDF' END, 'usr_' || lpad((2 + n % 60)::text, 4, '0'),
         n * 13, 300 + (n * 977) % 40000,
         CASE WHEN n % 97 = 0 THEN 'CANCELLED' WHEN n % 41 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END
  FROM generate_series(1, 1500) AS n
) AS e
ON CONFLICT DO NOTHING;

-- KPIs: ten measures for the site and each work center --------------------------------------------------
INSERT INTO kpis (id, code, name, category, description, formula, unit, target_value, warning_threshold, critical_threshold, higher_is_better,
  scope_type, scope_id, current_value, calculated_at, created_at, updated_at, created_by, updated_by)
SELECT 'kpi_' || k.code || '_' || sc.code,
       k.code || '-' || sc.code,
       k.name || ' - ' || sc.name,
       k.code::"KPICategory",
       k.name || ' for ' || sc.name,
       k.formula, k.unit,
       k.target, k.warn, k.crit, k.higher,
       sc.kind, sc.scope_id,
       round((k.target + (k.target - k.warn) * ((((sc.n * 37 + k.n * 11) % 40) - 25) / 10.0))::numeric, 4),
       timestamptz '2025-01-31 18:00:00+00',
       timestamptz '2023-12-01 08:00:00+00', timestamptz '2025-01-31 18:00:00+00', 'usr_0002', 'usr_0002'
FROM (VALUES (1, 'OEE', 'OEE', 'availability * performance * quality', '%', 85.0, 75.0, 65.0, true),
             (2, 'AVAILABILITY', 'Availability', 'run time / planned production time', '%', 90.0, 85.0, 75.0, true),
             (3, 'PERFORMANCE', 'Performance', 'ideal cycle time * total count / run time', '%', 95.0, 88.0, 80.0, true),
             (4, 'QUALITY', 'Quality rate', 'good count / total count', '%', 99.0, 98.0, 96.0, true),
             (5, 'THROUGHPUT', 'Throughput', 'good units per hour', 'EA/H', 40.0, 32.0, 25.0, true),
             (6, 'FIRST_PASS_YIELD', 'First pass yield', 'units passing first time / units started', '%', 97.0, 95.0, 92.0, true),
             (7, 'SCRAP_RATE', 'Scrap rate', 'scrapped units / units started', '%', 1.0, 2.0, 3.5, false),
             (8, 'ON_TIME_DELIVERY', 'On-time delivery', 'work orders completed by due date / completed', '%', 95.0, 90.0, 85.0, true),
             (9, 'MTBF', 'Mean time between failures', 'operating time / number of failures', 'H', 400.0, 250.0, 150.0, true),
             (10, 'MTTR', 'Mean time to repair', 'repair time / number of repairs', 'H', 2.0, 4.0, 8.0, false))
       AS k(n, code, name, formula, unit, target, warn, crit, higher),
     (SELECT 0 AS n, 'PLANT-01' AS code, 'Plant 01' AS name, 'SITE' AS kind, 'eq_0001' AS scope_id
      UNION ALL
      SELECT c, 'WC-' || lpad(c::text, 2, '0'), 'Work center WC-' || lpad(c::text, 2, '0'), 'WORK_CENTER', 'eq_' || lpad((5 + c)::text, 4, '0')
      FROM generate_series(1, 12) AS c) AS sc
ON CONFLICT DO NOTHING;

INSERT INTO dashboards (id, code, name, description, owner_id, is_default, layout, refresh_interval_sec, shared_with_roles, created_at, updated_at, created_by, updated_by)
SELECT 'dsh_' || lpad(n::text, 2, '0'), d.code, d.name, d.name || ' dashboard', 'usr_' || lpad((2 + n)::text, 4, '0'), n = 1,
       jsonb_build_object('columns', 12, 'rowHeight', 80, 'theme', CASE WHEN n >= 9 THEN 'andon-dark' ELSE 'light' END),
       CASE WHEN n >= 9 THEN 15 ELSE 60 END,
       r.roles,
       timestamptz '2023-12-01 08:00:00+00', timestamptz '2025-01-10 08:00:00+00', 'usr_0002', 'usr_0002'
FROM unnest(ARRAY['PLANT-OVERVIEW','AREA-MACHINING','AREA-THERMAL','AREA-ASSEMBLY','QUALITY','MAINTENANCE','DELIVERY','MANAGEMENT',
                  'ANDON-WC-02','ANDON-WC-03','ANDON-WC-09','ANDON-WC-10'],
            ARRAY['Plant overview','Machining area','Thermal and finishing area','Assembly and test area','Quality','Maintenance',
                  'Delivery performance','Management monthly','Andon WC-02 CNC turning','Andon WC-03 CNC milling','Andon WC-09 assembly',
                  'Andon WC-10 test'],
            ARRAY['ADMIN,PLANT_MANAGER,PRODUCTION_SUPERVISOR','PRODUCTION_SUPERVISOR,OPERATOR','PRODUCTION_SUPERVISOR,OPERATOR',
                  'PRODUCTION_SUPERVISOR,OPERATOR','QUALITY_ENGINEER,QUALITY_INSPECTOR','MAINTENANCE_TECHNICIAN','PLANNER,PLANT_MANAGER',
                  'PLANT_MANAGER','OPERATOR','OPERATOR','OPERATOR','OPERATOR']) WITH ORDINALITY AS d(code, name, role_list, n),
     LATERAL (SELECT string_to_array(d.role_list, ',') AS roles) AS r
ON CONFLICT DO NOTHING;

-- Dashboard <-> KPI (implicit many-to-many: "A" = Dashboard, "B" = KPI) -------------------------------
INSERT INTO "_DashboardToKPI" ("A", "B")
SELECT d.id, k.id
FROM dashboards AS d
JOIN kpis AS k ON
     (d.code IN ('PLANT-OVERVIEW', 'MANAGEMENT') AND k.scope_type = 'SITE')
  OR (d.code = 'AREA-MACHINING' AND k.scope_id IN ('eq_0006', 'eq_0007', 'eq_0008', 'eq_0009') AND k.category IN ('OEE', 'AVAILABILITY', 'SCRAP_RATE'))
  OR (d.code = 'AREA-THERMAL' AND k.scope_id IN ('eq_0010', 'eq_0011', 'eq_0012', 'eq_0013') AND k.category IN ('OEE', 'AVAILABILITY', 'SCRAP_RATE'))
  OR (d.code = 'AREA-ASSEMBLY' AND k.scope_id IN ('eq_0014', 'eq_0015', 'eq_0016') AND k.category IN ('OEE', 'THROUGHPUT', 'FIRST_PASS_YIELD'))
  OR (d.code = 'QUALITY' AND k.category IN ('QUALITY', 'FIRST_PASS_YIELD', 'SCRAP_RATE'))
  OR (d.code = 'MAINTENANCE' AND k.category IN ('MTBF', 'MTTR', 'AVAILABILITY'))
  OR (d.code = 'DELIVERY' AND k.category IN ('ON_TIME_DELIVERY', 'THROUGHPUT'))
  OR (d.code LIKE 'ANDON-%' AND k.code LIKE '%-' || substr(d.code, 7) AND k.category IN ('OEE', 'AVAILABILITY', 'PERFORMANCE', 'QUALITY', 'THROUGHPUT'))
WHERE d.id ~ '^dsh_[0-9]{2}$'
ON CONFLICT DO NOTHING;

INSERT INTO dashboard_widgets (id, dashboard_id, kpi_id, report_id, type, title, position_x, position_y, width, height, config, created_at, updated_at)
SELECT x.dashboard_id || '_w' || x.rn, x.dashboard_id,
       CASE WHEN x.rn <= 6 THEN x.kpi_id END,
       CASE WHEN x.rn > 6 THEN 'rpt_' || lpad((1 + (substr(x.dashboard_id, 5)::int * 5 + x.rn) % 24)::text, 3, '0') END,
       (CASE WHEN x.rn > 6 THEN CASE WHEN x.rn = 7 THEN 'PARETO' ELSE 'TABLE' END
             WHEN x.dashboard_id >= 'dsh_09' THEN 'ANDON_BOARD'
             WHEN x.rn <= 4 THEN 'KPI_TILE' WHEN x.rn = 5 THEN 'LINE_CHART' ELSE 'GAUGE' END)::"WidgetType",
       coalesce(x.kpi_name, 'Report'),
       ((x.rn - 1) % 4) * 3, ((x.rn - 1) / 4) * 3, 3, 3,
       jsonb_build_object('period', CASE WHEN x.rn = 5 THEN '30d' ELSE 'shift' END, 'showTarget', true),
       timestamptz '2023-12-01 08:00:00+00', timestamptz '2025-01-10 08:00:00+00'
FROM (
  SELECT d.id AS dashboard_id, k.id AS kpi_id, k.name AS kpi_name, row_number() OVER (PARTITION BY d.id ORDER BY k.id) AS rn
  FROM dashboards AS d
  JOIN "_DashboardToKPI" AS dk ON dk."A" = d.id
  JOIN kpis AS k ON k.id = dk."B"
  WHERE d.id ~ '^dsh_[0-9]{2}$'
) AS x
WHERE x.rn <= 8
ON CONFLICT DO NOTHING;

-- Alerts over the year, raised on KPIs and on source events --------------------------------------------
INSERT INTO alerts (id, alert_number, kpi_id, severity, status, title, message, source_service, source_entity_type, source_entity_id,
  metric_value, threshold_value, triggered_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, created_at, updated_at)
SELECT 'alr_' || lpad(n::text, 5, '0'),
       'ALR-' || lpad(n::text, 6, '0'),
       CASE WHEN n % 4 <> 0 THEN k.id END,
       (CASE WHEN n % 9 = 0 THEN 'CRITICAL' WHEN n % 3 = 0 THEN 'WARNING' ELSE 'INFO' END)::"AlertSeverity",
       (CASE WHEN x.at > timestamptz '2025-01-30 00:00:00+00' THEN 'ACTIVE'
             WHEN x.at > timestamptz '2025-01-25 00:00:00+00' THEN 'ACKNOWLEDGED'
             WHEN n % 29 = 0 THEN 'SUPPRESSED' ELSE 'RESOLVED' END)::"AlertStatus",
       CASE WHEN n % 4 <> 0 THEN k.name || CASE WHEN k.higher_is_better THEN ' below threshold' ELSE ' above threshold' END
            ELSE (ARRAY['Equipment down', 'NCR opened (critical)', 'Lot expiring in 7 days', 'Calibration overdue'])[1 + n % 4] END,
       'Raised by the reporting engine at ' || to_char(x.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC',
       CASE WHEN n % 4 <> 0 THEN 'reporting' ELSE (ARRAY['resource', 'quality', 'material', 'resource'])[1 + n % 4] END,
       CASE WHEN n % 4 <> 0 THEN 'KPI' ELSE (ARRAY['Equipment', 'NCR', 'MaterialLot', 'Tool'])[1 + n % 4] END,
       CASE WHEN n % 4 <> 0 THEN k.id ELSE (ARRAY['eq_' || lpad((18 + n % 48)::text, 4, '0'), 'ncr_S' || lpad((21 * (1 + n % 200))::text, 6, '0'),
                                                  'lot_' || lpad((5041 + n % 560)::text, 6, '0'), 'tool_' || lpad((1 + n % 300)::text, 4, '0')])[1 + n % 4] END,
       CASE WHEN n % 4 <> 0 THEN CASE WHEN k.higher_is_better THEN k.warning_threshold - (n % 7) ELSE k.warning_threshold + (n % 7) END END,
       CASE WHEN n % 4 <> 0 THEN k.warning_threshold END,
       x.at,
       CASE WHEN x.at <= timestamptz '2025-01-30 00:00:00+00' THEN x.at + (5 + n % 50) * interval '1 minute' END,
       CASE WHEN x.at <= timestamptz '2025-01-30 00:00:00+00' THEN 'usr_' || lpad((4 + n % 12)::text, 4, '0') END,
       CASE WHEN x.at <= timestamptz '2025-01-25 00:00:00+00' AND n % 29 <> 0 THEN x.at + (60 + n % 400) * interval '1 minute' END,
       CASE WHEN x.at <= timestamptz '2025-01-25 00:00:00+00' AND n % 29 <> 0 THEN 'usr_' || lpad((4 + n % 12)::text, 4, '0') END,
       x.at, x.at + interval '1 day'
FROM generate_series(1, 2400) AS n
CROSS JOIN LATERAL (SELECT timestamptz '2024-01-01 03:00:00+00' + n * interval '4 hours 25 minutes' AS at) AS x
JOIN kpis AS k ON k.id = (SELECT id FROM kpis WHERE id ~ '^kpi_' ORDER BY id OFFSET (n * 7) % 130 LIMIT 1)
ON CONFLICT DO NOTHING;
