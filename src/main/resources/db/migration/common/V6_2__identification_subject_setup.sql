-- A subject the school no longer assesses is kept with its scores but left out of score entry, imports and flags.
alter table assessment_subject add column active boolean default true not null;
-- Assessment points are edited by the SENCO (label and date), with optimistic locking.
alter table assessment_point add column version integer default 0 not null;
