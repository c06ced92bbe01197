-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Reading" (
    "sensor" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Reading_pkey" PRIMARY KEY ("sensor","at")
);

-- CreateIndex
CREATE INDEX "Reading_at_idx" ON "Reading"("at" DESC);

