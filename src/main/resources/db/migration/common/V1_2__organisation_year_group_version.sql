-- Year groups are edited on the school's admin pages: optimistic locking like every other editable record.
alter table year_group add column version integer not null default 0;
