-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "ManufacturingWorkOrderOperationParameterDefinition" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "ManufacturingWorkOrderOperationParameterDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManufacturingWorkOrderOperationParameterValue" (
    "id" INTEGER NOT NULL,
    "manufacturingWorkOrderOperationParameterDefinitionId" INTEGER NOT NULL,

    CONSTRAINT "ManufacturingWorkOrderOperationParameterValue_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "ManufacturingWorkOrderOperationParameterValue" ADD CONSTRAINT "ManufacturingWorkOrderOperationParameterValue_manufacturin_fkey" FOREIGN KEY ("manufacturingWorkOrderOperationParameterDefinitionId") REFERENCES "ManufacturingWorkOrderOperationParameterDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

