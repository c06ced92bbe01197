-- AlterEnum
ALTER TYPE "app"."Level" ADD VALUE 'MID';

-- AlterTable
ALTER TABLE "app"."User" ALTER COLUMN "level" SET DEFAULT 'LOW',
ALTER COLUMN "name" DROP NOT NULL,
ALTER COLUMN "name" SET DATA TYPE VARCHAR(100);

-- AlterTable
ALTER TABLE "audit"."Log" ADD COLUMN     "userId" INTEGER NOT NULL;

-- AddForeignKey
ALTER TABLE "audit"."Log" ADD CONSTRAINT "Log_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RenameIndex
ALTER INDEX "app"."User_name_idx" RENAME TO "user_name";

