package org.backcare.account;

import java.util.List;

/**
 * Accounts the login page may show, with their passwords. Only the demo module provides
 * one, and only in demo mode; a real installation shows none.
 */
public interface SignInHints {

	List<Hint> hints();

	record Hint(String role, String email, String password) {
	}

}
