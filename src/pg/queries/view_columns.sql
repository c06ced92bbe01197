-- view_columns.sql - columns of the (plain) views of the schemas ($1), in no particular
-- order; types as in columns.sql. A view's columns have no NOT NULL and no defaults.
SELECT a.attrelid::pg_catalog.int8 AS view_oid,
       a.attnum AS attnum,
       a.attname AS name,
       a.atttypid::pg_catalog.int8 AS type_oid,
       a.atttypmod AS typmod,
       CASE WHEN a.atttypid >= 16384 THEN
                 CASE WHEN a.atttypmod >= 0
                      THEN pg_catalog.format_type(a.atttypid, a.atttypmod) END
            WHEN a.atttypid <> ALL ($2::pg_catalog.oid[])
            THEN pg_catalog.format_type(a.atttypid, a.atttypmod) END AS type_text
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v'
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND a.attnum > 0
  AND NOT a.attisdropped
