-- multi.sql - Prisma 6.19's SQL for multi.prisma (migrate diff --from-empty --script);
-- db push of the same schema gives a database that describes identically
-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "ops";

-- CreateEnum
CREATE TYPE "base"."Shift" AS ENUM ('DAY', 'NIGHT');

-- CreateTable
CREATE TABLE "base"."Site" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops"."Crew" (
    "id" SERIAL NOT NULL,
    "siteId" INTEGER NOT NULL,
    "shift" "base"."Shift" NOT NULL DEFAULT 'DAY',
    "shifts" "base"."Shift"[] DEFAULT ARRAY['DAY']::"base"."Shift"[],

    CONSTRAINT "Crew_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_key" ON "base"."Site"("name");

-- CreateIndex
CREATE INDEX "Crew_siteId_shift_idx" ON "ops"."Crew"("siteId", "shift");

-- AddForeignKey
ALTER TABLE "ops"."Crew" ADD CONSTRAINT "Crew_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "base"."Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

