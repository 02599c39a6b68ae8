-- The role the app connects as: read and write its tables, append to the audit log, no DDL.
-- Roles are cluster-wide, so another database on the same server (a second environment, a test
-- run) may have made it already, possibly at this very moment: both cases are fine.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relief_app') THEN
    CREATE ROLE relief_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
-- PostgreSQL 15 already denies PUBLIC this; older servers (and upgraded clusters) still allow it.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO relief_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO relief_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO relief_app;
--> statement-breakpoint
-- Tables a later migration creates are granted the same way without anyone remembering to: the
-- defaults belong to the role that migrates, which is the one creating them. An append-only table
-- still needs its own REVOKE, as audit_events has here.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO relief_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO relief_app;
--> statement-breakpoint
-- The audit log is append-only for the app (the trigger of 0003 also stops its owner).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM relief_app;
--> statement-breakpoint
-- A server refuses to serve while migrations are pending; the app reads the record to know.
GRANT USAGE ON SCHEMA drizzle TO relief_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO relief_app;
