-- Append-only, hash-chained record of every read and write of personal data.
create table audit_entry (
  seq bigint primary key,
  occurred_at timestamp with time zone not null,
  actor_account_id bigint,
  actor_email varchar(254),
  actor_role varchar(30),
  school_id bigint,
  action varchar(40) not null,
  record_type varchar(60) not null,
  record_id varchar(60),
  detail varchar(1000),
  ip_address varchar(45),
  prev_hash varchar(64) not null,
  hash varchar(64) not null
);
create index audit_entry_occurred_idx on audit_entry(occurred_at);
create index audit_entry_school_idx on audit_entry(school_id, occurred_at);
create index audit_entry_record_idx on audit_entry(record_type, record_id);
create index audit_entry_actor_idx on audit_entry(actor_email);

-- One row: the head of the chain. Writers lock it so that entries are chained in one order on any number of nodes.
create table audit_chain_head (
  id integer primary key,
  last_seq bigint not null,
  last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
