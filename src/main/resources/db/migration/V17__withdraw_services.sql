-- A clinic stops offering a service without deleting it: sessions booked with it keep their
-- service (and its name and times); a withdrawn service is not offered for new bookings until the
-- clinic offers it again.
ALTER TABLE service_type ADD COLUMN withdrawn_at timestamptz;
