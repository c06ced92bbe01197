-- DropForeignKey
ALTER TABLE "SerialNumberRange" DROP CONSTRAINT "SerialNumberRange_policyId_fkey";

-- DropForeignKey
ALTER TABLE "SerializedPart" DROP CONSTRAINT "SerializedPart_policyId_fkey";

-- DropForeignKey
ALTER TABLE "SerializedPart" DROP CONSTRAINT "SerializedPart_parentSerialId_fkey";

-- DropForeignKey
ALTER TABLE "LotGenealogy" DROP CONSTRAINT "LotGenealogy_parentId_fkey";

-- DropForeignKey
ALTER TABLE "TraceabilityEvent" DROP CONSTRAINT "TraceabilityEvent_serializedPartId_fkey";

-- DropForeignKey
ALTER TABLE "TraceabilityEvent" DROP CONSTRAINT "TraceabilityEvent_lotGenealogyId_fkey";

-- DropTable
DROP TABLE "SerialNumberPolicy";

-- DropTable
DROP TABLE "SerialNumberRange";

-- DropTable
DROP TABLE "SerializedPart";

-- DropTable
DROP TABLE "LotGenealogy";

-- DropTable
DROP TABLE "TraceabilityEvent";

-- DropEnum
DROP TYPE "SerialStatus";

-- DropEnum
DROP TYPE "SerialRangeStatus";

-- DropEnum
DROP TYPE "SequenceReset";

-- DropEnum
DROP TYPE "GenealogyRelation";

-- DropEnum
DROP TYPE "TraceEventType";
