-- CreateEnum
CREATE TYPE "New" AS ENUM ('X', 'Y');

-- AlterTable
ALTER TABLE "T" DROP COLUMN "old",
ADD COLUMN     "new" "New" NOT NULL DEFAULT 'X';

-- DropEnum
DROP TYPE "Old";

