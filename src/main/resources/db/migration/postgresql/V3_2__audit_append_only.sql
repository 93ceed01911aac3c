-- The audit log is append-only: the database refuses updates and deletes (the hash chain also detects them).
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries cannot be changed or deleted';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
  for each row execute function audit_entry_append_only();
