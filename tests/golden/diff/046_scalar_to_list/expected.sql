-- AlterTable
ALTER TABLE "T" DROP COLUMN "tag",
ADD COLUMN     "tag" TEXT[],
DROP COLUMN "nums",
ADD COLUMN     "nums" INTEGER;

