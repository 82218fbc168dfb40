-- Billing and settlement compare a community's (or a provider's) service credits of every earlier month with what
-- its invoices credited (settlements deducted) for them, once per community (provider) and run.
create index service_credit_entry_community_idx on service_credit_entry (community_id, credit_month);
create index service_credit_entry_provider_idx on service_credit_entry (provider_id, credit_month);
-- ... and read the credit and adjustment lines of the community's issued invoices (their service-credit references).
create index invoice_line_credit_idx on invoice_line (invoice_id) where kind in ('CREDIT', 'ADJUSTMENT');
