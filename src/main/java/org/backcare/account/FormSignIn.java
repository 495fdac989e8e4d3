package org.backcare.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The login form signs in through {@link SignIn}, with the same throttle and audit as the
 * token endpoint.
 */
@Component
class FormSignIn implements AuthenticationProvider {

	private final SignIn signIn;

	FormSignIn(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String ip = (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		String password = (attempt.getCredentials() != null) ? attempt.getCredentials().toString() : "";
		try {
			CurrentUser user = this.signIn.check(attempt.getName(), password, ip);
			return UsernamePasswordAuthenticationToken.authenticated(user, null,
					AccountDetails.authorities(user.role()));
		}
		catch (TooManyAttempts paused) {
			throw new LockedException(paused.getMessage());
		}
		catch (InvalidCredentials wrong) {
			throw new BadCredentialsException(wrong.getMessage());
		}
		catch (EmailNotConfirmed unconfirmed) {
			throw new DisabledException(unconfirmed.getMessage());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
