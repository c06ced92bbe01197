-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Mix" (
    "id" INTEGER NOT NULL,
    "a" TEXT NOT NULL,
    "b" TEXT NOT NULL,
    "c" TEXT NOT NULL,
    "d" TEXT NOT NULL,
    "e" TEXT NOT NULL,

    CONSTRAINT "Mix_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Mix_a_key" ON "Mix"("a");

-- CreateIndex
CREATE UNIQUE INDEX "Mix_d_key" ON "Mix"("d");

-- CreateIndex
CREATE INDEX "Mix_e_idx" ON "Mix"("e");

-- CreateIndex
CREATE INDEX "Mix_a_b_idx" ON "Mix"("a", "b");

-- CreateIndex
CREATE UNIQUE INDEX "Mix_b_c_key" ON "Mix"("b", "c");

-- CreateIndex
CREATE UNIQUE INDEX "Mix_c_e_key" ON "Mix"("c", "e");

