-- AlterTable
ALTER TABLE "T" ALTER COLUMN "arr" SET DEFAULT '[1, 3]';

