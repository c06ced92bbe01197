-- CreateEnum
CREATE TYPE "Level" AS ENUM ('LOW', 'HIGH');

-- AlterTable
ALTER TABLE "T" DROP COLUMN "level",
ADD COLUMN     "level" "Level" NOT NULL DEFAULT 'LOW';

