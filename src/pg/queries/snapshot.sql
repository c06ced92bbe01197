-- snapshot.sql - which database this is (the cluster's system identifier and the
-- database's OID: no two databases share them) and the current snapshot: while the
-- snapshot stays the same no transaction has committed, so nothing has changed
SELECT (SELECT s.system_identifier FROM pg_catalog.pg_control_system() s)::pg_catalog.text
       || '/' || d.oid::pg_catalog.text AS identity,
       pg_catalog.pg_current_snapshot()::pg_catalog.text AS snapshot
FROM pg_catalog.pg_database d
WHERE d.datname = pg_catalog.current_database()
