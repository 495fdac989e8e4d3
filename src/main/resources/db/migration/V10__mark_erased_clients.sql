-- Erasure is final: an erased client can no longer be booked, given an intake, matched or picked.
-- The moment of erasure is kept (it is not personal data), so every query can tell them apart
-- without comparing the placeholder name.
ALTER TABLE client ADD COLUMN erased_at timestamptz;
UPDATE client SET erased_at = now() WHERE email LIKE 'erased-%@erased.invalid';
