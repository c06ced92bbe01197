-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Blob" (
    "id" INTEGER NOT NULL,
    "data" BYTEA NOT NULL DEFAULT '\x68656c6c6f',
    "empty" BYTEA NOT NULL DEFAULT '\x',

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("id")
);

