-- auth seed: development data for mes_auth_db.
-- Deterministic and idempotent: fixed ids and timestamps, no random(); every INSERT is
-- ON CONFLICT DO NOTHING, so a second run adds nothing. Runs inside one transaction.
--
-- Ids shared with other services:
--   usr_0001 .. usr_0240  people (User.personnelId = resource per_0001 .. per_0240)
--   usr_0241 .. usr_0250  integration service accounts
-- Every human dev account signs in with the password  MesDev#2024  (sha512-crypt hash).

-- Timestamps are UTC; keep interval arithmetic independent of the session time zone.
-- (The seed runs in one transaction: mesdb db seed, or psql -1.)
SET LOCAL TimeZone = 'UTC';

-- Users ------------------------------------------------------------------------------
INSERT INTO "User" (
  "id", "username", "email", "passwordHash", "firstName", "lastName", "employeeNumber",
  "personnelId", "roles", "permissions", "status", "siteCode", "department", "locale", "timezone",
  "failedLoginAttempts", "lockedUntil", "lastLoginAt", "passwordChangedAt", "mustChangePassword",
  "preferences", "createdAt", "updatedAt", "createdBy", "updatedBy")
SELECT
  'usr_' || lpad(u.i::text, 4, '0'),
  u.username,
  u.username || '@acme-mfg.example',
  CASE WHEN u.role = 'INTEGRATION_SERVICE'
       THEN '!service-account-no-password'
       ELSE '$6$mesdevseed2024$nTU/HZPuhRfL1WRE1Hf1AxLwjQPsD.NaVvGGHbgy/g8FAtasyO0vK6ZNRK./hlQ224CiwGTl3TjhI3IlGyuc71' END,
  u.first_name, u.last_name,
  CASE WHEN u.i <= 240 THEN 'E' || lpad((10000 + u.i)::text, 6, '0') END,
  CASE WHEN u.i <= 240 THEN 'per_' || lpad(u.i::text, 4, '0') END,
  CASE u.role
    WHEN 'ADMIN' THEN ARRAY['ADMIN', 'AUDITOR']::"UserRole"[]
    WHEN 'PRODUCTION_SUPERVISOR' THEN ARRAY['PRODUCTION_SUPERVISOR', 'OPERATOR']::"UserRole"[]
    WHEN 'QUALITY_ENGINEER' THEN ARRAY['QUALITY_ENGINEER', 'QUALITY_INSPECTOR']::"UserRole"[]
    ELSE ARRAY[u.role]::"UserRole"[] END,
  CASE u.role
    WHEN 'ADMIN' THEN ARRAY['*']
    WHEN 'PLANT_MANAGER' THEN ARRAY['workorder:read', 'workorder:approve', 'quality:read', 'reporting:read', 'reporting:write']
    WHEN 'PRODUCTION_SUPERVISOR' THEN ARRAY['workorder:read', 'workorder:write', 'workorder:release', 'resource:read', 'material:read']
    WHEN 'PROCESS_ENGINEER' THEN ARRAY['resource:read', 'resource:write', 'workorder:read', 'instruction:write']
    WHEN 'PLANNER' THEN ARRAY['workorder:read', 'workorder:write', 'material:read', 'resource:read']
    WHEN 'QUALITY_ENGINEER' THEN ARRAY['quality:read', 'quality:write', 'quality:sign', 'ncr:disposition', 'fai:approve']
    WHEN 'QUALITY_INSPECTOR' THEN ARRAY['quality:read', 'quality:write', 'quality:sign']
    WHEN 'MATERIALS_HANDLER' THEN ARRAY['material:read', 'material:write', 'traceability:read']
    WHEN 'MAINTENANCE_TECHNICIAN' THEN ARRAY['resource:read', 'maintenance:write']
    WHEN 'OPERATOR' THEN ARRAY['workorder:read', 'operation:report', 'material:read']
    WHEN 'AUDITOR' THEN ARRAY['audit:read', 'quality:read', 'traceability:read']
    ELSE ARRAY['integration:exchange'] END,
  (CASE
    WHEN u.i BETWEEN 231 AND 235 THEN 'PENDING_ACTIVATION'
    WHEN u.i % 61 = 0 THEN 'DEACTIVATED'
    WHEN u.i % 47 = 0 THEN 'LOCKED'
    ELSE 'ACTIVE' END)::"UserStatus",
  CASE WHEN u.i % 10 = 9 THEN 'PLANT-02' ELSE 'PLANT-01' END,
  CASE u.role
    WHEN 'ADMIN' THEN 'IT'
    WHEN 'PLANT_MANAGER' THEN 'Operations'
    WHEN 'PRODUCTION_SUPERVISOR' THEN 'Production'
    WHEN 'OPERATOR' THEN 'Production'
    WHEN 'PROCESS_ENGINEER' THEN 'Manufacturing Engineering'
    WHEN 'PLANNER' THEN 'Planning'
    WHEN 'QUALITY_ENGINEER' THEN 'Quality'
    WHEN 'QUALITY_INSPECTOR' THEN 'Quality'
    WHEN 'MATERIALS_HANDLER' THEN 'Logistics'
    WHEN 'MAINTENANCE_TECHNICIAN' THEN 'Maintenance'
    WHEN 'AUDITOR' THEN 'Compliance'
    ELSE NULL END,
  CASE WHEN u.i % 10 = 9 THEN 'de-DE' ELSE 'en-US' END,
  CASE WHEN u.i % 10 = 9 THEN 'Europe/Berlin' ELSE 'America/Chicago' END,
  CASE WHEN u.i % 47 = 0 THEN 5 ELSE 0 END,
  CASE WHEN u.i % 47 = 0 AND u.i % 61 <> 0 THEN timestamptz '2025-02-01 00:00:00+00' END,
  CASE WHEN u.i <= 230 THEN timestamptz '2025-01-31 06:00:00+00' - (u.i % 30) * interval '1 day' - (u.i % 9) * interval '1 hour' END,
  timestamptz '2024-11-01 08:00:00+00' - (u.i % 90) * interval '1 day',
  u.i BETWEEN 231 AND 235,
  jsonb_build_object('theme', CASE WHEN u.i % 3 = 0 THEN 'dark' ELSE 'light' END,
                     'defaultWorkCenter', 'WC-' || lpad((1 + u.i % 12)::text, 2, '0'),
                     'pageSize', 50),
  timestamptz '2023-06-01 08:00:00+00' + u.i * interval '6 hours',
  timestamptz '2025-01-15 12:00:00+00',
  CASE WHEN u.i = 1 THEN NULL ELSE 'usr_0001' END,
  CASE WHEN u.i = 1 THEN NULL ELSE 'usr_0001' END
