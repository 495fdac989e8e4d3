package org.backcare.account;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password for the token endpoint. An unknown address costs the same hash
 * comparison as a known one, so response times do not reveal which addresses have accounts.
 */
@Component
class SignIn {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final String decoyHash;

	SignIn(Accounts accounts, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.decoyHash = passwords.encode("decoy password that matches nothing");
	}

	CurrentUser check(String email, String password) {
		Optional<AccountDetails> account = this.accounts.findByEmail(email);
		String hash = account.map(AccountDetails::getPassword).orElse(this.decoyHash);
		boolean matches = this.passwords.matches(password, hash);
		return account.filter(found -> matches && found.isEnabled())
			.map(AccountDetails::user)
			.orElseThrow(InvalidCredentials::new);
	}

}
