-- One counter per school, raised in the same transaction as every change to an input of the progress tests
-- (scores, assessment points, subjects, thresholds, attendance, hearing and vision checks, pupils joining, leaving
-- or changing year group). A node keeps the flags it computed and reads these counters to know they still hold.
create table progress_inputs (
  school_id bigint primary key references school(id),
  version bigint not null
);

insert into progress_inputs (school_id, version) select id, 0 from school;
