-- DropForeignKey
ALTER TABLE "B" DROP CONSTRAINT "B_aId_fkey";

-- DropIndex
DROP INDEX "B_aId_idx";

-- AlterTable
ALTER TABLE "B" DROP COLUMN "aId";

