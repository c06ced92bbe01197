-- AlterEnum
BEGIN;
CREATE TYPE "app"."Level_new" AS ENUM ('LOW', 'HIGH');
ALTER TABLE "app"."User" ALTER COLUMN "level" DROP DEFAULT;
ALTER TABLE "app"."User" ALTER COLUMN "level" TYPE "app"."Level_new" USING ("level"::text::"app"."Level_new");
ALTER TYPE "app"."Level" RENAME TO "Level_old";
ALTER TYPE "app"."Level_new" RENAME TO "Level";
DROP TYPE "app"."Level_old";
ALTER TABLE "app"."User" ALTER COLUMN "level" SET DEFAULT 'LOW';
COMMIT;

-- AlterTable
ALTER TABLE "app"."User" ALTER COLUMN "level" SET DEFAULT 'LOW';

-- CreateTable
CREATE TABLE "audit"."Archive" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "Archive_pkey" PRIMARY KEY ("id")
);

