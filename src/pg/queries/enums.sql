-- enums.sql - enum types of the schemas ($1) with their values, in no particular order:
-- the reader sorts the types by (schema as requested, name) and each one's values by
-- sort_order (declaration order)
SELECT t.oid::pg_catalog.int8 AS oid,
       t.typnamespace::pg_catalog.int8 AS nsp_oid,
       t.typname AS name,
       e.enumlabel AS label,
       e.enumsortorder AS sort_order
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e'
  AND n.nspname = ANY ($1::pg_catalog.text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                    AND x.objid = t.oid AND x.deptype = 'e')
