-- DropIndex
DROP INDEX "S_b_c_idx";

-- DropIndex
DROP INDEX "S_a_b_key";

-- CreateIndex
CREATE INDEX "S_c_b_idx" ON "S"("c", "b");

-- CreateIndex
CREATE UNIQUE INDEX "S_a_b_c_key" ON "S"("a", "b", "c");

