package org.backcare.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session's JDBC store as page requests use it, without the two round trips it
 * would make on every request for nothing.
 *
 * <ul>
 * <li>A request's <b>last access is written at most once a minute</b>: Spring Session
 * otherwise updates the session's row (its own transaction, a commit flushed to disk) on
 * every page view only to move its expiry by the seconds since the last one. A session
 * therefore ends 29 to 30 minutes after its last use instead of exactly 30; anything else
 * that changed (signing in, an attribute) is written at once, as before.</li>
 * <li><b>The session is read once per request</b>: Spring Session's filter reads it again
 * after saving it, only to compare its id with the cookie's. Within one request (this
 * class's {@link #requestScope() filter} marks its bounds, outside Spring Session's own)
 * the session read first is handed out again; another request, on any node, reads it
 * afresh.</li>
 * </ul>
 */
final class SparingPageSessions implements SessionRepository<Session>, DisposableBean {

	static final Duration WRITE_LAST_ACCESS_EVERY = Duration.ofMinutes(1);

	private static final ThreadLocal<Map<String, Session>> readThisRequest = new ThreadLocal<>();

	private final SessionRepository<Session> store;

	@SuppressWarnings("unchecked")
	SparingPageSessions(SessionRepository<? extends Session> store) {
		// Sessions handed back to the store are always the store's own (unwrapped below).
		this.store = (SessionRepository<Session>) store;
	}

	@Override
	public Session createSession() {
		return this.store.createSession();
	}

	@Override
	public void save(Session session) {
		this.store.save((session instanceof SeldomTouched touched) ? touched.session : session);
	}

	@Override
	public Session findById(String id) {
		Map<String, Session> read = readThisRequest.get();
		if (read != null && read.containsKey(id)) {
			return read.get(id);
		}
		Session found = this.store.findById(id);
		Session handedOut = (found != null) ? new SeldomTouched(found) : null;
		if (read != null) {
			read.put(id, handedOut);
		}
		return handedOut;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Session> read = readThisRequest.get();
		if (read != null) {
			read.remove(id);
		}
		this.store.deleteById(id);
	}

	@Override
	public void destroy() throws Exception {
		if (this.store instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	/**
	 * Marks one request's bounds for {@link #findById}; runs just outside Spring
	 * Session's filter.
	 */
	static OncePerRequestFilter requestScope() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				readThisRequest.set(new HashMap<>(2));
				try {
					chain.doFilter(request, response);
				}
				finally {
					readThisRequest.remove();
				}
			}

		};
	}

	/** A stored session whose last access moves only once it is a minute old. */
	private static final class SeldomTouched implements Session {

		private final Session session;

		SeldomTouched(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.session.getLastAccessedTime(), lastAccessedTime)
				.compareTo(WRITE_LAST_ACCESS_EVERY) >= 0) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
