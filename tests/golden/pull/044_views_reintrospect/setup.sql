CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "Order" (id SERIAL PRIMARY KEY, amount NUMERIC(10,2) NOT NULL, role "Role" NOT NULL DEFAULT 'USER', tags TEXT[], code VARCHAR(10), at TIMESTAMP(3), data JSONB, big BIGINT, flag BOOLEAN, pt POINT, "weird name" INT);
CREATE VIEW "OrderSummary" AS SELECT id, amount AS total, role, tags, code, at, data, big, flag, pt, "weird name", amount * 2 AS doubled, now() AS ts, 'x'::text AS lit FROM "Order";
CREATE VIEW "a view" AS SELECT 1 AS one;
CREATE MATERIALIZED VIEW mv AS SELECT id FROM "Order";
