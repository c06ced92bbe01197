CREATE TABLE "Order" (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL);
CREATE VIEW "OrderSummary" AS SELECT id, amount AS total FROM "Order";
CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0);
