-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Warehouse" (
    "code" TEXT NOT NULL,
    "region" TEXT NOT NULL,

    CONSTRAINT "Warehouse_pkey" PRIMARY KEY ("region","code")
);

-- CreateTable
CREATE TABLE "Bin" (
    "id" INTEGER NOT NULL,
    "whCode" TEXT NOT NULL,
    "whRegion" TEXT NOT NULL,

    CONSTRAINT "Bin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Warehouse_code_region_key" ON "Warehouse"("code", "region");

-- AddForeignKey
ALTER TABLE "Bin" ADD CONSTRAINT "Bin_whCode_whRegion_fkey" FOREIGN KEY ("whCode", "whRegion") REFERENCES "Warehouse"("code", "region") ON DELETE CASCADE ON UPDATE CASCADE;

