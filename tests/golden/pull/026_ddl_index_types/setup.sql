-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Indexed" (
    "id" INTEGER NOT NULL,
    "a" INTEGER NOT NULL,
    "b" TEXT NOT NULL,
    "doc" JSONB NOT NULL,
    "c" INTEGER NOT NULL,
    "d" INTEGER NOT NULL,
    "tags" TEXT[],

    CONSTRAINT "Indexed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Indexed_a_idx" ON "Indexed" USING HASH ("a");

-- CreateIndex
CREATE INDEX "Indexed_doc_idx" ON "Indexed" USING GIN ("doc");

-- CreateIndex
CREATE INDEX "Indexed_c_idx" ON "Indexed" USING BRIN ("c");

-- CreateIndex
CREATE INDEX "Indexed_d_idx" ON "Indexed"("d");

-- CreateIndex
CREATE INDEX "Indexed_tags_idx" ON "Indexed" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Indexed_b_idx" ON "Indexed" USING SPGIST ("b");

