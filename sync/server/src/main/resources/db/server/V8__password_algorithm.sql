-- The PBKDF2 variant of each password hash. Hashes from before this column are HMAC-SHA256;
-- new ones are HMAC-SHA512, and an older hash is replaced at its owner's next sign-in.
ALTER TABLE account ADD COLUMN algorithm VARCHAR(40) DEFAULT 'PBKDF2WithHmacSHA256' NOT NULL;
