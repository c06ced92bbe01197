-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Custom" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "custom_pk" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mapped_things" (
    "mapped_id" INTEGER NOT NULL,

    CONSTRAINT "mapped_things_pkey" PRIMARY KEY ("mapped_id")
);

