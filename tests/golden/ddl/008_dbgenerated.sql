-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Gen" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "code" INTEGER NOT NULL DEFAULT floor(random() * 100)::int,
    "label" TEXT NOT NULL DEFAULT 'it''s'::text,
    "shape" circle DEFAULT '<(1,1),5>'::circle,

    CONSTRAINT "Gen_pkey" PRIMARY KEY ("id")
);