FROM (
  SELECT i,
    CASE
      WHEN i = 1 THEN 'ADMIN'
      WHEN i <= 3 THEN 'PLANT_MANAGER'
      WHEN i <= 15 THEN 'PRODUCTION_SUPERVISOR'
      WHEN i <= 25 THEN 'PROCESS_ENGINEER'
      WHEN i <= 35 THEN 'PLANNER'
      WHEN i <= 50 THEN 'QUALITY_ENGINEER'
      WHEN i <= 70 THEN 'QUALITY_INSPECTOR'
      WHEN i <= 90 THEN 'MATERIALS_HANDLER'
      WHEN i <= 105 THEN 'MAINTENANCE_TECHNICIAN'
      WHEN i <= 235 THEN 'OPERATOR'
      WHEN i <= 240 THEN 'AUDITOR'
      ELSE 'INTEGRATION_SERVICE' END AS role,
    CASE WHEN i > 240 THEN 'Service'
         ELSE (ARRAY['James','Maria','Robert','Linda','Michael','Patricia','David','Jennifer','Carlos','Elizabeth',
                     'Daniel','Susan','Thomas','Jessica','Wei','Sarah','Ahmed','Karen','Luis','Nancy',
                     'Kevin','Lisa','Jose','Betty','Brian','Sandra','Anh','Ashley','Raj','Emily'])[1 + (i * 7) % 30] END AS first_name,
    CASE WHEN i > 240 THEN (ARRAY['ERP','PLM','Historian','SCADA','WMS','CMMS','LIMS','QMS','Reporting','Kiosk'])[i - 240]
         ELSE (ARRAY['Smith','Johnson','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez','Lopez','Gonzalez',
                     'Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson',
                     'White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen',
                     'Nguyen','Patel','Kim','Chen','Schmidt','Weber','Novak','Kowalski','Silva','Okafor'])[1 + (i * 11) % 40] END AS last_name,
    CASE WHEN i = 1 THEN 'admin'
         WHEN i > 240 THEN 'svc-' || (ARRAY['erp','plm','historian','scada','wms','cmms','lims','qms','reporting','kiosk'])[i - 240]
         ELSE lower(left((ARRAY['James','Maria','Robert','Linda','Michael','Patricia','David','Jennifer','Carlos','Elizabeth',
                     'Daniel','Susan','Thomas','Jessica','Wei','Sarah','Ahmed','Karen','Luis','Nancy',
                     'Kevin','Lisa','Jose','Betty','Brian','Sandra','Anh','Ashley','Raj','Emily'])[1 + (i * 7) % 30], 1)
                    || (ARRAY['Smith','Johnson','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez','Lopez','Gonzalez',
                     'Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson',
                     'White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen',
                     'Nguyen','Patel','Kim','Chen','Schmidt','Weber','Novak','Kowalski','Silva','Okafor'])[1 + (i * 11) % 40])
              || lpad(i::text, 3, '0') END AS username
  FROM generate_series(1, 250) AS i
) AS u
ON CONFLICT DO NOTHING;

