-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Legacy" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "secret" TEXT,

    CONSTRAINT "Legacy_pkey" PRIMARY KEY ("id")
);

