-- Provision pages: when and where a group meets (for the staff deployment and its clashes), when its impact is
-- reviewed and what the review found, and each school's notional SEN budget threshold.
alter table provision_group add column day_of_week varchar(9);
alter table provision_group add column start_time varchar(5);
alter table provision_group add column review_after_weeks integer;
alter table provision_group add column impact_reviewed_on date;
alter table provision_group add column impact_summary varchar(2000);

-- The cost a school meets from its notional SEN budget before top-up funding (usually £6,000 a pupil), in pence.
create table provision_settings (
  school_id bigint primary key references school(id),
  notional_threshold_pence bigint not null,
  version integer not null default 0
);
