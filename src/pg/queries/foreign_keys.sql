-- foreign_keys.sql - foreign keys of the tables of the schemas ($1), one row per
-- constraint, in no particular order; the column pairs as two int2 arrays in text
-- ({1,2}), in constraint order (inherited copies on partitions left out)
SELECT con.conrelid::pg_catalog.int8 AS table_oid,
       con.conname AS name,
       con.confrelid::pg_catalog.int8 AS ref_table_oid,
       con.confdeltype AS on_delete,
       con.confupdtype AS on_update,
       con.conkey::pg_catalog.text AS attnums,
       con.confkey::pg_catalog.text AS ref_attnums
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE con.contype = 'f'
  AND con.conparentid = 0
  AND n.nspname = ANY ($1::pg_catalog.text[])
