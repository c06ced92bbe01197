/*
  Warnings:

  - The values [C] on the enum `Role` will be removed. If these variants are still used in the database, this will fail.
  - You are about to drop the column `old` on the `T` table. All the data in the column will be lost.
  - You are about to alter the column `name` on the `T` table. The data in that column could be lost. The data in that column will be cast from `VarChar(255)` to `VarChar(10)`.
  - You are about to drop the `Gone` table. If the table is not empty, all the data it contains will be lost.
  - A unique constraint covering the columns `[email]` on the table `T` will be added. If there are existing duplicate values, this will fail.
  - The required column `tok` was added to the `T` table with a prisma-level default value. This is not possible if the table is not empty. Please add this column as optional, then populate it before making it required.
  - Added the required column `x` to the `T` table without a default value. This is not possible if the table is not empty.
  - Made the column `email` on table `T` required. This step will fail if there are existing NULL values in that column.
  - Changed the type of `n` on the `T` table. No cast exists, the column would be dropped and recreated, which cannot be done if there is data, since the column is required.

*/
-- AlterEnum
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('A', 'B');
ALTER TABLE "T" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "public"."Role_old";
COMMIT;

-- AlterTable
ALTER TABLE "T" DROP COLUMN "old",
ADD COLUMN     "d" DECIMAL(5,2),
ADD COLUMN     "tok" TEXT NOT NULL,
ADD COLUMN     "x" TEXT NOT NULL,
ALTER COLUMN "name" SET DATA TYPE VARCHAR(10),
ALTER COLUMN "email" SET NOT NULL,
DROP COLUMN "n",
ADD COLUMN     "n" BOOLEAN NOT NULL;

-- DropTable
DROP TABLE "Gone";

-- CreateIndex
CREATE UNIQUE INDEX "T_email_key" ON "T"("email");
