package org.backcare.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An account as Spring Security's form login sees it; the hash is erased after sign-in.
 */
final class AccountDetails implements UserDetails, CredentialsContainer {

	private final CurrentUser user;

	private final boolean enabled;

	private final boolean confirmed;

	private String passwordHash;

	AccountDetails(CurrentUser user, String passwordHash, boolean enabled, boolean confirmed) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.confirmed = confirmed;
	}

	/** Whether the address was confirmed; until it is, the account cannot sign in. */
	boolean confirmed() {
		return this.confirmed;
	}

	CurrentUser user() {
		return this.user;
	}

	static List<GrantedAuthority> authorities(Role role) {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(this.user.role());
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.email();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
