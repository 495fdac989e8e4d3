package org.backcare.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where each role lands after signing in, unless they were on their way to a page: a
 * therapist on their day, a client on their appointments, the front desk on the clinic
 * calendar.
 */
class RoleLanding extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
		return CurrentUser.signedIn()
			.map(user -> user.is(Role.THERAPIST) ? "/day"
					: user.is(Role.CLIENT) ? "/me/appointments" : user.is(Role.ADMIN) ? "/calendar" : "/")
			.orElse("/");
	}

}
