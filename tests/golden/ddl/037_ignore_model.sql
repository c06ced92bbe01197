-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Visible" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Visible_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hidden" (
    "id" INTEGER NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "Hidden_pkey" PRIMARY KEY ("id")
);

