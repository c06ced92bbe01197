CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'SUPER ADMIN');
CREATE TYPE status AS ENUM ('active', 'in-active', '1st');
CREATE TYPE "my-enum" AS ENUM ('a', 'b');
CREATE TABLE "Account" (id INTEGER PRIMARY KEY, role "Role" NOT NULL DEFAULT 'USER', roles "Role"[], st status DEFAULT 'in-active', m "my-enum");
CREATE TYPE unused AS ENUM ('x');
