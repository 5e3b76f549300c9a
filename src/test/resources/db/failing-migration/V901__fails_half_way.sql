-- Test only (UpgradeTest): changes the schema (H2 commits DDL at once), then fails.
ALTER TABLE setting ADD COLUMN upgrade_half_done INT;
INSERT INTO no_such_table VALUES (1);
