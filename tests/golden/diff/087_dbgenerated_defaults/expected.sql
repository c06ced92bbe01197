-- AlterTable
ALTER TABLE "T" ALTER COLUMN "id" SET DEFAULT gen_random_uuid(),
ALTER COLUMN "at" SET DEFAULT NOW();

