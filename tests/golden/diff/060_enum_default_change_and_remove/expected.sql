-- AlterEnum
BEGIN;
CREATE TYPE "Shift_new" AS ENUM ('DAY', 'NIGHT');
ALTER TABLE "Crew" ALTER COLUMN "shift" DROP DEFAULT;
ALTER TABLE "Crew" ALTER COLUMN "shift" TYPE "Shift_new" USING ("shift"::text::"Shift_new");
ALTER TYPE "Shift" RENAME TO "Shift_old";
ALTER TYPE "Shift_new" RENAME TO "Shift";
DROP TYPE "Shift_old";
ALTER TABLE "Crew" ALTER COLUMN "shift" SET DEFAULT 'NIGHT';
COMMIT;

-- AlterTable
ALTER TABLE "Crew" ALTER COLUMN "shift" SET DEFAULT 'NIGHT';

