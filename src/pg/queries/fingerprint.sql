-- fingerprint.sql - the statement's snapshot, and one text value that changes whenever a
-- committed change reaches a catalog row the describe queries read for the schemas
-- ($1): every such row counts by its key and the transaction that wrote it (xmin), so
-- creating, altering or dropping anything gives rows a new xmin or takes them away.
-- Both come from the same snapshot: the fingerprint is the state as of that snapshot.
WITH ns AS MATERIALIZED (
  SELECT n.oid, n.xmin FROM pg_catalog.pg_namespace n
  WHERE n.nspname = ANY ($1::pg_catalog.text[])
), rel AS MATERIALIZED (
  SELECT c.oid, c.xmin FROM pg_catalog.pg_class c
  WHERE c.relnamespace IN (SELECT oid FROM ns)
), typ AS MATERIALIZED (
  SELECT t.oid, t.xmin FROM pg_catalog.pg_type t
  WHERE t.typnamespace IN (SELECT oid FROM ns)
), r(k, x) AS (
  SELECT (1::pg_catalog.int8 << 40) + oid::pg_catalog.int8, xmin FROM ns
  UNION ALL
  SELECT (2::pg_catalog.int8 << 40) + oid::pg_catalog.int8, xmin FROM rel
  UNION ALL
  SELECT (3::pg_catalog.int8 << 40) + oid::pg_catalog.int8, xmin FROM typ
  UNION ALL
  SELECT (4::pg_catalog.int8 << 40) + a.attrelid::pg_catalog.int8 * 2048 + a.attnum, a.xmin
  FROM pg_catalog.pg_attribute a
  WHERE a.attrelid IN (SELECT oid FROM rel) AND a.attnum > 0
  UNION ALL
  SELECT (5::pg_catalog.int8 << 40) + d.oid::pg_catalog.int8, d.xmin
  FROM pg_catalog.pg_attrdef d WHERE d.adrelid IN (SELECT oid FROM rel)
  UNION ALL
  SELECT (6::pg_catalog.int8 << 40) + k.oid::pg_catalog.int8, k.xmin
  FROM pg_catalog.pg_constraint k WHERE k.connamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT (7::pg_catalog.int8 << 40) + i.indexrelid::pg_catalog.int8, i.xmin
  FROM pg_catalog.pg_index i WHERE i.indrelid IN (SELECT oid FROM rel)
  UNION ALL
  SELECT (8::pg_catalog.int8 << 40) + e.oid::pg_catalog.int8, e.xmin
  FROM pg_catalog.pg_enum e WHERE e.enumtypid IN (SELECT oid FROM typ)
  UNION ALL
  SELECT (9::pg_catalog.int8 << 40) + w.oid::pg_catalog.int8, w.xmin
  FROM pg_catalog.pg_rewrite w WHERE w.ev_class IN (SELECT oid FROM rel)
  UNION ALL
  SELECT (10::pg_catalog.int8 << 40) + m.objoid::pg_catalog.int8 * 2048 + m.objsubid, m.xmin
  FROM pg_catalog.pg_description m
  WHERE m.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND m.objoid IN (SELECT oid FROM rel)
  UNION ALL
  -- sequences owned by columns (a, i) and objects that belong to extensions (e)
  SELECT (11::pg_catalog.int8 << 40) + d.objid::pg_catalog.int8 * 4
         + (d.deptype = 'e')::pg_catalog.int4, d.xmin
  FROM pg_catalog.pg_depend d
  WHERE d.classid IN ('pg_catalog.pg_class'::pg_catalog.regclass,
                      'pg_catalog.pg_type'::pg_catalog.regclass)
    AND d.deptype IN ('a', 'i', 'e')
    AND (d.objid IN (SELECT oid FROM rel) OR d.objid IN (SELECT oid FROM typ))
  UNION ALL
  SELECT (12::pg_catalog.int8 << 40) + x.oid::pg_catalog.int8, x.xmin
  FROM pg_catalog.pg_extension x
  UNION ALL
  SELECT (13::pg_catalog.int8 << 40) + o.oid::pg_catalog.int8, o.xmin
  FROM pg_catalog.pg_opclass o
  WHERE o.opcnamespace <> 'pg_catalog'::pg_catalog.regnamespace
)
SELECT pg_catalog.pg_current_snapshot()::pg_catalog.text AS snapshot,
       pg_catalog.count(*)::pg_catalog.text
       || '/' || COALESCE(pg_catalog.sum(pg_catalog.hashint8extended(
                   r.k, r.x::pg_catalog.text::pg_catalog.int8)), 0)::pg_catalog.text AS fingerprint
FROM r
