-- AlterTable
ALTER TABLE "T" DROP COLUMN "v",
ADD COLUMN     "v" "B" NOT NULL,
DROP COLUMN "w",
ADD COLUMN     "w" "B";