-- MFA: required for everyone who signs quality records or runs the plant --------------
INSERT INTO "MFASettings" (
  "id", "userId", "method", "enabled", "totpSecretEncrypted", "phoneNumber", "backupCodeHashes",
  "verifiedAt", "lastUsedAt", "createdAt", "updatedAt")
SELECT
  'mfa_' || lpad(i::text, 4, '0'),
  'usr_' || lpad(i::text, 4, '0'),
  (CASE WHEN i % 9 = 0 THEN 'HARDWARE_KEY' WHEN i % 7 = 0 THEN 'SMS' ELSE 'TOTP' END)::"MFAMethod",
  i % 13 <> 0,
  CASE WHEN i % 9 <> 0 AND i % 7 <> 0 THEN decode(md5('totp-secret-' || i) || md5('totp-key-' || i), 'hex') END,
  CASE WHEN i % 7 = 0 THEN '+1-555-01' || lpad(i::text, 2, '0') END,
  ARRAY[encode(sha256(convert_to('backup-1-' || i, 'UTF8')), 'hex'),
        encode(sha256(convert_to('backup-2-' || i, 'UTF8')), 'hex'),
        encode(sha256(convert_to('backup-3-' || i, 'UTF8')), 'hex')],
  CASE WHEN i % 13 <> 0 THEN timestamptz '2024-01-10 09:00:00+00' + i * interval '1 day' END,
  CASE WHEN i % 13 <> 0 THEN timestamptz '2025-01-30 07:00:00+00' - (i % 20) * interval '1 day' END,
  timestamptz '2024-01-10 09:00:00+00' + i * interval '1 day',
  timestamptz '2025-01-15 12:00:00+00'
FROM generate_series(1, 70) AS i
WHERE i <= 15 OR i > 35
ON CONFLICT DO NOTHING;

-- Password history: the last three passwords of each person ---------------------------
INSERT INTO "PasswordHistory" ("id", "userId", "passwordHash", "changedAt", "changedBy")
SELECT
  (u - 1) * 3 + k,
  'usr_' || lpad(u::text, 4, '0'),
  CASE k WHEN 3 THEN '$6$mesdevseed2024$nTU/HZPuhRfL1WRE1Hf1AxLwjQPsD.NaVvGGHbgy/g8FAtasyO0vK6ZNRK./hlQ224CiwGTl3TjhI3IlGyuc71'
         WHEN 2 THEN '$6$mesdevseed2023$arw51eGFzT5EgJ6zG1crc76J/PVVOuYTitvdegwx4DA2d0udRiptAbLM8bwGXCAK5Ss.l.ZBcx3IzNfxA48OY1'
         ELSE '$6$legacy$' || md5('old-password-' || u) END,
  timestamptz '2024-11-01 08:00:00+00' - (u % 90) * interval '1 day' - (3 - k) * interval '90 days',
  CASE WHEN k = 1 THEN 'usr_0001' ELSE 'usr_' || lpad(u::text, 4, '0') END
