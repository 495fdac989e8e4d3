package org.backcare.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every refusal of a signed-in caller on record. A refusal about one health record
 * is audited by the module that owns the record, through the audit module's
 * {@code RecordAccess}, which {@linkplain #markAudited() marks} the request; any other
 * 403 — a URL rule ("the admin API is for admins") or a controller's own role check — is
 * audited here as {@code ACCESS_DENIED}, with the method and path that were refused. So a
 * probe of what a role may not do leaves a trace whichever layer stopped it.
 */
public final class RefusalsAudited extends OncePerRequestFilter {

	private static final String AUDITED = RefusalsAudited.class.getName() + ".audited";

	private final ApplicationEventPublisher events;

	RefusalsAudited(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * The refusal of the current request has been audited already: do not write it twice.
	 */
	public static void markAudited() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(AUDITED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN && request.getAttribute(AUDITED) == null) {
			CurrentUser.signedIn()
				.ifPresent(user -> this.events.publishEvent(new SecurityEvent(SecurityEvent.Action.ACCESS_DENIED,
						user.id(), user.clinic(), user.role(), true, null, what(request))));
		}
	}

	/**
	 * "GET /api/v1/admin/audit": what was refused, within the audit log's 200 characters
	 * for a detail.
	 */
	private static String what(HttpServletRequest request) {
		String what = request.getMethod() + " " + request.getRequestURI();
		return (what.length() > 200) ? what.substring(0, 200) : what;
	}

}
