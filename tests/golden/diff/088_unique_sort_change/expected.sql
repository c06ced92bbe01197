-- DropIndex
DROP INDEX "T_a_key";

-- CreateIndex
CREATE UNIQUE INDEX "T_a_key" ON "T"("a" DESC);

