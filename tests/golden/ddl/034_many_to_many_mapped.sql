-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "zebras" (
    "zebra_id" UUID NOT NULL,

    CONSTRAINT "zebras_pkey" PRIMARY KEY ("zebra_id")
);

-- CreateTable
CREATE TABLE "alpacas" (
    "alpaca_id" BIGINT NOT NULL,

    CONSTRAINT "alpacas_pkey" PRIMARY KEY ("alpaca_id")
);

-- CreateTable
CREATE TABLE "_AlpacaToZebra" (
    "A" BIGINT NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_AlpacaToZebra_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_AlpacaToZebra_B_index" ON "_AlpacaToZebra"("B");

-- AddForeignKey
ALTER TABLE "_AlpacaToZebra" ADD CONSTRAINT "_AlpacaToZebra_A_fkey" FOREIGN KEY ("A") REFERENCES "alpacas"("alpaca_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AlpacaToZebra" ADD CONSTRAINT "_AlpacaToZebra_B_fkey" FOREIGN KEY ("B") REFERENCES "zebras"("zebra_id") ON DELETE CASCADE ON UPDATE CASCADE;

