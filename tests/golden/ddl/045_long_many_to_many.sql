-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "QualityInspectionCharacteristicDefinitionRecord" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "QualityInspectionCharacteristicDefinitionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityMeasurementPlanRevisionHistoryEntry" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "QualityMeasurementPlanRevisionHistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_QualityInspectionCharacteristicDefinitionRecordToQualityMeasur" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_QualityInspectionCharacteristicDefinitionRecordToQuali_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_QualityInspectionCharacteristicDefinitionRecordToQuali_B_index" ON "_QualityInspectionCharacteristicDefinitionRecordToQualityMeasur"("B");

-- AddForeignKey
ALTER TABLE "_QualityInspectionCharacteristicDefinitionRecordToQualityMeasur" ADD CONSTRAINT "_QualityInspectionCharacteristicDefinitionRecordToQualit_A_fkey" FOREIGN KEY ("A") REFERENCES "QualityInspectionCharacteristicDefinitionRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_QualityInspectionCharacteristicDefinitionRecordToQualityMeasur" ADD CONSTRAINT "_QualityInspectionCharacteristicDefinitionRecordToQualit_B_fkey" FOREIGN KEY ("B") REFERENCES "QualityMeasurementPlanRevisionHistoryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

