-- A parent's or carer's postal address, for the letters the school posts to parents without an email address.
alter table pupil_contact add column address_line_1 varchar(100);
alter table pupil_contact add column address_line_2 varchar(100);
alter table pupil_contact add column town varchar(60);
alter table pupil_contact add column postcode varchar(8);
