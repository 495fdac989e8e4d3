package org.backcare;

import java.net.http.HttpResponse;
import java.util.List;

import org.backcare.account.CurrentUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The pages as one signed-in person sees them: a session of theirs and the form's CSRF
 * token.
 */
public final class Pages {

	private final MockMvc mvc;

	private final CurrentUser user;

	public Pages(MockMvc mvc, CurrentUser user) {
		this.mvc = mvc;
		this.user = user;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(as(this.user)).with(csrf()));
	}

	public static RequestPostProcessor as(CurrentUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
	}

	/** The page session a real HTTP response set, as a {@code Cookie} header's value. */
	public static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

}
