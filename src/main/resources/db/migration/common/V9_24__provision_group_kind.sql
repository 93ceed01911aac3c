-- How a provision group's support reaches its pupils: a group withdrawn from lessons (GROUP), one pupil with one
-- adult (ONE_TO_ONE), or a teaching assistant supporting named pupils inside their lessons (IN_CLASS), where the
-- lessons are named instead of a room. Groups recorded before had their kind read from their size: one pupil was
-- one-to-one, more a group.
alter table provision_group add column kind varchar(10) default 'GROUP' not null;
alter table provision_group add column lessons varchar(200);
alter table provision_group add constraint provision_group_kind_check
  check (kind in ('GROUP', 'ONE_TO_ONE', 'IN_CLASS'));

update provision_group set kind = 'ONE_TO_ONE'
 where (select count(*) from provision_group_pupil gp where gp.group_id = provision_group.id) = 1;
