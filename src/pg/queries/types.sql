-- types.sql - the types created in the database (oid >= 16384: enums, domains, extensions'
-- types, composite types, ...) and their arrays, with the element type of the arrays;
-- row types of tables and views are left out. Built-in types are known to the reader
-- by oid.
SELECT t.oid::pg_catalog.int8 AS oid,
       (b.oid <> t.oid) AS is_array,
       b.oid::pg_catalog.int8 AS base_oid,
       b.typname AS base_name,
       b.typtype AS base_kind,
       -- the text of the type without a modifier (not for the enums of the schemas ($1):
       -- those are described)
       CASE WHEN b.typtype <> 'e' OR bn.nspname <> ALL ($1::pg_catalog.text[])
            THEN pg_catalog.format_type(t.oid, NULL) END AS text
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_type b
  ON b.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 AND t.typtype = 'b'
                  THEN t.typelem ELSE t.oid END
JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace
WHERE t.oid >= 16384
  AND (b.typtype <> 'c'
       OR b.typrelid IN (SELECT r.oid FROM pg_catalog.pg_class r WHERE r.relkind = 'c'))
