package org.backcare.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be, following NIST SP 800-63B §5.1.1.2: long enough (here at least
 * 12 characters), not known from breaches (a bundled list of 44,000 common passwords of
 * that length, see NOTICE), and not the e-mail address; no composition rules. At most 64
 * characters, because bcrypt reads only the first 72 bytes.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 64;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("account/common-passwords.txt");
	}

	void check(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new WeakPassword(
					"Use at least " + MIN_LENGTH + " characters; a few unrelated words make a good one.");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw new WeakPassword("Use at most " + MAX_LENGTH + " characters.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower)) {
			throw new WeakPassword("This password is on a list of commonly used passwords; choose another.");
		}
		if (email != null && lower.contains(email.toLowerCase(Locale.ROOT))) {
			throw new WeakPassword("The password must not contain your e-mail address.");
		}
	}

	private static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>(64_000);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				passwords.add(line.strip().toLowerCase(Locale.ROOT));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The bundled list of common passwords is missing: " + resource, ex);
		}
		return passwords;
	}

}
