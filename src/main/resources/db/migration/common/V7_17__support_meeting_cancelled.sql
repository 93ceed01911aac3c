-- A scheduled meeting with parents can be cancelled (the parents cannot come, the pupil is ill). A cancelled meeting
-- stays in the pupil's record with when, why and by whom; it is no longer waiting to be held, so it is neither the
-- next meeting nor overdue. The school reschedules by scheduling a new meeting.
alter table support_meeting add column cancelled_on date;
alter table support_meeting add column cancel_reason varchar(1000);
alter table support_meeting add column cancelled_by varchar(254);
