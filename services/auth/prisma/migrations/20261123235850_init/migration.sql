-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'PLANT_MANAGER', 'PRODUCTION_SUPERVISOR', 'OPERATOR', 'PROCESS_ENGINEER', 'PLANNER', 'QUALITY_ENGINEER', 'QUALITY_INSPECTOR', 'MATERIALS_HANDLER', 'MAINTENANCE_TECHNICIAN', 'AUDITOR', 'INTEGRATION_SERVICE');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED', 'SUSPENDED', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('ACTIVE', 'EXPIRED', 'LOGGED_OUT', 'REVOKED');

-- CreateEnum
CREATE TYPE "MFAMethod" AS ENUM ('TOTP', 'SMS', 'EMAIL', 'HARDWARE_KEY');

-- CreateEnum
CREATE TYPE "TokenRevocationReason" AS ENUM ('LOGOUT', 'ROTATED', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'ADMIN_REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "AuthEventType" AS ENUM ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'LOGOUT', 'TOKEN_REFRESH', 'TOKEN_REVOKED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'MFA_ENROLLED', 'MFA_DISABLED', 'MFA_CHALLENGE_FAILED', 'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED', 'ROLE_CHANGED', 'SIGNATURE_AUTHENTICATED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "email" VARCHAR(255) NOT NULL,
    "passwordHash" VARCHAR(255) NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "employeeNumber" VARCHAR(32),
    "personnelId" VARCHAR(64),
    "roles" "UserRole"[],
    "permissions" TEXT[],
    "status" "UserStatus" NOT NULL DEFAULT 'PENDING_ACTIVATION',
    "siteCode" VARCHAR(32) NOT NULL DEFAULT 'PLANT-01',
    "department" VARCHAR(100),
    "locale" VARCHAR(16) NOT NULL DEFAULT 'en-US',
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "failedLoginAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(6),
    "lastLoginAt" TIMESTAMPTZ(6),
    "passwordChangedAt" TIMESTAMPTZ(6),
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "preferences" JSONB,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefreshToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT,
    "tokenHash" VARCHAR(128) NOT NULL,
    "familyId" VARCHAR(64) NOT NULL,
    "issuedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "usedAt" TIMESTAMPTZ(6),
    "revokedAt" TIMESTAMPTZ(6),
    "revocationReason" "TokenRevocationReason",
    "replacedByHash" VARCHAR(128),
    "createdByIp" VARCHAR(45),

    CONSTRAINT "RefreshToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "APIToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "tokenPrefix" VARCHAR(16) NOT NULL,
    "tokenHash" VARCHAR(128) NOT NULL,
    "scopes" TEXT[],
    "allowedIps" TEXT[],
    "expiresAt" TIMESTAMPTZ(6),
    "lastUsedAt" TIMESTAMPTZ(6),
    "lastUsedIp" VARCHAR(45),
    "usageCount" BIGINT NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMPTZ(6),
    "revokedBy" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "APIToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionTokenHash" VARCHAR(128) NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'ACTIVE',
    "ipAddress" VARCHAR(45),
    "userAgent" TEXT,
    "workstationId" VARCHAR(64),
    "mfaVerified" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "endedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MFASettings" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" "MFAMethod" NOT NULL DEFAULT 'TOTP',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "totpSecretEncrypted" BYTEA,
    "phoneNumber" VARCHAR(32),
    "backupCodeHashes" TEXT[],
    "verifiedAt" TIMESTAMPTZ(6),
    "lastUsedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "MFASettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordHistory" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "passwordHash" VARCHAR(255) NOT NULL,
    "changedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedBy" VARCHAR(64),

    CONSTRAINT "PasswordHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthAuditLog" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT,
    "username" VARCHAR(64),
    "eventType" "AuthEventType" NOT NULL,
    "success" BOOLEAN NOT NULL,
    "ipAddress" VARCHAR(45),
    "userAgent" TEXT,
    "sessionId" VARCHAR(64),
    "details" JSONB,
    "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthAuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_employeeNumber_key" ON "User"("employeeNumber");

-- CreateIndex
CREATE INDEX "User_status_idx" ON "User"("status");

-- CreateIndex
CREATE INDEX "User_siteCode_department_idx" ON "User"("siteCode", "department");

-- CreateIndex
CREATE INDEX "User_lastLoginAt_idx" ON "User"("lastLoginAt");

-- CreateIndex
CREATE UNIQUE INDEX "RefreshToken_tokenHash_key" ON "RefreshToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RefreshToken_userId_idx" ON "RefreshToken"("userId");

-- CreateIndex
CREATE INDEX "RefreshToken_familyId_idx" ON "RefreshToken"("familyId");

-- CreateIndex
CREATE INDEX "RefreshToken_expiresAt_idx" ON "RefreshToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "APIToken_tokenPrefix_key" ON "APIToken"("tokenPrefix");

-- CreateIndex
CREATE UNIQUE INDEX "APIToken_tokenHash_key" ON "APIToken"("tokenHash");

-- CreateIndex
CREATE INDEX "APIToken_expiresAt_idx" ON "APIToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "APIToken_userId_name_key" ON "APIToken"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "UserSession_sessionTokenHash_key" ON "UserSession"("sessionTokenHash");

-- CreateIndex
CREATE INDEX "UserSession_userId_status_idx" ON "UserSession"("userId", "status");

-- CreateIndex
CREATE INDEX "UserSession_status_expiresAt_idx" ON "UserSession"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "MFASettings_userId_key" ON "MFASettings"("userId");

-- CreateIndex
CREATE INDEX "PasswordHistory_userId_changedAt_idx" ON "PasswordHistory"("userId", "changedAt");

-- CreateIndex
CREATE INDEX "AuthAuditLog_userId_occurredAt_idx" ON "AuthAuditLog"("userId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuthAuditLog_eventType_occurredAt_idx" ON "AuthAuditLog"("eventType", "occurredAt");

-- CreateIndex
CREATE INDEX "AuthAuditLog_occurredAt_idx" ON "AuthAuditLog"("occurredAt" DESC);

-- AddForeignKey
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefreshToken" ADD CONSTRAINT "RefreshToken_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "UserSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "APIToken" ADD CONSTRAINT "APIToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MFASettings" ADD CONSTRAINT "MFASettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordHistory" ADD CONSTRAINT "PasswordHistory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthAuditLog" ADD CONSTRAINT "AuthAuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
