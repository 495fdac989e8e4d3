package org.backcare.account;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** What page requests ask of the session store, and what they leave alone. */
class SparingPageSessionsTest {

	private final AtomicInteger reads = new AtomicInteger();

	private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>()) {

		@Override
		public MapSession findById(String id) {
			SparingPageSessionsTest.this.reads.incrementAndGet();
			return super.findById(id);
		}

	};

	private final SparingPageSessions sessions = new SparingPageSessions(this.store);

	@Test
	void withinOneRequestTheSessionIsReadOnceAndEachRequestReadsItAfresh() throws Exception {
		String id = stored(Instant.now());

		inOneRequest(() -> {
			Session first = this.sessions.findById(id);
			this.sessions.save(first);
			assertThat(this.sessions.findById(id)).isSameAs(first);
		});
		inOneRequest(() -> this.sessions.findById(id));

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void outsideARequestEveryLookUpReadsTheStore() {
		String id = stored(Instant.now());

		this.sessions.findById(id);
		this.sessions.findById(id);

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void theLastAccessMovesOnlyOnceItIsAMinuteOld() {
		Instant written = Instant.parse("2026-12-04T10:00:00Z");
		String id = stored(written);

		Session session = this.sessions.findById(id);
		session.setLastAccessedTime(written.plus(Duration.ofSeconds(59)));
		assertThat(session.getLastAccessedTime()).isEqualTo(written);

		session.setLastAccessedTime(written.plus(Duration.ofMinutes(1)));
		assertThat(session.getLastAccessedTime()).isEqualTo(written.plus(Duration.ofMinutes(1)));
		this.sessions.save(session);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(written.plus(Duration.ofMinutes(1)));
	}

	@Test
	void aSessionDeletedInTheRequestIsNotHandedOutAgain() throws Exception {
		String id = stored(Instant.now());

		inOneRequest(() -> {
			this.sessions.findById(id);
			this.sessions.deleteById(id);
			assertThat(this.sessions.findById(id)).isNull();
		});
	}

	private String stored(Instant lastAccess) {
		MapSession session = this.store.createSession();
		session.setLastAccessedTime(lastAccess);
		session.setMaxInactiveInterval(Duration.ofDays(365 * 10));
		this.store.save(session);
		return session.getId();
	}

	private static void inOneRequest(Runnable work) throws Exception {
		SparingPageSessions.requestScope()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> work.run());
	}

}