FROM generate_series(1, 240) AS u, generate_series(1, 3) AS k
ON CONFLICT DO NOTHING;
-- explicit ids: move the sequence past them (a temporary table keeps psql quiet)
CREATE TEMPORARY TABLE seed_password_history_seq ON COMMIT DROP AS
SELECT setval(pg_get_serial_sequence('"PasswordHistory"', 'id'), (SELECT max("id") FROM "PasswordHistory"));

-- Sessions: 6,000 over the year from terminals, browsers and handhelds ------------------
INSERT INTO "UserSession" (
  "id", "userId", "sessionTokenHash", "status", "ipAddress", "userAgent", "workstationId",
  "mfaVerified", "startedAt", "lastActivityAt", "expiresAt", "endedAt", "createdAt", "updatedAt")
SELECT
  'ses_' || lpad(s.n::text, 6, '0'),
  'usr_' || lpad(s.u::text, 4, '0'),
  encode(sha256(convert_to('session-' || s.n, 'UTF8')), 'hex'),
  s.status::"SessionStatus",
  '10.20.' || (s.n % 16) || '.' || (10 + s.n % 200),
  CASE s.n % 3 WHEN 0 THEN 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0'
               WHEN 1 THEN 'MES-ShopFloor-Terminal/3.4 (Linux; kiosk)'
               ELSE 'MES-Handheld/2.1 (Android 13; Zebra TC52)' END,
  CASE WHEN s.n % 3 = 1 THEN 'HMI-WC' || lpad((1 + s.n % 12)::text, 2, '0') || '-' || (1 + s.n % 4) END,
  s.u <= 70,
  s.started,
  s.started + (20 + s.n % 400) * interval '1 minute',
  s.started + interval '12 hours',
  CASE WHEN s.status <> 'ACTIVE' THEN s.started + (25 + s.n % 420) * interval '1 minute' END,
  s.started,
  s.started + (25 + s.n % 420) * interval '1 minute'
FROM (
  SELECT n,
    1 + (n * 7) % 240 AS u,
    timestamptz '2024-01-02 05:45:00+00' + (n - 1) * interval '87 minutes' AS started,
    CASE WHEN n > 5980 THEN 'ACTIVE' WHEN n % 97 = 0 THEN 'REVOKED' WHEN n % 5 = 0 THEN 'EXPIRED' ELSE 'LOGGED_OUT' END AS status
  FROM generate_series(1, 6000) AS n
) AS s
ON CONFLICT DO NOTHING;

-- Refresh tokens: two per session (the first one rotated into the second) -----------------
INSERT INTO "RefreshToken" (
  "id", "userId", "sessionId", "tokenHash", "familyId", "issuedAt", "expiresAt", "usedAt",
  "revokedAt", "revocationReason", "replacedByHash", "createdByIp")
SELECT
  'rtk_' || lpad(n::text, 6, '0') || '_' || k,
  'usr_' || lpad((1 + (n * 7) % 240)::text, 4, '0'),
  'ses_' || lpad(n::text, 6, '0'),
  encode(sha256(convert_to('refresh-' || n || '-' || k, 'UTF8')), 'hex'),
  'fam_' || lpad(n::text, 6, '0'),
  t0 + (k - 1) * interval '15 minutes',
  t0 + (k - 1) * interval '15 minutes' + interval '7 days',
  CASE WHEN k = 1 THEN t0 + interval '15 minutes' END,
  CASE WHEN k = 1 THEN t0 + interval '15 minutes'
       WHEN n <= 5980 THEN t0 + (25 + n % 420) * interval '1 minute' END,
  (CASE WHEN k = 1 THEN 'ROTATED'
        WHEN n > 5980 THEN NULL
        WHEN n % 97 = 0 THEN 'ADMIN_REVOKED'
        WHEN n % 5 = 0 THEN 'EXPIRED'
        ELSE 'LOGOUT' END)::"TokenRevocationReason",
  CASE WHEN k = 1 THEN encode(sha256(convert_to('refresh-' || n || '-2', 'UTF8')), 'hex') END,
  '10.20.' || (n % 16) || '.' || (10 + n % 200)
FROM generate_series(1, 6000) AS n,
     generate_series(1, 2) AS k,
     LATERAL (SELECT timestamptz '2024-01-02 05:45:00+00' + (n - 1) * interval '87 minutes' AS t0) AS t
