package org.backcare.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.backcare.ClinicFixture;
import org.backcare.ClinicFixture.TestClinic;
import org.backcare.clinic.ServiceType;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 10:00 series stays at 10:00 local time across both daylight-saving changes, in Berlin
 * and in New York, booked through the whole stack and stored in PostgreSQL. The changes
 * lie further ahead than the booking horizon allows today, so this context runs on a
 * clock set a few weeks before each change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ ClinicFixture.class, SeriesAcrossDaylightSavingTest.SettableClockConfiguration.class })
class SeriesAcrossDaylightSavingTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	SettableClock clock;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	SeriesBookings series;

	@Autowired
	JdbcClient jdbc;

	@Test
	void springForward_berlinOnMarch29_newYorkOnMarch8() {
		this.clock.set(Instant.parse("2026-02-16T08:00:00Z"));
		assertEveryStartAtTenLocal(BERLIN, LocalDate.of(2026, 3, 16), 4);
		assertEveryStartAtTenLocal(NEW_YORK, LocalDate.of(2026, 2, 23), 4);
	}

	@Test
	void fallBack_berlinOnOctober25_newYorkOnNovember1() {
		this.clock.set(Instant.parse("2026-09-21T08:00:00Z"));
		assertEveryStartAtTenLocal(BERLIN, LocalDate.of(2026, 10, 12), 4);
		assertEveryStartAtTenLocal(NEW_YORK, LocalDate.of(2026, 10, 19), 4);
	}

	private void assertEveryStartAtTenLocal(ZoneId zone, LocalDate first, int sessions) {
		TestClinic clinic = this.fixture.open(zone);
		var therapist = clinic.therapist();
		var client = clinic.client();
		SeriesPlan plan = this.series.book(clinic.admin(),
				new SeriesRequest(client, therapist, ServiceType.TREATMENT_60, null,
						first.atTime(10, 0).atZone(zone).toInstant(), new SeriesRule(1, sessions, null), null, null,
						null),
				null);
		List<java.time.OffsetDateTime> starts = this.jdbc
			.sql("SELECT starts_at FROM appointment WHERE series_id = ? ORDER BY starts_at")
			.param(plan.series())
			.query(java.time.OffsetDateTime.class)
			.list();
		assertThat(starts).hasSize(sessions);
		assertThat(starts).allSatisfy(
				start -> assertThat(start.atZoneSameInstant(zone).toLocalTime().toString()).as("local start in " + zone)
					.isEqualTo("10:00"));
		// Across the change the UTC hour moves by one: the same wall-clock time, not the
		// same instant of the day.
		assertThat(starts.get(0).withOffsetSameInstant(ZoneOffset.UTC).getHour())
			.isNotEqualTo(starts.get(sessions - 1).withOffsetSameInstant(ZoneOffset.UTC).getHour());
		assertThat(this.jdbc
			.sql("SELECT time_zone || ' ' || to_char(first_local, 'HH24:MI') FROM appointment_series WHERE id = ?")
			.param(plan.series())
			.query(String.class)
			.single()).isEqualTo(zone.getId() + " 10:00");
	}

	/** A clock the test sets; the rest of the application reads it like the real one. */
	static final class SettableClock extends Clock {

		private volatile Instant now = Instant.now();

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			SettableClock outer = this;
			return new Clock() {

				@Override
				public ZoneId getZone() {
					return zone;
				}

				@Override
				public Clock withZone(ZoneId other) {
					return outer.withZone(other);
				}

				@Override
				public Instant instant() {
					return outer.instant();
				}

			};
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SettableClockConfiguration {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

}
