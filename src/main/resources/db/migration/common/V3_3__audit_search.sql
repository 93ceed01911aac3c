-- A person with several roles in a school is recorded with all of them ("HEADTEACHER,SENCO,TEACHER").
alter table audit_entry alter column actor_role set data type varchar(200);
-- The search page lists a school's entries newest first, one page at a time.
create index audit_entry_school_seq_idx on audit_entry(school_id, seq);
