-- Attendance and hearing and vision checks can be changed on the pupil's page: a version column lets a save
-- that started from an older copy be refused instead of overwriting someone else's change.
alter table pupil_attendance add column version integer default 0 not null;
alter table sensory_check add column version integer default 0 not null;
