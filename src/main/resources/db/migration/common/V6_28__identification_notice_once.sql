-- The notice that SEN support has started is kept once for each cause for concern. Before emails were kept one by
-- one (V6_27), a decision handed on again after a failed email kept a second notice. The latest of each concern's
-- notices is kept, as the letters to post were given to it (V6_26); any letter of an earlier one moves to it.
update parent_notice_letter set notice_id = (
    select max(n.id) from parent_notice n where n.concern_id = parent_notice_letter.concern_id)
where notice_id <> (select max(n.id) from parent_notice n where n.concern_id = parent_notice_letter.concern_id);

delete from parent_notice
where concern_id is not null
  and id <> (select max(n.id) from parent_notice n where n.concern_id = parent_notice.concern_id);

alter table parent_notice add constraint parent_notice_once unique (concern_id);
