-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Settings" (
    "id" INTEGER NOT NULL,
    "prefs" JSONB NOT NULL DEFAULT '{}',
    "obj" JSONB NOT NULL DEFAULT '{"theme": "dark", "size": 12}',
    "arr" JSONB NOT NULL DEFAULT '[1, 2, 3]',
    "str" JSONB NOT NULL DEFAULT '"hello"',
    "bin" JSON NOT NULL DEFAULT '{"a":"it''s"}',

    CONSTRAINT "Settings_pkey" PRIMARY KEY ("id")
);

