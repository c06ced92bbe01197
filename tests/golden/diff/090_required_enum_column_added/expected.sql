-- CreateEnum
CREATE TYPE "S" AS ENUM ('ON', 'OFF');

-- AlterTable
ALTER TABLE "T" ADD COLUMN     "s" "S" NOT NULL DEFAULT 'ON',
ADD COLUMN     "t" "S" NOT NULL,
ADD COLUMN     "u" "S"[];

