-- The census enrolment status of the hosting school's registration of a dual-registered pupil: S (subsidiary,
-- the usual case: the pupil's main registration stays with the school whose roll they are on, as for the speech
-- and language unit) or M (main: the host school holds the main registration).
alter table dual_registration add column host_enrolment varchar(1) default 'S' not null;
alter table dual_registration add constraint dual_registration_host_enrolment check (host_enrolment in ('M', 'S'));
