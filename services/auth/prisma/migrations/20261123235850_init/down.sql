-- DropForeignKey
ALTER TABLE "RefreshToken" DROP CONSTRAINT "RefreshToken_userId_fkey";

-- DropForeignKey
ALTER TABLE "RefreshToken" DROP CONSTRAINT "RefreshToken_sessionId_fkey";

-- DropForeignKey
ALTER TABLE "APIToken" DROP CONSTRAINT "APIToken_userId_fkey";

-- DropForeignKey
ALTER TABLE "UserSession" DROP CONSTRAINT "UserSession_userId_fkey";

-- DropForeignKey
ALTER TABLE "MFASettings" DROP CONSTRAINT "MFASettings_userId_fkey";

-- DropForeignKey
ALTER TABLE "PasswordHistory" DROP CONSTRAINT "PasswordHistory_userId_fkey";

-- DropForeignKey
ALTER TABLE "AuthAuditLog" DROP CONSTRAINT "AuthAuditLog_userId_fkey";

-- DropTable
DROP TABLE "User";

-- DropTable
DROP TABLE "RefreshToken";

-- DropTable
DROP TABLE "APIToken";

-- DropTable
DROP TABLE "UserSession";

-- DropTable
DROP TABLE "MFASettings";

-- DropTable
DROP TABLE "PasswordHistory";

-- DropTable
DROP TABLE "AuthAuditLog";

-- DropEnum
DROP TYPE "UserRole";

-- DropEnum
DROP TYPE "UserStatus";

-- DropEnum
DROP TYPE "SessionStatus";

-- DropEnum
DROP TYPE "MFAMethod";

-- DropEnum
DROP TYPE "TokenRevocationReason";

-- DropEnum
DROP TYPE "AuthEventType";
