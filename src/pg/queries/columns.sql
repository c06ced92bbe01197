-- columns.sql - columns of the tables of the schemas ($1), grouped by table, in ordinal order.
-- base_* describe the element type for arrays, the type itself otherwise.
SELECT a.attrelid AS table_oid,
       a.attnum AS attnum,
       a.attname AS name,
       a.attnotnull AS notnull,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       a.atttypmod AS typmod,
       a.attcollation AS collation,
       (b.oid <> t.oid) AS is_array,
       b.oid AS base_oid,
       b.typname AS base_name,
       bn.nspname AS base_schema,
       b.typtype AS base_kind,
       pg_catalog.format_type(b.oid, a.atttypmod) AS base_text,
       -- relid 0 spares a relation open per call (5x faster); only generated columns
       -- refer to other columns and need the relation
       pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0
                                             ELSE ad.adrelid END) AS default_expr,
       d.description AS description
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type b
  ON b.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 AND t.typtype = 'b'
                  THEN t.typelem ELSE t.oid END
JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = a.attrelid
      AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.objsubid = a.attnum
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
