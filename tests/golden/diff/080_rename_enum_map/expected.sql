-- CreateEnum
CREATE TYPE "colour" AS ENUM ('RED', 'BLUE');

-- AlterTable
ALTER TABLE "T" DROP COLUMN "c",
ADD COLUMN     "c" "colour" NOT NULL DEFAULT 'RED';

-- DropEnum
DROP TYPE "Color";

