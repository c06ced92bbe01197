-- DropForeignKey
ALTER TABLE "QualityCharacteristic" DROP CONSTRAINT "QualityCharacteristic_planId_fkey";

-- DropForeignKey
ALTER TABLE "QualityInspection" DROP CONSTRAINT "QualityInspection_planId_fkey";

-- DropForeignKey
ALTER TABLE "QualityMeasurement" DROP CONSTRAINT "QualityMeasurement_inspectionId_fkey";

-- DropForeignKey
ALTER TABLE "QualityMeasurement" DROP CONSTRAINT "QualityMeasurement_characteristicId_fkey";

-- DropForeignKey
ALTER TABLE "NCR" DROP CONSTRAINT "NCR_inspectionId_fkey";

-- DropForeignKey
ALTER TABLE "FAICharacteristic" DROP CONSTRAINT "FAICharacteristic_faiReportId_fkey";

-- DropForeignKey
ALTER TABLE "FAICharacteristic" DROP CONSTRAINT "FAICharacteristic_ncrId_fkey";

-- DropForeignKey
ALTER TABLE "ElectronicSignature" DROP CONSTRAINT "ElectronicSignature_ncrId_fkey";

-- DropForeignKey
ALTER TABLE "ElectronicSignature" DROP CONSTRAINT "ElectronicSignature_faiReportId_fkey";

-- DropForeignKey
ALTER TABLE "QIFMeasurementPlan" DROP CONSTRAINT "QIFMeasurementPlan_qualityPlanId_fkey";

-- DropForeignKey
ALTER TABLE "QIFCharacteristic" DROP CONSTRAINT "QIFCharacteristic_planId_fkey";

-- DropForeignKey
ALTER TABLE "QIFCharacteristic" DROP CONSTRAINT "QIFCharacteristic_qualityCharacteristicId_fkey";

-- DropForeignKey
ALTER TABLE "QIFMeasurementResult" DROP CONSTRAINT "QIFMeasurementResult_planId_fkey";

-- DropForeignKey
ALTER TABLE "QIFMeasurementResult" DROP CONSTRAINT "QIFMeasurementResult_inspectionId_fkey";

-- DropForeignKey
ALTER TABLE "QIFMeasurement" DROP CONSTRAINT "QIFMeasurement_resultId_fkey";

-- DropForeignKey
ALTER TABLE "QIFMeasurement" DROP CONSTRAINT "QIFMeasurement_characteristicId_fkey";

-- DropTable
DROP TABLE "QualityPlan";

-- DropTable
DROP TABLE "QualityCharacteristic";

-- DropTable
DROP TABLE "QualityInspection";

-- DropTable
DROP TABLE "QualityMeasurement";

-- DropTable
DROP TABLE "NCR";

-- DropTable
DROP TABLE "FAIReport";

-- DropTable
DROP TABLE "FAICharacteristic";

-- DropTable
DROP TABLE "ElectronicSignature";

-- DropTable
DROP TABLE "QIFMeasurementPlan";

-- DropTable
DROP TABLE "QIFCharacteristic";

-- DropTable
DROP TABLE "QIFMeasurementResult";

-- DropTable
DROP TABLE "QIFMeasurement";

-- DropEnum
DROP TYPE "QualityPlanStatus";

-- DropEnum
DROP TYPE "CharacteristicType";

-- DropEnum
DROP TYPE "CharacteristicClass";

-- DropEnum
DROP TYPE "InspectionType";

-- DropEnum
DROP TYPE "InspectionStatus";

-- DropEnum
DROP TYPE "Verdict";

-- DropEnum
DROP TYPE "NCRStatus";

-- DropEnum
DROP TYPE "NCRSeverity";

-- DropEnum
DROP TYPE "Disposition";

-- DropEnum
DROP TYPE "FAIStatus";

-- DropEnum
DROP TYPE "FAIReason";

-- DropEnum
DROP TYPE "SignatureMeaning";

-- DropEnum
DROP TYPE "SignedRecordType";

-- DropEnum
DROP TYPE "SignatureAuthMethod";