ON CONFLICT DO NOTHING;

-- API tokens: integration service accounts (current + rotated) and line kiosks ---------
INSERT INTO "APIToken" (
  "id", "userId", "name", "tokenPrefix", "tokenHash", "scopes", "allowedIps", "expiresAt",
  "lastUsedAt", "lastUsedIp", "usageCount", "revokedAt", "revokedBy", "createdAt", "updatedAt",
  "createdBy", "updatedBy")
SELECT
  'atk_' || lpad(n::text, 4, '0'),
  'usr_' || lpad(u::text, 4, '0'),
  CASE WHEN u > 240 THEN (CASE WHEN k = 1 THEN 'primary-2025' ELSE 'primary-2024' END)
       ELSE 'line-kiosk-' || lpad(k::text, 2, '0') END,
  'mes_' || substr(md5('api-prefix-' || n), 1, 8),
  encode(sha256(convert_to('api-token-' || n, 'UTF8')), 'hex'),
  CASE WHEN u > 240 THEN ARRAY['integration:exchange', 'workorder:read', 'material:read', 'quality:read']
       ELSE ARRAY['workorder:read', 'operation:report'] END,
  CASE WHEN u > 240 THEN ARRAY['10.30.0.0/16'] ELSE ARRAY['10.20.' || (u % 16) || '.0/24'] END,
  timestamptz '2025-12-31 23:59:59+00' - (k - 1) * interval '1 year',
  CASE WHEN k = 1 THEN timestamptz '2025-01-31 23:00:00+00' - (n % 12) * interval '1 hour'
       ELSE timestamptz '2024-12-31 23:00:00+00' END,
  '10.30.' || (n % 8) || '.' || (20 + n),
  (n * 7919) % 250000,
  CASE WHEN u > 240 AND k = 2 THEN timestamptz '2025-01-02 09:00:00+00' END,
  CASE WHEN u > 240 AND k = 2 THEN 'usr_0001' END,
  timestamptz '2024-01-02 09:00:00+00' + (2 - k) * interval '1 year',
  timestamptz '2025-01-02 09:00:00+00',
  'usr_0001', 'usr_0001'
FROM (
  SELECT row_number() OVER (ORDER BY u, k) AS n, u, k
  FROM (SELECT u, k FROM generate_series(241, 250) AS u, generate_series(1, 2) AS k
        UNION ALL
        SELECT u, 1 FROM generate_series(4, 8) AS u) AS x
) AS t
ON CONFLICT DO NOTHING;

-- Authentication audit trail -----------------------------------------------------------
-- ids 1..18000: login / refresh / logout of each session
INSERT INTO "AuthAuditLog" ("id", "userId", "username", "eventType", "success", "ipAddress", "userAgent", "sessionId", "details", "occurredAt")
SELECT
  (n - 1) * 3 + k,
  'usr_' || lpad(u::text, 4, '0'),
  NULL,
  (CASE k WHEN 1 THEN 'LOGIN_SUCCESS' WHEN 2 THEN 'TOKEN_REFRESH'
          ELSE CASE WHEN n % 97 = 0 THEN 'TOKEN_REVOKED' ELSE 'LOGOUT' END END)::"AuthEventType",
  true,
  '10.20.' || (n % 16) || '.' || (10 + n % 200),
  CASE WHEN n % 3 = 1 THEN 'MES-ShopFloor-Terminal/3.4 (Linux; kiosk)' ELSE 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0' END,
  'ses_' || lpad(n::text, 6, '0'),
  CASE k WHEN 1 THEN jsonb_build_object('mfa', u <= 70, 'method', 'password') ELSE NULL END,
  t0 + CASE k WHEN 1 THEN interval '0' WHEN 2 THEN interval '15 minutes' ELSE (25 + n % 420) * interval '1 minute' END
FROM generate_series(1, 6000) AS n,
     generate_series(1, 3) AS k,
     LATERAL (SELECT 1 + (n * 7) % 240 AS u,
                     timestamptz '2024-01-02 05:45:00+00' + (n - 1) * interval '87 minutes' AS t0) AS t
WHERE NOT (k = 3 AND n > 5980)
ON CONFLICT DO NOTHING;

