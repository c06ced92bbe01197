-- foreign_keys.sql - foreign keys of the tables of the schemas ($1): one row per column pair,
-- in constraint order (inherited copies on partitions left out)
SELECT con.conrelid AS table_oid,
       con.conname AS name,
       con.confrelid AS ref_table_oid,
       con.confdeltype AS on_delete,
       con.confupdtype AS on_update,
       u.ord AS ord,
       u.attnum AS attnum,
       u.refattnum AS ref_attnum
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(con.conkey), pg_catalog.unnest(con.confkey))
     WITH ORDINALITY AS u(attnum, refattnum, ord)
WHERE con.contype = 'f'
  AND con.conparentid = 0
  AND n.nspname = ANY ($1::pg_catalog.text[])
ORDER BY con.conrelid, con.conname, u.ord
