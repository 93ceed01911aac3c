-- Sessions are filed under the id of the account signed in to them, which stays the same when the sign-in email
-- changes, instead of under the email address. Re-file the sessions open at the time of the upgrade.
update spring_session
set principal_name = (select cast(a.id as varchar(20)) from account a where a.email = spring_session.principal_name)
where principal_name in (select email from account);