-- ids 20001..23000: failed logins (mistyped passwords, unknown user names)
INSERT INTO "AuthAuditLog" ("id", "userId", "username", "eventType", "success", "ipAddress", "userAgent", "sessionId", "details", "occurredAt")
SELECT
  20000 + n,
  CASE WHEN n % 10 = 0 THEN NULL ELSE 'usr_' || lpad((1 + (n * 13) % 240)::text, 4, '0') END,
  CASE WHEN n % 10 = 0 THEN 'unknown' || (n % 37) ELSE NULL END,
  (CASE WHEN n % 150 = 0 THEN 'ACCOUNT_LOCKED' WHEN n % 41 = 0 THEN 'MFA_CHALLENGE_FAILED' ELSE 'LOGIN_FAILURE' END)::"AuthEventType",
  false,
  '10.20.' || (n % 16) || '.' || (10 + n % 200),
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0',
  NULL,
  jsonb_build_object('reason', CASE WHEN n % 10 = 0 THEN 'USER_NOT_FOUND' WHEN n % 41 = 0 THEN 'MFA_CODE_INVALID' ELSE 'BAD_PASSWORD' END,
                     'attempt', 1 + n % 5),
  timestamptz '2024-01-02 07:13:00+00' + (n - 1) * interval '173 minutes'
FROM generate_series(1, 3000) AS n
ON CONFLICT DO NOTHING;

-- ids 24001..: password changes, MFA enrolment, API token creation, role changes
INSERT INTO "AuthAuditLog" ("id", "userId", "username", "eventType", "success", "ipAddress", "userAgent", "sessionId", "details", "occurredAt")
SELECT 24000 + h."id", h."userId", NULL, 'PASSWORD_CHANGED'::"AuthEventType", true, '10.20.0.5', NULL, NULL,
       jsonb_build_object('changedBy', h."changedBy", 'policy', 'min-length-12'), h."changedAt"
FROM "PasswordHistory" AS h
ON CONFLICT DO NOTHING;

INSERT INTO "AuthAuditLog" ("id", "userId", "username", "eventType", "success", "ipAddress", "userAgent", "sessionId", "details", "occurredAt")
SELECT 25000 + i, 'usr_' || lpad(i::text, 4, '0'), NULL, 'MFA_ENROLLED'::"AuthEventType", true, '10.20.0.5', NULL, NULL,
       jsonb_build_object('method', CASE WHEN i % 9 = 0 THEN 'HARDWARE_KEY' WHEN i % 7 = 0 THEN 'SMS' ELSE 'TOTP' END),
       timestamptz '2024-01-10 09:00:00+00' + i * interval '1 day'
FROM generate_series(1, 70) AS i
WHERE (i <= 15 OR i > 35) AND i % 13 <> 0
ON CONFLICT DO NOTHING;

INSERT INTO "AuthAuditLog" ("id", "userId", "username", "eventType", "success", "ipAddress", "userAgent", "sessionId", "details", "occurredAt")
SELECT 25100 + row_number() OVER (ORDER BY a."id"), 'usr_0001', NULL,
       'API_TOKEN_CREATED'::"AuthEventType", true, '10.20.0.5', NULL, NULL,
       jsonb_build_object('tokenId', a."id", 'owner', a."userId", 'prefix', a."tokenPrefix"), a."createdAt"
FROM "APIToken" AS a
ON CONFLICT DO NOTHING;

INSERT INTO "AuthAuditLog" ("id", "userId", "username", "eventType", "success", "ipAddress", "userAgent", "sessionId", "details", "occurredAt")
SELECT 25200 + i, 'usr_' || lpad(i::text, 4, '0'), NULL, 'ROLE_CHANGED'::"AuthEventType", true, '10.20.0.5', NULL, NULL,
       jsonb_build_object('changedBy', 'usr_0001', 'added', 'QUALITY_INSPECTOR'),
       timestamptz '2024-03-04 10:00:00+00' + i * interval '2 days'
FROM generate_series(36, 50) AS i
ON CONFLICT DO NOTHING;

-- explicit ids: move the sequence past them (a temporary table keeps psql quiet)
CREATE TEMPORARY TABLE seed_auth_audit_log_seq ON COMMIT DROP AS
SELECT setval(pg_get_serial_sequence('"AuthAuditLog"', 'id'), (SELECT max("id") FROM "AuthAuditLog"));
